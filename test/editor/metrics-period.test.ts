/** The 「数据」 periods as calendar days of the account's zone, and the automatic day/hour choice. */
import { describe, expect, it } from 'vitest';
import { groupByFor, hourlyAllowed, metricsPeriod } from '../../editor/src/metrics/metrics-period.js';

/** 2030-03-04 10:00 in Shanghai; 2030-03-03 21:00 in New York. */
const T0 = Date.parse('2030-03-04T02:00:00Z');
const iso = (p: { from: Date; to: Date } | null) => p && [p.from.toISOString(), p.to.toISOString()];

describe('metricsPeriod', () => {
  it('counts presets in Shanghai days, today included, up to now', () => {
    expect(iso(metricsPeriod({ kind: 'today' }, T0, 'Asia/Shanghai'))).toEqual([
      '2030-03-03T16:00:00.000Z',
      '2030-03-04T02:00:00.000Z',
    ]);
    expect(iso(metricsPeriod({ kind: 'last30' }, T0, 'Asia/Shanghai'))).toEqual([
      '2030-02-02T16:00:00.000Z',
      '2030-03-04T02:00:00.000Z',
    ]);
  });

  it('takes the days of the account zone, across a daylight-saving change', () => {
    // New York's day is still 3 March; the clocks go forward on 10 March.
    expect(iso(metricsPeriod({ kind: 'today' }, T0, 'America/New_York'))).toEqual([
      '2030-03-03T05:00:00.000Z',
      '2030-03-04T02:00:00.000Z',
    ]);
    const later = T0 + 30 * 86_400_000;
    expect(
      iso(metricsPeriod({ kind: 'custom', fromDay: '2030-03-09', toDay: '2030-03-10' }, later, 'America/New_York')),
    ).toEqual(['2030-03-09T05:00:00.000Z', '2030-03-11T04:00:00.000Z']);
  });

  it('refuses custom periods that are incomplete, reversed or in the future', () => {
    expect(metricsPeriod({ kind: 'custom', fromDay: '', toDay: '2030-03-02' }, T0, 'Asia/Shanghai')).toBeNull();
    expect(
      metricsPeriod({ kind: 'custom', fromDay: '2030-03-02', toDay: '2030-03-01' }, T0, 'Asia/Shanghai'),
    ).toBeNull();
    expect(
      metricsPeriod({ kind: 'custom', fromDay: '2030-03-05', toDay: '2030-03-06' }, T0, 'Asia/Shanghai'),
    ).toBeNull();
  });
});

describe('groupByFor', () => {
  const period = (days: number) => ({ from: new Date(T0 - days * 86_400_000), to: new Date(T0) });
  it('picks hours for up to two days and days beyond, unless the operator picked', () => {
    expect(groupByFor(period(2), null)).toBe('hour');
    expect(groupByFor(period(2.5), null)).toBe('day');
    expect(groupByFor(period(1), 'day')).toBe('day');
    expect(groupByFor(period(10), 'hour')).toBe('hour');
  });
  it('falls back to days where the server draws no hourly series (over 31 days)', () => {
    expect(hourlyAllowed(period(31))).toBe(true);
    expect(hourlyAllowed(period(32))).toBe(false);
    expect(groupByFor(period(32), 'hour')).toBe('day');
  });
});
