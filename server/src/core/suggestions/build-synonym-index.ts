/**
 * The synonym source (rules-schema/defaults/keyword-synonyms.json) as a lookup: built once at
 * start, then every suggestion request reads it without touching the file again.
 */
import type { KeywordSynonyms } from '../../../../rules-schema/index.js';
import { normalizeKeyword } from '../../../../rules-schema/normalize-keyword.js';

export interface IndexedSynonymSet {
  id: string;
  name: string;
  /** The set's name and its sources' short titles, shown beside each suggestion for the operator to judge. */
  source: string;
  /** As written in the file, most common first. */
  words: readonly string[];
}

export interface SynonymIndex {
  sets: readonly IndexedSynonymSet[];
  /** Normalized word → the positions in `sets` of every set that holds it (a word may mean two things). */
  setsOf: ReadonlyMap<string, readonly number[]>;
}

/**
 * @example
 * const index = buildSynonymIndex({ schemaVersion: 1, sets: [{ id: 'refund', name: '退款', words: ['退款', '退钱'], sources: [{ title: 'JDDC', licence: '研究用途' }] }] });
 * index.setsOf.get('退钱') // [0]
 */
export function buildSynonymIndex(source: KeywordSynonyms): SynonymIndex {
  const setsOf = new Map<string, number[]>();
  const sets = source.sets.map((set, position): IndexedSynonymSet => {
    for (const word of set.words) {
      const key = normalizeKeyword(word);
      const holders = setsOf.get(key) ?? [];
      if (!holders.includes(position)) holders.push(position);
      setsOf.set(key, holders);
    }
    return {
      id: set.id,
      name: set.name,
      source: `同义词组“${set.name}”：${set.sources.map((s) => shortTitle(s.title)).join('；')}`,
      words: set.words,
    };
  });
  return { sets, setsOf };
}

/** A tooltip line, not a bibliography: the title up to its subtitle (“The JDDC Corpus”, “京东帮助中心”). The file keeps the full entries. */
function shortTitle(title: string): string {
  return title.split(/[（(:：]/u)[0]?.trim() || title;
}
