/** The clause around a span, for rewrites that must drop or replace a whole clause (a reward offer, a cure claim). */
import type { SpanEdit } from './rewrite-suggestion.js';

/** Clause ends: sentence punctuation, commas and line breaks (half and full width). */
const CLAUSE_END = /[，,。！？!?；;\n\r]/;

/**
 * `[start, end)` of the clause holding `[from, to)`, without its punctuation.
 * @example clauseSpan('好的，转发能领券。', 3, 6) // [3, 8]
 */
export function clauseSpan(text: string, from: number, to: number): [number, number] {
  let start = from;
  while (start > 0 && !CLAUSE_END.test(text[start - 1] ?? '')) start--;
  let end = Math.max(to, start);
  while (end < text.length && !CLAUSE_END.test(text[end] ?? '')) end++;
  return [start, end];
}

/**
 * The edit that removes the clause holding `[from, to)` together with one of its delimiters:
 * the one before it when there is one (`A，B。` → `A。`), else the one after (`B，A` → `A`).
 * @example removeClause('好的，转发能领券。', 3, 6) // { start: 2, end: 8, replacement: '' }
 */
export function removeClause(text: string, from: number, to: number): SpanEdit {
  const [start, end] = clauseSpan(text, from, to);
  if (start > 0) return { start: start - 1, end, replacement: '' };
  return { start, end: end < text.length ? end + 1 : end, replacement: '' };
}
