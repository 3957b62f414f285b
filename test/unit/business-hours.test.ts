/** Business hours, overnight spans included (issue 9, item 8), in the account's time zone. */
import { describe, expect, it } from 'vitest';
import { withinBusinessHours } from '../../server/src/core/engine/business-hours.js';

const SH = 'Asia/Shanghai';
// 2026-11-27 is a Friday, 11-28 a Saturday, 11-29 a Sunday, 11-30 a Monday.
const at = (local: string, offset = '+08:00') => Date.parse(`${local}${offset}`);

describe('business hours', () => {
  it.each([
    ['2026-11-27T09:00', true],
    ['2026-11-27T17:59', true],
    ['2026-11-27T18:00', false],
    ['2026-11-27T08:59', false],
    ['2026-11-28T10:00', false], // Saturday is not listed
  ])('09:00–18:00 on weekdays, %s → %s', (local, expected) => {
    expect(withinBusinessHours({ days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }, SH, at(local))).toBe(expected);
  });

  it.each([
    ['2026-11-27T21:59', false],
    ['2026-11-27T22:00', true],
    ['2026-11-27T23:59', true],
    ['2026-11-28T00:00', true],
    ['2026-11-28T01:59', true],
    ['2026-11-28T02:00', false],
    ['2026-11-28T12:00', false],
  ])('22:00–02:00 every day, %s → %s', (local, expected) => {
    expect(withinBusinessHours({ days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '02:00' }, SH, at(local))).toBe(
      expected,
    );
  });

  it.each([
    ['2026-11-27T22:00', true], // Friday evening: Friday's span starts
    ['2026-11-28T01:59', true], // Saturday early morning: still Friday's span
    ['2026-11-28T22:00', false], // Saturday evening: Saturday is not listed
    ['2026-11-29T01:00', false], // Sunday early morning: Saturday's span
    ['2026-11-30T01:00', true], // Monday early morning: Sunday's span, across the week boundary
    ['2026-11-30T22:00', false], // Monday evening: Monday is not listed
  ])('22:00–02:00 on Friday and Sunday: the weekday is the day the span starts, %s → %s', (local, expected) => {
    expect(withinBusinessHours({ days: [5, 7], start: '22:00', end: '02:00' }, SH, at(local))).toBe(expected);
  });

  it('reads the clock in the account time zone', () => {
    const hours = { days: [1, 2, 3, 4, 5, 6, 7], start: '22:00', end: '02:00' };
    // 22:30 in New York is 11:30 the next day in Shanghai.
    const instant = at('2026-11-27T22:30', '-05:00');
    expect(withinBusinessHours(hours, 'America/New_York', instant)).toBe(true);
    expect(withinBusinessHours(hours, SH, instant)).toBe(false);
  });

  it('a span whose end equals its start covers the full day; 24:00 ends at midnight', () => {
    const allDay = { days: [5], start: '00:00', end: '00:00' };
    expect(withinBusinessHours(allDay, SH, at('2026-11-27T00:00'))).toBe(true);
    expect(withinBusinessHours(allDay, SH, at('2026-11-27T23:59'))).toBe(true);
    expect(withinBusinessHours(allDay, SH, at('2026-11-28T00:00'))).toBe(false);
    const evening = { days: [5], start: '20:00', end: '24:00' };
    expect(withinBusinessHours(evening, SH, at('2026-11-27T23:59'))).toBe(true);
    expect(withinBusinessHours(evening, SH, at('2026-11-28T00:00'))).toBe(false);
  });

  it('no business hours set: always within', () => {
    expect(withinBusinessHours(null, SH, at('2026-11-28T03:00'))).toBe(true);
  });
});
