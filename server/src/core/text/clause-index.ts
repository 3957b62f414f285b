/**
 * Which clause each char of a normalized text is in, for combos that must meet "in one
 * sentence": clauses end at 。！？；，、 (normalized to 。!?;,、) and at a line break or a
 * full stop, which normalization drops from the text, so those are read from the input
 * between two kept chars through the offset map.
 */
import type { NormalizedText } from './normalize-text.js';

const KEPT_BREAKS = new Set([...'。!?;,、']);
const DROPPED_BREAKS = new Set([...'\n\r.…']);

/**
 * `clause[i]` numbers the clause of `text.text[i]`; a break char belongs to the clause it ends.
 * @example clauseIndex(normalizeText('密码，忘了'), '密码，忘了') // [0, 0, 0, 1, 1]
 */
export function clauseIndex(text: NormalizedText, input: string): Uint32Array {
  const clause = new Uint32Array(text.text.length);
  let current = 0;
  for (let i = 0; i < text.text.length; i++) {
    if (i > 0 && droppedBreakBefore(text, input, i)) current++;
    clause[i] = current;
    if (KEPT_BREAKS.has(text.text[i] ?? '')) current++;
  }
  return clause;
}

/** A line break or full stop among the input chars dropped between normalized chars i-1 and i. */
function droppedBreakBefore(text: NormalizedText, input: string, i: number): boolean {
  const from = (text.map[i - 1] ?? 0) + 1;
  const to = text.map[i] ?? 0;
  for (let k = from; k < to; k++) if (DROPPED_BREAKS.has(input[k] ?? '')) return true;
  return false;
}
