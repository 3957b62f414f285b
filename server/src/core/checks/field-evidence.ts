/**
 * Evidence for a span found in a field's NORMALIZED text, mapped back to UTF-16 offsets
 * in the original text (separators dropped inside the span are part of the evidence).
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Evidence } from '../reason.js';

/**
 * @example fieldEvidence('content', '请退-款', normalizeText('请退-款'), 1, 3) // {field:'content', text:'退-款', start:1, end:4}
 */
export function fieldEvidence(
  field: string,
  original: string,
  normalized: NormalizedText,
  start: number,
  end: number,
): Evidence {
  const from = normalized.map[start] ?? original.length;
  const last = normalized.map[Math.max(start, end - 1)] ?? from;
  // The last normalized char came from the input char at `last`; include all of it (a surrogate pair is two units).
  const to = Math.min(original.length, last + ((original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1));
  return { field, text: original.slice(from, to), start: from, end: to };
}
