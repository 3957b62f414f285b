/**
 * Chart buckets in an account's time zone: the calendar day (`2026-11-24`) and the hour
 * (`2026-11-24T10`) an instant falls in. Written on each event and turn, so the store groups by
 * a plain field on both backends (SQLite has no time zones; a zone set later applies to what
 * is recorded from then on).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export interface TimeBuckets {
  day: string;
  hour: string;
}

/**
 * Every zone's offset, and every daylight-saving change, falls on a quarter hour: within one
 * quarter hour of UTC an instant's buckets are the same in any zone. The last quarter's buckets
 * per zone are kept, since every message and event of a busy account asks for them.
 */
const QUARTER_HOUR_MS = 900_000;
const lastQuarter = new Map<string, { quarter: number; buckets: Readonly<TimeBuckets> }>();

/** @example timeBuckets(Date.parse('2026-11-24T02:30:00Z'), 'Asia/Shanghai') // {day:'2026-11-24', hour:'2026-11-24T10'} */
export function timeBuckets(ms: number, zone: string): Readonly<TimeBuckets> {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const last = lastQuarter.get(zone);
  if (last?.quarter === quarter) return last.buckets;
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(ms)) parts[p.type] = p.value;
  const day = `${parts['year']}-${parts['month']}-${parts['day']}`;
  // `hourCycle: 'h23'` still prints midnight as 24 in some ICU versions.
  const hour = parts['hour'] === '24' ? '00' : parts['hour'];
  const buckets = Object.freeze({ day, hour: `${day}T${hour}` });
  lastQuarter.set(zone, { quarter, buckets });
  return buckets;
}

/**
 * Every bucket label of `[from, to)`, in order: stepping by hours and keeping each new label
 * handles offsets and daylight-saving shifts without date arithmetic per zone.
 */
export function bucketLabels(from: number, to: number, zone: string, unit: keyof TimeBuckets): string[] {
  const labels: string[] = [];
  const HOUR = 3_600_000;
  // Start on the hour boundary at or before `from`, so no label is skipped by a non-hour offset.
  for (let t = from - (from % HOUR); t < to; t += HOUR) {
    const label = timeBuckets(Math.max(t, from), zone)[unit];
    if (labels.at(-1) !== label) labels.push(label);
  }
  // A zone off the whole hour (+05:30, +05:45) starts its hours between the steps: a range's last,
  // partial hour can hold no step.
  const last = to > from ? timeBuckets(to - 1, zone)[unit] : undefined;
  if (last !== undefined && labels.at(-1) !== last) labels.push(last);
  return labels;
}

/** The formatter that reads an instant's buckets in `zone` (one per zone). */
export function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}
