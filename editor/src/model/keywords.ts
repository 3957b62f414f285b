import { normalizeKeyword } from '../../../rules-schema/normalize-keyword.js';
/**
 * Keyword helpers for the chip editor: operators paste lists copied from chats or
 * spreadsheets, separated by new lines, commas (半角/全角), 、 or spaces.
 */
const SEPARATORS = /[\r\n,，、;；\s\u3000]+/u;

/** Splits pasted text into keywords, trimmed, without blanks or repeats (order kept). */
export function splitKeywords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(SEPARATORS)) {
    const kw = part.trim();
    if (!kw) continue;
    const key = normalizeKeyword(kw);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(kw);
  }
  return out;
}

/** The comparison key: full-width folded (NFKC), lower case, no white space. */

export interface GroupKeywords {
  id: string;
  name: string;
  keywords: readonly string[];
}

/**
 * Adds `incoming` to `existing`: returns the new list plus what was skipped as a
 * repeat inside the group.
 */
export function mergeKeywords(
  existing: readonly string[],
  incoming: readonly string[],
): { keywords: string[]; skipped: string[] } {
  const seen = new Set(existing.map(normalizeKeyword));
  const keywords = [...existing];
  const skipped: string[] = [];
  for (const kw of incoming) {
    const key = normalizeKeyword(kw);
    if (seen.has(key)) {
      skipped.push(kw);
      continue;
    }
    seen.add(key);
    keywords.push(kw);
  }
  return { keywords, skipped };
}

/**
 * Keywords that appear in more than one group: normalized keyword → the groups holding it.
 * @example findDuplicateKeywords([{id:'a',name:'退款',keywords:['退钱']},{id:'b',name:'售后',keywords:['退钱']}])
 * // Map { '退钱' => [{id:'a',…},{id:'b',…}] }
 */
export function findDuplicateKeywords(groups: readonly GroupKeywords[]): Map<string, GroupKeywords[]> {
  const byKey = new Map<string, GroupKeywords[]>();
  for (const group of groups) {
    const keys = new Set(group.keywords.map(normalizeKeyword));
    for (const key of keys) {
      const list = byKey.get(key) ?? [];
      list.push(group);
      byKey.set(key, list);
    }
  }
  for (const [key, list] of byKey) if (list.length < 2) byKey.delete(key);
  return byKey;
}

/** For one group: each of its keywords that another group also holds, with those other groups' names. */
export function crossGroupDuplicates(
  groupId: string,
  keywords: readonly string[],
  groups: readonly GroupKeywords[],
): Map<string, string[]> {
  const others = new Map<string, string[]>();
  for (const g of groups) {
    if (g.id === groupId) continue;
    for (const kw of g.keywords) {
      const key = normalizeKeyword(kw);
      others.set(key, [...(others.get(key) ?? []), g.name]);
    }
  }
  const result = new Map<string, string[]>();
  for (const kw of keywords) {
    const names = others.get(normalizeKeyword(kw));
    if (names) result.set(kw, names);
  }
  return result;
}
