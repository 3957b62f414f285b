/**
 * 「建议添加」: words of the synonym source that share a set with a group's words, for the
 * operator to accept one by one. Pure: the group and the index in, the list out.
 */
import type { KeywordGroup, KeywordSuggestion } from '../../../../rules-schema/index.js';
import { normalizeKeyword } from '../../../../rules-schema/normalize-keyword.js';
import { Automaton } from '../text/automaton.js';
import type { SynonymIndex } from './build-synonym-index.js';

export const SUGGESTION_LIMITS = { default: 30, max: 200 } as const;

/**
 * The group's words are its keywords and, when it has combos, every combo word. A candidate is
 * left out when it is already one of them or an exclusion, when it contains an exclusion (the
 * group would never answer it), and when an existing keyword is a substring of it and the group
 * matches substrings (mode `contains` or `fuzzy` without `wholeWords`): that keyword catches
 * every message the candidate would. Under `exact`, `regex` or whole words a longer word is not
 * caught by a shorter one, so only exact repeats are left out there.
 * Most-pointed-to first: a word that three of the group's words share a set with outranks one
 * that only one does; ties keep the group's word order, then the source's order (most common first).
 *
 * @example
 * suggestKeywords({ id: 'refund', name: '退款', keywords: ['退款', '退钱'] }, index, 3)
 * // [{ word: '退回', because: '退款', source: '同义词组“退款”：…', set: 'refund', votes: 2 }, …]
 */
export function suggestKeywords(
  group: KeywordGroup,
  index: SynonymIndex,
  limit: number = SUGGESTION_LIMITS.default,
): KeywordSuggestion[] {
  const own = groupWords(group);
  const taken = new Set([...own.keys(), ...(group.exclusions ?? []).map(normalizeKeyword)]);
  const exclusions = automatonOf((group.exclusions ?? []).map(normalizeKeyword));
  const catchers = matchesSubstrings(group) ? automatonOf(group.keywords.map(normalizeKeyword)) : null;

  const found = new Map<string, { suggestion: KeywordSuggestion; voters: Set<string>; seen: number }>();
  for (const [key, written] of own) {
    for (const position of index.setsOf.get(key) ?? []) {
      const set = index.sets[position];
      if (!set) continue;
      for (const word of set.words) {
        const candidate = normalizeKeyword(word);
        if (taken.has(candidate)) continue;
        const entry = found.get(candidate);
        if (entry) entry.voters.add(key);
        else
          found.set(candidate, {
            suggestion: { word, because: written, source: set.source, set: set.id, votes: 0 },
            voters: new Set([key]),
            seen: found.size,
          });
      }
    }
  }
  return [...found.entries()]
    .filter(
      ([candidate]) =>
        exclusions.scan(candidate).length === 0 && (catchers === null || catchers.scan(candidate).length === 0),
    )
    .map(([, entry]) => ({ ...entry.suggestion, votes: entry.voters.size, seen: entry.seen }))
    .sort((a, b) => b.votes - a.votes || a.seen - b.seen)
    .slice(0, limit)
    .map(({ seen: _seen, ...suggestion }) => suggestion);
}

/** Normalized form → the group's own spelling, keywords first, combo words after, each once. */
function groupWords(group: KeywordGroup): Map<string, string> {
  const words = new Map<string, string>();
  const comboWords = (group.combos ?? []).flatMap((combo) => combo.all.flat());
  for (const word of [...group.keywords, ...comboWords]) {
    const key = normalizeKeyword(word);
    if (key !== '' && !words.has(key)) words.set(key, word);
  }
  return words;
}

function matchesSubstrings(group: KeywordGroup): boolean {
  const mode = group.mode ?? 'contains';
  return (mode === 'contains' || mode === 'fuzzy') && group.wholeWords !== true;
}

function automatonOf(patterns: readonly string[]): Automaton<true> {
  return new Automaton(patterns.map((pattern) => ({ pattern, payload: true as const })));
}
