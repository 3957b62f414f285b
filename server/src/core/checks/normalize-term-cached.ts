/**
 * `normalizeTerm` remembered: normalizing a term costs tens of microseconds (full text
 * normalization with offset maps), and the same lexicons are compiled again at every save,
 * publish and recompile of an account — the default policy alone is ~8,000 terms. A bounded
 * map (cleared when full) keeps repeated compiles to the new terms only.
 */
import { normalizeTerm } from '../text/normalize-text.js';

const MAX_ENTRIES = 200_000;
const cache = new Map<string, string>();

/** @example normalizeTermCached('保证 治愈') === normalizeTerm('保证 治愈') // true */
export function normalizeTermCached(term: string): string {
  let normalized = cache.get(term);
  if (normalized === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    normalized = normalizeTerm(term);
    cache.set(term, normalized);
  }
  return normalized;
}
