/** The periods the 「未命中的问题」 view offers: the last 7 or 30 days, or calendar days picked. */
export type PeriodChoice = { kind: 'last7' } | { kind: 'last30' } | { kind: 'custom'; fromDay: string; toDay: string };

const DAY_MS = 86_400_000;

/**
 * `[from, to)` of a choice at `now`; custom days are local calendar days, `toDay` included.
 * Null when a custom period is incomplete or ends before it starts.
 * @example missedPeriod({ kind: 'last7' }, Date.parse('2026-11-24T10:00:00Z')) // { from: 2026-11-17T10:00Z, to: 2026-11-24T10:00Z }
 */
export function missedPeriod(choice: PeriodChoice, now: number): { from: Date; to: Date } | null {
  if (choice.kind === 'last7') return { from: new Date(now - 7 * DAY_MS), to: new Date(now) };
  if (choice.kind === 'last30') return { from: new Date(now - 30 * DAY_MS), to: new Date(now) };
  const from = localDay(choice.fromDay);
  const to = localDay(choice.toDay);
  if (!from || !to || to < from) return null;
  to.setDate(to.getDate() + 1);
  return { from, to };
}

/** `2026-11-24` as local midnight (the date input's value), or null. */
function localDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** A local calendar day as the date input writes it. */
export function dayInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
