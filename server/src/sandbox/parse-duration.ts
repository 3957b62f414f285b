/** Parses sandbox durations (`30s`, `10m`, `47h59m`, `2d`, `500ms`) into milliseconds. */
import { MAX_DURATION_MS } from '../../../rules-schema/index.js';
import { invalid } from '../errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Milliseconds of `text`; over MAX_DURATION_MS it is refused with VALIDATION_FAILED at `pointer`.
 * @example parseDuration('47h59m') // 172740000
 */
export function parseDuration(text: string, pointer = '/after'): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/([0-9]+)(ms|d|h|m|s)/g)) total += Number(amount) * (UNIT_MS[unit as string] ?? 0);
  if (total <= MAX_DURATION_MS) return total;
  throw invalid('时长超出允许范围 (duration too long)', [{ path: pointer, message: `must be at most ${MAX_DURATION_MS / 86_400_000}d` }]);
}
