/**
 * Business-hours test in the account's time zone (CONTRACT §4: Asia/Shanghai unless set).
 *
 * A span runs from `start` (included) to `end` (excluded), on each listed weekday (1 = Monday …
 * 7 = Sunday). When `end` is not after `start` the span crosses midnight, and it belongs to
 * the day it starts: `{days:[5], start:'22:00', end:'02:00'}` is Friday 22:00 to Saturday
 * 02:00, so Saturday 01:00 is within it and Friday 01:00 is not. `start` equal to `end` is a
 * span of the full 24 hours from `start` (`00:00`–`00:00` is all day on each listed day).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const DAY_MINUTES = 24 * 60;

/**
 * @example withinBusinessHours({days:[5], start:'22:00', end:'02:00'}, 'Asia/Shanghai', Date.parse('2026-11-28T01:59+08:00')) // true (Friday's span)
 */
export function withinBusinessHours(
  hours: { days: number[]; start: string; end: string } | null,
  timeZone: string,
  now: number,
): boolean {
  if (!hours) return true;
  const parts = formatterFor(timeZone).formatToParts(new Date(now));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS[get('weekday')] ?? 0;
  const minute = Number(get('hour')) * 60 + Number(get('minute'));
  const toMinutes = (hhmm: string) => Math.min(DAY_MINUTES, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)));
  const start = toMinutes(hours.start);
  const end = toMinutes(hours.end);
  if (start < end) return hours.days.includes(day) && minute >= start && minute < end;
  // Crosses midnight: the evening part is today's span, the early-morning part yesterday's.
  if (minute >= start) return hours.days.includes(day);
  return minute < end && hours.days.includes(day === 1 ? 7 : day - 1);
}
