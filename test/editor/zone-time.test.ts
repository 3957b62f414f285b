/** Wall-clock readings in the account's zone: what the sandbox's and backtest's date-time fields show and send. */
import { describe, expect, it } from 'vitest';
import { fromZoneLocal, mondayNine, toZoneLocal, zoneDay } from '../../editor/src/time/zone-time.js';

describe('account zone wall clock', () => {
  it('shows an instant on the zone clock, whatever the offset it was written with', () => {
    expect(toZoneLocal('2026-01-05T09:00:00+08:00', 'Asia/Shanghai')).toBe('2026-01-05T09:00');
    expect(toZoneLocal('2026-01-05T09:00:00+08:00', 'Asia/Tokyo')).toBe('2026-01-05T10:00');
    expect(toZoneLocal('2026-01-05T09:00:00+08:00', 'America/Los_Angeles')).toBe('2026-01-04T17:00');
    expect(toZoneLocal('yesterday', 'Asia/Shanghai')).toBe('');
  });

  it('reads a typed time on the zone clock, with the offset in force on that day', () => {
    expect(fromZoneLocal('2026-01-05T10:00', 'Asia/Tokyo')).toBe('2026-01-05T10:00:00+09:00');
    expect(fromZoneLocal('2026-01-05T10:00', 'Asia/Shanghai')).toBe('2026-01-05T10:00:00+08:00');
    // New York: standard time in January, daylight time in July.
    expect(fromZoneLocal('2026-01-05T10:00', 'America/New_York')).toBe('2026-01-05T10:00:00-05:00');
    expect(fromZoneLocal('2026-07-06T10:00', 'America/New_York')).toBe('2026-07-06T10:00:00-04:00');
    expect(fromZoneLocal('2026-01-05T10:00', 'Asia/Kathmandu')).toBe('2026-01-05T10:00:00+05:45');
    expect(fromZoneLocal('', 'Asia/Shanghai')).toBeNull();
    expect(fromZoneLocal('2026-01-05 10:00', 'Asia/Shanghai')).toBeNull();
  });

  it('round-trips: a typed time shows again as typed', () => {
    for (const zone of ['Asia/Shanghai', 'Europe/London', 'America/Sao_Paulo', 'Australia/Adelaide']) {
      for (const local of ['2026-03-29T09:30', '2026-10-25T23:59', '2026-12-31T00:00']) {
        const instant = fromZoneLocal(local, zone);
        expect(instant && toZoneLocal(instant, zone)).toBe(local);
      }
    }
  });

  it('finds the Monday 09:00 of the week in the zone', () => {
    // 2026-01-04T20:00Z: Monday 5 January 04:00 in Shanghai, still Sunday in London.
    const t = Date.parse('2026-01-04T20:00:00Z');
    expect(mondayNine(t, 'Asia/Shanghai')).toBe('2026-01-05T09:00:00+08:00');
    expect(mondayNine(t, 'Europe/London')).toBe('2025-12-29T09:00:00+00:00');
    expect(zoneDay(t, 'Asia/Shanghai')).toBe('2026-01-05');
    expect(zoneDay(t, 'Europe/London')).toBe('2026-01-04');
  });
});
