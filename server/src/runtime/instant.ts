/** CONTRACT §4: every `at` is ISO-8601 with offset or epoch milliseconds; absent means now. */
export function toEpochMs(at: string | number | undefined, now: number): number {
  if (at === undefined) return now;
  return typeof at === 'number' ? at : Date.parse(at);
}
