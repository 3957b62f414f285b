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

/**
 * Below this nothing is suggested: a word sharing half its characters with one of the group's
 * (退钱 ~ 退款, 0.5) held by the whole cluster is a lead; one character of five (开发票 ~ 走开, 0.4)
 * is a guess.
 */
export const SUGGESTION_THRESHOLD = 0.5;
/** A word in one of the group's synonym sets counts a little less than one of its own words. */
const SYNONYM_SIMILARITY = 0.9;

/** A group's words, prepared once per request for every cluster. */
export interface GroupVocabulary {
  id: string;
  name: string;
  own: ReadonlySet<string>;
  synonyms: ReadonlySet<string>;
  /** A cluster with a word holding one of these is never suggested the group (物流 excludes 发票, whose 发 it shares with 发货); a handful of words, checked once per cluster word. */
  exclusions: readonly string[];
}

/**
 * @example
 * const groups = groupVocabularies([{ id: 'refund', name: '退款', keywords: ['退款'] }], synonyms);
 * suggestGroup([{ word: '退钱', share: 1 }], groups) // { id: 'refund', name: '退款', score: 0.9 } (退钱 shares a synonym set with 退款)
 */
export function suggestGroup(
  words: ReadonlyArray<{ word: string; share: number }>,
  groups: readonly GroupVocabulary[],
): SuggestedGroup | null {
  let best: SuggestedGroup | null = null;
  for (const group of groups) {
    // The group refuses messages holding these words: adding the label would change nothing.
    if (words.some(({ word }) => group.exclusions.some((e) => word.includes(e)))) continue;
    let score = 0;
    for (const { word, share } of words) score = Math.max(score, share * similarity(word, group));
    if (score >= SUGGESTION_THRESHOLD && (best === null || score > best.score))
      best = { id: group.id, name: group.name, score };
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
    const exclusions = (group.exclusions ?? []).map(normalizeTerm).filter((w) => w !== '');
    return { id: group.id, name: group.name, own, synonyms, exclusions };
  });
}

/**
 * 1 for one of the group's words, 0.9 for a synonym, else, for a word of two or more characters,
 * the best character overlap (Dice) with one of its words: a single character (开) shares itself
 * with too many words (走开) to point anywhere.
 */
function similarity(word: string, group: GroupVocabulary): number {
  if (group.own.has(word)) return 1;
  if (group.synonyms.has(word)) return SYNONYM_SIMILARITY;
  const chars = new Set(word);
  if (chars.size < 2) return 0;
  let best = 0;
  for (const other of group.own) {
    const otherChars = new Set(other);
    let shared = 0;
    for (const c of chars) if (otherChars.has(c)) shared++;
    best = Math.max(best, (2 * shared) / (chars.size + otherChars.size));
  }
  return best;
}
