/**
 * Which keyword group a cluster of missed messages most likely belongs to: the group whose words
 * (keywords and combo words, widened by the shipped synonym sets) come closest to the cluster's.
 */
import type { KeywordGroup } from '../../../../rules-schema/index.js';
import { normalizeKeyword } from '../../../../rules-schema/normalize-keyword.js';
import type { SynonymIndex } from '../suggestions/build-synonym-index.js';
import { normalizeTerm } from '../text/normalize-text.js';

export interface SuggestedGroup {
  id: string;
  name: string;
  /** 0–1, two decimals: how close the best cluster word comes to the group. */
  score: number;
}

/** Below this nothing is suggested: a single shared character between two-character words (0.5 × share) is a guess, not a lead. */
export const SUGGESTION_THRESHOLD = 0.3;
/** A word in one of the group's synonym sets counts a little less than one of its own words. */
const SYNONYM_SIMILARITY = 0.9;

/** A group's words, prepared once per request for every cluster. */
export interface GroupVocabulary {
  id: string;
  name: string;
  own: ReadonlySet<string>;
  synonyms: ReadonlySet<string>;
}

/**
 * @example
 * const groups = groupVocabularies([{ id: 'refund', name: '退款', keywords: ['退款'] }], synonyms);
 * suggestGroup([{ word: '退钱', share: 1 }], groups) // { id: 'refund', name: '退款', score: 0.9 } (退钱 shares a synonym set with 退款)
 */
export function suggestGroup(words: ReadonlyArray<{ word: string; share: number }>, groups: readonly GroupVocabulary[]): SuggestedGroup | null {
  let best: SuggestedGroup | null = null;
  for (const group of groups) {
    let score = 0;
    for (const { word, share } of words) score = Math.max(score, share * similarity(word, group));
    if (score >= SUGGESTION_THRESHOLD && (best === null || score > best.score)) best = { id: group.id, name: group.name, score };
  }
  return best && { ...best, score: Math.round(best.score * 100) / 100 };
}

/** Each group's own words (normalized as messages are) and the words its synonym sets add. */
export function groupVocabularies(groups: readonly KeywordGroup[], index: SynonymIndex): GroupVocabulary[] {
  return groups.map((group) => {
    const written = [...group.keywords, ...(group.combos ?? []).flatMap((combo) => combo.all.flat())];
    const own = new Set(written.map(normalizeTerm).filter((w) => w !== ''));
    const synonyms = new Set<string>();
    for (const word of written) {
      for (const position of index.setsOf.get(normalizeKeyword(word)) ?? []) {
        for (const w of index.sets[position]?.words ?? []) synonyms.add(normalizeTerm(w));
      }
    }
    return { id: group.id, name: group.name, own, synonyms };
  });
}

/** 1 for one of the group's words, 0.9 for a synonym, else the best character overlap (Dice) with one of its words. */
function similarity(word: string, group: GroupVocabulary): number {
  if (group.own.has(word)) return 1;
  if (group.synonyms.has(word)) return SYNONYM_SIMILARITY;
  const chars = new Set(word);
  let best = 0;
  for (const other of group.own) {
    const otherChars = new Set(other);
    let shared = 0;
    for (const c of chars) if (otherChars.has(c)) shared++;
    best = Math.max(best, (2 * shared) / (chars.size + otherChars.size));
  }
  return best;
}
