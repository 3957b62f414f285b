/**
 * Lexicon terms written as regular expressions (`regex: true`), matched over the normalized
 * text beside the automaton with RE2's linear-time engine (re2js), so no pattern can
 * backtrack catastrophically. The safety check still refuses patterns outside the subset
 * operators need (the schema refuses them on save and import; this is the second line).
 */
import { RE2JS } from 're2js';
import { checkRegexSafety } from '../../../../rules-schema/regex-safety.js';
import type { TermHit, TermPayload } from './term-hit.js';

export interface RegexTerm {
  regex: RE2JS;
  payload: TermPayload;
}

/**
 * @returns the compiled term, or null when the pattern is refused.
 * @example compileRegexTerm('保证?治愈', payload)?.regex.pattern() // '保证?治愈'
 */
export function compileRegexTerm(pattern: string, payload: TermPayload): RegexTerm | null {
  if (!checkRegexSafety(pattern).ok) return null;
  return { regex: RE2JS.compile(pattern), payload };
}

/** Every match of every regex term in `normalized` (at most MAX_HITS per term). */
export function scanRegexTerms(terms: readonly RegexTerm[], normalized: string): TermHit[] {
  const hits: TermHit[] = [];
  for (const { regex, payload } of terms) {
    const m = regex.matcher(normalized);
    for (let n = 0; n < MAX_HITS && m.find(); n++) {
      // The safety check refuses patterns that match the empty string; skip one anyway.
      if (m.end() > m.start()) hits.push({ start: m.start(), end: m.end(), payload });
    }
  }
  return hits;
}

const MAX_HITS = 200;
