/** Parses sandbox durations (`30s`, `10m`, `47h59m`, `2d`, `500ms`) into milliseconds. */
import { MAX_DURATION_MS, stepDurationMs } from '../../../rules-schema/index.js';
import { invalid } from '../errors.js';

/**
 * Milliseconds of `text`; not a duration, or over MAX_DURATION_MS, is refused with VALIDATION_FAILED at `pointer`.
 * @example parseDuration('47h59m') // 172740000
 */
export function parseDuration(text: string, pointer = '/after'): number {
  const total = stepDurationMs(text);
  if (total === null)
    throw invalid('时长格式不对，例如 30s、10m、47h59m、2d (not a duration)', [
      { path: pointer, message: 'must look like 30s, 10m, 47h59m or 2d' },
    ]);
  if (total <= MAX_DURATION_MS) return total;
  throw invalid('时长超出允许范围 (duration too long)', [
    { path: pointer, message: `must be at most ${MAX_DURATION_MS / 86_400_000}d` },
  ]);
}
