/** CONTRACT §4: every `at` is ISO-8601 with offset or epoch milliseconds; absent means now. */
import { INSTANT_RANGE } from '../../../rules-schema/index.js';
import { invalid } from '../errors.js';

/**
 * Epoch ms of `at`, refused with VALIDATION_FAILED at `pointer` outside INSTANT_RANGE: the
 * schema refuses such bodies first; this guards every other way a time arrives.
 * @example toEpochMs('2026-11-24T10:00:00+08:00', Date.now()) // 1795485600000
 */
export function toEpochMs(at: string | number | undefined, now: number, pointer = '/at'): number {
  if (at === undefined) return now;
  return checkInstant(typeof at === 'number' ? at : Date.parse(at), pointer);
}

/** `ms` itself when it is an instant within INSTANT_RANGE (NaN is not). */
export function checkInstant(ms: number, pointer: string): number {
  if (ms >= INSTANT_RANGE.minMs && ms < INSTANT_RANGE.maxMs) return ms;
  throw invalid('时间超出允许范围 (time out of range)', [
    { path: pointer, message: `must be from ${INSTANT_RANGE.min} to before ${INSTANT_RANGE.max}` },
  ]);
}
