import { addDays, DAY, zoneDay, zoneMidnight } from '../time/zone-time.js';

/** The periods the 「数据」 view offers, as calendar days of the account's zone (Asia/Shanghai unless the policy says otherwise). */
export type MetricsPeriodChoice =
  { kind: 'today' } | { kind: 'last7' } | { kind: 'last30' } | { kind: 'custom'; fromDay: string; toDay: string };

export type GroupBy = 'day' | 'hour';

export interface MetricsPeriod {
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;
/** Calendar days each preset covers, today included. */
const PRESET_DAYS = { today: 1, last7: 7, last30: 30 } as const;
/** The server draws hourly series for periods of up to 31 days (CONTRACT §12, `MAX_DAYS.hour`). */
const MAX_HOURLY_MS = 31 * DAY_MS;
/** Periods of up to two days read best hour by hour. */
const AUTO_HOURLY_MS = 2 * DAY_MS;

/**
 * `[from, to)` of a choice at `now`: from the first day's midnight in `timeZone` to the end of the
 * last day, or to `now` when that is earlier (nothing after now has happened, so the charts end
 * there instead of trailing empty hours). Null when a custom period is incomplete, reversed or
 * wholly in the future.
 * @example metricsPeriod({ kind: 'last7' }, Date.parse('2030-03-04T02:00:00Z'), 'Asia/Shanghai')
 * // { from: 2030-02-25T16:00:00Z (26 Feb 00:00 in Shanghai), to: 2030-03-04T02:00:00Z }
 */
export function metricsPeriod(choice: MetricsPeriodChoice, now: number, timeZone: string): MetricsPeriod | null {
  const today = zoneDay(now, timeZone);
  const fromDay = choice.kind === 'custom' ? choice.fromDay : addDays(today, 1 - PRESET_DAYS[choice.kind]);
  const toDay = choice.kind === 'custom' ? choice.toDay : today;
  if (!DAY.test(fromDay) || !DAY.test(toDay) || toDay < fromDay) return null;
  const from = zoneMidnight(fromDay, timeZone);
  const to = Math.min(zoneMidnight(addDays(toDay, 1), timeZone), now);
  return from < to ? { from: new Date(from), to: new Date(to) } : null;
}

/** Hours for short periods, days otherwise; the operator's pick when the server can draw it. */
export function groupByFor(period: MetricsPeriod, picked: GroupBy | null): GroupBy {
  if (picked === 'day' || (picked === 'hour' && hourlyAllowed(period))) return picked;
  return spanMs(period) <= AUTO_HOURLY_MS ? 'hour' : 'day';
}

export function hourlyAllowed(period: MetricsPeriod): boolean {
  return spanMs(period) <= MAX_HOURLY_MS;
}

/** The last seven days in `timeZone`, as the date inputs of 自定义 start. */
export function customDefault(now: number, timeZone: string): { fromDay: string; toDay: string } {
  const toDay = zoneDay(now, timeZone);
  return { fromDay: addDays(toDay, -6), toDay };
}

function spanMs(period: MetricsPeriod): number {
  return period.to.getTime() - period.from.getTime();
}
