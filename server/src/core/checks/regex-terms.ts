/**
 * Lexicon terms written as regular expressions (`regex: true`), matched over the normalized
 * text beside the automaton. Only patterns passing the linear-time check are compiled: one
 * the check refuses is never run (the schema refuses it on save and import, this is the
 * second line of defence for documents stored before).
 */
import { checkRegexSafety } from '../../../../rules-schema/regex-safety.js';
import type { TermHit, TermPayload } from './term-hit.js';

export interface RegexTerm {
  regex: RegExp;
  payload: TermPayload;
}

/**
 * @returns the compiled term, or null when the pattern is refused.
 * @example compileRegexTerm('保证?治愈', payload)?.regex.source // '保证?治愈'
 */
export function compileRegexTerm(pattern: string, payload: TermPayload): RegexTerm | null {
  if (!checkRegexSafety(pattern).ok) return null;
  return { regex: new RegExp(pattern, 'gu'), payload };
}

/** Every match of every regex term in `normalized` (at most MAX_HITS per term). */
export function scanRegexTerms(terms: readonly RegexTerm[], normalized: string): TermHit[] {
  const hits: TermHit[] = [];
  for (const { regex, payload } of terms) {
    regex.lastIndex = 0;
    for (let n = 0; n < MAX_HITS; n++) {
      const m = regex.exec(normalized);
      if (!m) break;
      if (m[0].length === 0) {
        regex.lastIndex++; // the safety check refuses empty matches; never loop on one anyway
        continue;
      }
      hits.push({ start: m.index, end: m.index + m[0].length, payload });
    }
  }
  return hits;
}

const MAX_HITS = 200;
