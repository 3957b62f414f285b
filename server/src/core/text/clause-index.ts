/**
 * Which clause, or sentence, each char of a normalized text is in: combos that must meet "in one
 * sentence" read clauses, which end at 。！？；，、 (normalized to 。!?;,、); a keyword group's
 * exclusion vetoes its sentence, which ends at 。？； only (an exclamation mark rarely ends a
 * remark: 物流好快！昨天下单今天就到了 is one piece of praise). Both also end at a line break or a
 * full stop, which normalization drops from the text, so those are read from the input between
 * two kept chars through the offset map.
 */
import type { NormalizedText } from './normalize-text.js';

const CLAUSE_BREAKS = new Set([...'。!?;,、']);
const SENTENCE_BREAKS = new Set([...'。?;']);
const DROPPED_BREAKS = new Set([...'\n\r.…']);

/**
 * `clause[i]` numbers the clause of `text.text[i]`; a break char belongs to the clause it ends.
 * @example clauseIndex(normalizeText('密码，忘了'), '密码，忘了') // [0, 0, 0, 1, 1]
 */
export function clauseIndex(text: NormalizedText, input: string): Uint32Array {
  return breakIndex(text, input, CLAUSE_BREAKS);
}

/**
 * The same by sentence: commas do not end one.
 * @example sentenceIndex(normalizeText('到账了，谢谢。快递呢'), '到账了，谢谢。快递呢') // [0, 0, 0, 0, 0, 0, 0, 1, 1]
 */
export function sentenceIndex(text: NormalizedText, input: string): Uint32Array {
  return breakIndex(text, input, SENTENCE_BREAKS);
}

function breakIndex(text: NormalizedText, input: string, kept: ReadonlySet<string>): Uint32Array {
  const index = new Uint32Array(text.text.length);
  let current = 0;
  for (let i = 0; i < text.text.length; i++) {
    if (i > 0 && droppedBreakBefore(text, input, i)) current++;
    index[i] = current;
    if (kept.has(text.text[i] ?? '')) current++;
  }
  return index;
}

/** A line break or full stop among the input chars dropped between normalized chars i-1 and i. */
function droppedBreakBefore(text: NormalizedText, input: string, i: number): boolean {
  const from = (text.map[i - 1] ?? 0) + 1;
  const to = text.map[i] ?? 0;
  for (let k = from; k < to; k++) if (DROPPED_BREAKS.has(input[k] ?? '')) return true;
  return false;
}
