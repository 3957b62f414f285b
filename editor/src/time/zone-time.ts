/**
 * Wall-clock time in the account's zone (the policy's `timezone`, Asia/Shanghai unless it says
 * otherwise): the days the 「数据」 view counts, the instants the sandbox and the queue show, and
 * the date-time fields an operator types. The browser's own zone never enters: an operator in
 * another country still reads and types the account's time, as the server buckets and schedules it.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The calendar day (`2030-03-04`) an instant falls on in `timeZone`. */
export function zoneDay(instant: number, timeZone: string): string {
  return dayOf(zoneParts(instant, timeZone));
}

/** 00:00 of a calendar day (`YYYY-MM-DD`) in `timeZone`, as epoch milliseconds. */
export function zoneMidnight(day: string, timeZone: string): number {
  const [y, m, d] = dayParts(day);
  return zoneWallToInstant(Date.UTC(y, m - 1, d), timeZone);
}

/** `day` moved by `n` calendar days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An instant as `YYYY-MM-DDTHH:mm` on the zone's wall clock, the value of a datetime-local field;
 * '' for a text that is not an instant.
 * @example toZoneLocal('2026-01-05T01:00:00Z', 'Asia/Tokyo') // '2026-01-05T10:00'
 */
export function toZoneLocal(instant: string, timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  const p = zoneParts(ms, timeZone);
  return `${dayOf(p)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * A datetime-local value read on the zone's wall clock, as an ISO instant with that zone's offset
 * (what the API takes); null when the value is not `YYYY-MM-DDTHH:mm`.
 * @example fromZoneLocal('2026-01-05T10:00', 'Asia/Tokyo') // '2026-01-05T10:00:00+09:00'
 */
export function fromZoneLocal(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  return withZoneOffset(
    local,
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])),
    timeZone,
  );
}

/**
 * Monday 09:00 of the week `now` falls in, on the zone's wall clock: a readable start for a new
 * sandbox session.
 */
export function mondayNine(now: number, timeZone: string): string {
  const [y, m, d] = dayParts(zoneDay(now, timeZone));
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const monday = Date.UTC(y, m - 1, d - ((weekday + 6) % 7), 9);
  return withZoneOffset(new Date(monday).toISOString().slice(0, 16), monday, timeZone);
}

/** `local` (`YYYY-MM-DDTHH:mm`, read as `wall`: that reading as if UTC) with the zone's offset at that time. */
function withZoneOffset(local: string, wall: number, timeZone: string): string {
  const offsetMin = Math.round((wall - zoneWallToInstant(wall, timeZone)) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** How far the zone's wall clock runs ahead of UTC at an instant (+8 h for Asia/Shanghai). */
function zoneOffset(instant: number, timeZone: string): number {
  const p = zoneParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock reading (as if UTC) names in the zone: the offset at a first guess, then at the answer, so it is right across a daylight-saving change too. */
function zoneWallToInstant(wall: number, timeZone: string): number {
  const guess = wall - zoneOffset(wall, timeZone);
  return wall - zoneOffset(guess, timeZone);
}

function zoneParts(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((x) => x.type === type)?.value ?? 0);
  return {
    year: n('year'),
    month: n('month'),
    day: n('day'),
    hour: n('hour'),
    minute: n('minute'),
    second: n('second'),
  };
}

function dayOf(p: { year: number; month: number; day: number }): string {
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Year, month and day of a `YYYY-MM-DD` string; callers pass days they produced or validated. */
function dayParts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a calendar day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
