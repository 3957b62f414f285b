/**
 * Regular expressions written by operators (lexicon terms with `regex: true`, keywords of
 * `regex` groups), matched over the normalized text with RE2's linear-time engine (re2js),
 * so no pattern can backtrack catastrophically. `compileRegex` is the one place a pattern
 * becomes runnable: the safety subset (rules-schema/regex-safety.ts, shared with the editor)
 * and then RE2 itself, which refuses what it cannot run (`\u{…}`, `\cA`, repeats over 1000).
 * The workspace compiler calls it at save, publish, import and recompile alike.
 */
import { RE2JS } from 're2js';
import { checkRegexSafety } from '../../../../rules-schema/regex-safety.js';
import type { TermHit, TermPayload } from './term-hit.js';

export interface RegexTerm {
  regex: RE2JS;
  payload: TermPayload;
}

export type RegexCompile = { ok: true; regex: RE2JS } | { ok: false; reason: string };

/** Looks up an already compiled pattern (null: refused, never run). */
export type RegexOf = (pattern: string) => RE2JS | null;

/**
 * @example compileRegex('保证?治愈') // { ok: true, regex }
 * @example compileRegex('退款{10000}') // { ok: false, reason: 'RE2 无法运行这个正则：invalid repeat count …' }
 */
export function compileRegex(pattern: string): RegexCompile {
  const safety = checkRegexSafety(pattern);
  if (!safety.ok) return { ok: false, reason: safety.reason };
  try {
    return { ok: true, regex: RE2JS.compile(pattern) };
  } catch (err) {
    return { ok: false, reason: `RE2 无法运行这个正则：${err instanceof Error ? err.message : String(err)}` };
  }
}

/** `RegexOf` compiling on demand: for callers outside the workspace compiler (tests, offline tools). */
export const compileOnDemand: RegexOf = (pattern) => {
  const compiled = compileRegex(pattern);
  return compiled.ok ? compiled.regex : null;
};

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
