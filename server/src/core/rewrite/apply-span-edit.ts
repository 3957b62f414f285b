/** Applies one span edit to a field's text, tidying what a removal leaves behind. */
import type { SpanEdit } from './rewrite-suggestion.js';

/** Punctuation that may not start a text or stand twice in a row once a span is removed. */
const PUNCT = /[，,。！？!?；;、：:]/;
/** Punctuation that is wrong at the end of a text (a sentence end is fine). */
const SOFT_PUNCT = /[，,；;、：:]/;

/**
 * The edit widened so that a removal leaves no doubled punctuation or blank, no leading
 * punctuation and no dangling comma, plus the resulting text. Widening only ever moves
 * over BMP punctuation or spaces, so offsets stay on code-point boundaries.
 * @example applySpanEdit('最佳，，好', { start: 0, end: 2, replacement: '' }).text // '好'
 */
export function applySpanEdit(text: string, edit: SpanEdit): SpanEdit & { text: string } {
  let { start, end } = edit;
  const { replacement } = edit;
  if (replacement === '') {
    // A space on both sides of the removed span: keep one.
    if (start > 0 && text[start - 1] === ' ' && text[end] === ' ') end++;
    // A comma left before a full stop, or two commas: keep the stronger right-hand one.
    while (start > 0 && PUNCT.test(text[start - 1] ?? '') && PUNCT.test(text[end] ?? '')) start--;
    // Nothing left before: no punctuation or blank may open the text.
    if (start === 0) while (end < text.length && (PUNCT.test(text[end] ?? '') || text[end] === ' ')) end++;
    // Nothing left after: no dangling comma or blank at the end.
    if (end === text.length)
      while (start > 0 && (SOFT_PUNCT.test(text[start - 1] ?? '') || text[start - 1] === ' ')) start--;
  }
  return { start, end, replacement, text: text.slice(0, start) + replacement + text.slice(end) };
}
