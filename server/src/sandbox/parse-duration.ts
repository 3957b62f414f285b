/** Parses sandbox durations (`30s`, `10m`, `47h59m`, `2d`, `500ms`) into milliseconds. */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseDuration(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|d|h|m|s)/g)) total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  return total;
}
