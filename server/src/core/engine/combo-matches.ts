/**
 * Combos ("密码 + 忘|改|找回", any order) read off the automaton hits of their words: per
 * combo and window (a clause, or the whole message), the longest word seen in each slot;
 * a window with every slot filled is a match. The cost is linear in the combo-word hits.
 */
import type { KeywordGroup } from '../../../../rules-schema/index.js';
import type { Hit, KeywordPayload } from './keyword-matcher.js';

export interface ComboMatch {
  group: number;
  /** The matched words in slot order, joined by + (密码+忘). */
  keyword: string;
  /** Characters of the matched words. */
  specificity: number;
  /**
   * The word that settled every clause the matched words stand in (see `skipSettled`), or null when
   * one of them stands in an open clause: a combo is settled only if all of its words are.
   */
  cue: string | null;
}

/**
 * @param hits combo-word hits already accepted (word boundaries checked), in normalized offsets
 * @param clauses the clause number of each normalized char, computed only if a combo asks for clauses
 * @param settledAt the word that settles a hit's clause for its group, or null (see `SettledClauses`)
 */
export function comboMatches(
  groups: readonly KeywordGroup[],
  hits: ReadonlyArray<Hit<KeywordPayload>>,
  clauses: () => Uint32Array,
  settledAt: (hit: Hit<KeywordPayload>) => string | null,
): ComboMatch[] {
  let clause: Uint32Array | null = null;
  const windows = new Map<
    string,
    { group: number; words: Array<string | undefined>; slots: number; cue: string | null | undefined }
  >();
  for (const hit of hits) {
    const { group, combo, keyword } = hit.payload;
    const spec = combo ? groups[group]?.combos?.[combo.index] : undefined;
    if (!combo || !spec) continue;
    let window = -1;
    if ((spec.within ?? 'clause') === 'clause') {
      clause ??= clauses();
      window = clause[hit.start] ?? 0;
    }
    const key = `${group}/${combo.index}/${window}`;
    let entry = windows.get(key);
    if (!entry) windows.set(key, (entry = { group, words: [], slots: spec.all.length, cue: undefined }));
    // undefined: no word seen yet; null: a word stands in an open clause, which no settled one undoes.
    const cue = settledAt(hit);
    if (cue === null) entry.cue = null;
    else if (entry.cue === undefined) entry.cue = cue;
    const previous = entry.words[combo.slot];
    if (previous === undefined || keyword.length > previous.length) entry.words[combo.slot] = keyword;
  }
  const matches: ComboMatch[] = [];
  for (const { group, words, slots, cue } of windows.values()) {
    const filled = words.filter((w): w is string => w !== undefined);
    if (filled.length !== slots) continue;
    matches.push({
      group,
      keyword: filled.join('+'),
      specificity: filled.reduce((n, w) => n + w.length, 0),
      cue: cue ?? null,
    });
  }
  return matches;
}
