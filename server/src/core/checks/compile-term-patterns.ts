/**
 * Lexicons → normalized automaton patterns with their payloads: one `hit` (or `cue`) per
 * term plus one `exclusion` per ordinary phrase containing it. Compiled once per policy
 * version; the caller builds the lexicon automaton from them.
 */
import type { Lexicon } from '../../../../rules-schema/index.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import { normalizeTermCached } from './normalize-term-cached.js';
import { codeSetting } from './code-setting.js';
import { marketplaceCuePatterns } from './check-marketplace-codes.js';
import { compileOnDemand, type RegexOf, type RegexTerm } from './regex-terms.js';
import type { CueKind, PairRule, TermPayload } from './term-hit.js';
import { runToEnd, type Steps } from '../steps.js';
import { pinyinSubstitutionSteps, type PinyinSubstitutionScanner } from './pinyin-substituted-hits.js';

export interface TermPattern {
  pattern: string;
  payload: TermPayload;
}

/** Literal patterns for the lexicon automaton, and the `regex: true` terms matched beside it. */
export interface CompiledTerms {
  patterns: TermPattern[];
  regexTerms: RegexTerm[];
  /** The same terms with characters typed as pinyin (pinyin-substituted-hits.ts). */
  pinyinSubstituted: PinyinSubstitutionScanner;
}

/** Lexicon category → the §7 code its hits report (a lexicon's own `code` wins). */
export const CATEGORY_CODES: Readonly<Record<Lexicon['category'], string>> = {
  absolute: 'ABSOLUTE_TERM',
  medical: 'MEDICAL_CLAIM',
  promotion: 'PROMOTION',
  sharing: 'INDUCED_SHARING',
  banned: 'BANNED_TERM',
};

/**
 * @param regexOf the compiled form of each `regex: true` term (the workspace compiler has
 *   compiled and reported them all); a refused one is dropped, and its exclusions are moot.
 * @example compileTermPatterns(policy, policy.lexicons).patterns.length // terms + exclusions + allowances + built-in cues
 */
export function compileTermPatterns(
  policy: ResolvedPolicy,
  lexicons: readonly Lexicon[],
  regexOf: RegexOf = compileOnDemand,
): CompiledTerms {
  return runToEnd(termPatternSteps(policy, lexicons, regexOf));
}

/** `compileTermPatterns` one term at a time, so a large lexicon set never holds the event loop. */
export function* termPatternSteps(
  policy: ResolvedPolicy,
  lexicons: readonly Lexicon[],
  regexOf: RegexOf,
): Steps<CompiledTerms> {
  const patterns: TermPattern[] = [];
  const regexTerms: RegexTerm[] = [];
  let termKey = 0;
  const pairKeys = pairKeysOf(lexicons);
  for (const lexicon of lexicons) {
    if (lexicon.enabled === false) continue;
    const code = lexicon.code ?? CATEGORY_CODES[lexicon.category];
    const setting = codeSetting(policy, code);
    const promotional = lexicon.category === 'promotion';
    // A disabled PROMOTION still marks replies promotional for OVER_MARKETING, so keep its patterns.
    if (!setting.enabled && !promotional) continue;
    const pairs = pairRulesOf(lexicon, pairKeys);
    if (lexicon.pairs?.length && !pairs) continue; // a head without its partners finds nothing
    const pairKey = pairs ? undefined : pairKeys.get(lexicon.id);
    const cue = pairs ? 'pair-head' : pairKey !== undefined ? 'pair-partner' : cueOf(lexicon);
    const negatable = lexicon.negation ?? lexicon.category === 'medical';
    for (const term of lexicon.terms) {
      yield;
      const pattern = term.regex === true ? term.term : normalizeTermCached(term.term);
      if (pattern === '') continue;
      const payload: TermPayload = {
        kind: 'term',
        role: cue ? 'cue' : 'hit',
        lexiconId: lexicon.id,
        lexiconName: lexicon.name,
        term: term.term,
        code,
        severity: term.severity ?? lexicon.severity ?? setting.severity,
        termKey: termKey++,
        promotional,
        ...(cue ? { cue } : {}),
        ...(negatable && (!cue || pairs) ? { negatable } : {}),
        ...(lexicon.classifierReview === true && (!cue || pairs) ? { reviewable: true } : {}),
        ...(pairs ? { pairs } : {}),
        ...(pairKey !== undefined ? { pairKey } : {}),
      };
      if (term.regex !== true) patterns.push({ pattern, payload });
      else {
        const regex = regexOf(pattern);
        if (!regex) continue; // refused: never run, and its exclusions are moot
        regexTerms.push({ regex, payload });
      }
      for (const exclusion of term.exclusions ?? []) {
        const excluded = normalizeTermCached(exclusion);
        if (excluded !== '')
          patterns.push({ pattern: excluded, payload: { ...payload, role: 'exclusion', exclusion } });
      }
    }
  }
  const marketplace = codeSetting(policy, 'MARKETPLACE_CODE');
  if (marketplace.enabled) patterns.push(...marketplaceCuePatterns(marketplace.severity, termKey));
  termKey += 1000; // past the built-in cues
  for (const allowance of policy.allowances) {
    const pattern = normalizeTermCached(allowance.phrase);
    if (pattern === '') continue;
    patterns.push({
      pattern,
      payload: {
        kind: 'term',
        role: 'exclusion',
        lexiconId: '$allowance',
        lexiconName: '误报豁免',
        term: allowance.phrase,
        exclusion: allowance.phrase,
        code: allowance.code,
        severity: 'warn',
        termKey: termKey++,
        promotional: false,
        allowance: allowance.code,
        ...(allowance.scope?.flowId ? { allowanceFlowId: allowance.scope.flowId } : {}),
      },
    });
  }
  const pinyinSubstituted = yield* pinyinSubstitutionSteps(patterns);
  return { patterns, regexTerms, pinyinSubstituted };
}

/** Each lexicon another lexicon's `pairs` names → its key (the first lexicon of that id). */
function pairKeysOf(lexicons: readonly Lexicon[]): Map<string, number> {
  const named = new Set(lexicons.flatMap((l) => (l.enabled === false ? [] : (l.pairs ?? []).map((p) => p.lexicon))));
  const keys = new Map<string, number>();
  lexicons.forEach((l, index) => {
    if (named.has(l.id) && !keys.has(l.id) && !l.pairs?.length) keys.set(l.id, index);
  });
  return keys;
}

/** A construction head's partner rules; undefined for other lexicons (and when no partner exists). */
function pairRulesOf(lexicon: Lexicon, pairKeys: ReadonlyMap<string, number>): PairRule[] | undefined {
  const rules: PairRule[] = [];
  for (const p of lexicon.pairs ?? []) {
    const pairKey = pairKeys.get(p.lexicon);
    if (pairKey !== undefined)
      rules.push({ pairKey, side: p.side, maxGap: p.maxGap ?? 6, within: p.within ?? 'clause' });
  }
  return rules.length > 0 ? rules : undefined;
}

/**
 * Sharing lexicons split inducement into halves matched by proximity: by convention a
 * `sharing` lexicon whose id ends in `-actions` holds share/follow verbs and one ending
 * in `-rewards` holds reward words; any other lexicon's terms are findings by themselves.
 */
function cueOf(lexicon: Lexicon): CueKind | undefined {
  if (lexicon.category !== 'sharing') return undefined;
  if (lexicon.id.endsWith('-actions')) return 'share-action';
  if (lexicon.id.endsWith('-rewards')) return 'share-reward';
  return undefined;
}
