/**
 * The sandbox step duration syntax (`30s`, `10m`, `47h59m`, `2d`, `500ms`), read the same way by
 * the server and the editor.
 */
import { durationSchema } from './schemas/sandbox.js';

export const DURATION_UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;

const WHOLE = new RegExp(durationSchema.pattern);

/**
 * Milliseconds of a duration in the step syntax; null when `spec` is not one.
 * @example stepDurationMs('47h59m') // 172_740_000
 */
export function stepDurationMs(spec: string): number | null {
  if (!WHOLE.test(spec)) return null;
  let total = 0;
  for (const [, amount, unit] of spec.matchAll(/([0-9]+)(ms|d|h|m|s)/g))
    total += Number(amount) * DURATION_UNIT_MS[unit as keyof typeof DURATION_UNIT_MS];
  return total;
}
