/**
 * Keyword-group matching over the one shared automaton: a message is normalized once and
 * scanned once; group membership is read off the hits, never by looping over keywords.
 */
import type { RE2JS } from 're2js';
import type { KeywordGroup } from '../../../../rules-schema/index.js';
import { compileOnDemand, type RegexOf } from '../checks/regex-terms.js';
import type { Steps } from '../steps.js';
import type { NormalizedText } from '../text/normalize-text.js';

export interface KeywordPayload {
  kind: 'keyword';
  group: number;
  keyword: string;
  exclusion: boolean;
}

export interface GroupMatch {
  groupId: string;
  group: string;
  keyword: string;
}

export interface Hit<P> {
  start: number;
  end: number;
  payload: P;
}

/**
 * Fillers people drop into a question without changing it ("退个款", "退一下款"): the
 * fuzzy mode matches on the text with them removed.
 */
const FILLERS = new Set([...'了的个一下吧呢啊呀嘛哦喔么']);

export function fuzzySkeleton(text: string): string {
  let out = '';
  for (const ch of text) if (!FILLERS.has(ch)) out += ch;
  return out;
}

/** Literal patterns of the groups' keywords and exclusions, one group per step. */
export function* keywordPatterns(groups: readonly KeywordGroup[], normalize: (s: string) => string): Steps<Array<{ pattern: string; payload: KeywordPayload }>> {
  const patterns: Array<{ pattern: string; payload: KeywordPayload }> = [];
  for (const [group, g] of groups.entries()) {
    yield;
    // Regex keywords are patterns, run by `regexKeywordHits`; their exclusions stay literal.
    for (const keyword of g.mode === 'regex' ? [] : g.keywords) {
      const pattern = normalize(keyword);
      if (pattern) patterns.push({ pattern, payload: { kind: 'keyword', group, keyword, exclusion: false } });
    }
    for (const keyword of g.exclusions ?? []) {
      const pattern = normalize(keyword);
      if (pattern) patterns.push({ pattern, payload: { kind: 'keyword', group, keyword, exclusion: true } });
    }
  }
  return patterns;
}

export interface RegexKeyword {
  regex: RE2JS;
  payload: KeywordPayload;
}

/** The keywords of `regex` groups, compiled once by the workspace compiler; a refused pattern is never run. */
export function regexKeywords(groups: readonly KeywordGroup[], regexOf: RegexOf = compileOnDemand): RegexKeyword[] {
  const out: RegexKeyword[] = [];
  groups.forEach((g, group) => {
    if (g.mode !== 'regex') return;
    for (const keyword of g.keywords) {
      const regex = regexOf(keyword);
      if (regex) out.push({ regex, payload: { kind: 'keyword', group, keyword, exclusion: false } });
    }
  });
  return out;
}

/** The first match of each regex keyword in the normalized text (RE2: linear time). */
export function regexKeywordHits(keywords: readonly RegexKeyword[], text: string): Array<Hit<KeywordPayload>> {
  const hits: Array<Hit<KeywordPayload>> = [];
  for (const { regex, payload } of keywords) {
    const m = regex.matcher(text);
    if (m.find() && m.end() > m.start()) hits.push({ start: m.start(), end: m.end(), payload });
  }
  return hits;
}

/**
 * Reads group matches off the hits of one scan (and, for fuzzy groups, of the skeleton scan).
 * Exact groups need a keyword covering the whole normalized message.
 */
export function matchGroups(
  groups: readonly KeywordGroup[],
  text: NormalizedText,
  hits: ReadonlyArray<Hit<KeywordPayload>>,
  skeletonHits: ReadonlyArray<Hit<KeywordPayload>>,
): Map<string, GroupMatch> {
  const excluded = new Set<number>();
  const found = new Map<number, string>();
  const consider = (hit: Hit<KeywordPayload>, length: number, fromSkeleton: boolean) => {
    const g = groups[hit.payload.group];
    if (!g || g.enabled === false) return;
    if (hit.payload.exclusion) {
      excluded.add(hit.payload.group);
      return;
    }
    const mode = g.mode ?? 'contains';
    if (fromSkeleton && mode !== 'fuzzy') return;
    if (mode === 'exact' && (hit.start !== 0 || hit.end !== length)) return;
    const previous = found.get(hit.payload.group);
    // Prefer the longest keyword: it says most about what the user asked.
    if (previous === undefined || hit.payload.keyword.length > previous.length) found.set(hit.payload.group, hit.payload.keyword);
  };
  for (const hit of hits) consider(hit, text.text.length, false);
  for (const hit of skeletonHits) consider(hit, Number.NaN, true);
  const matches = new Map<string, GroupMatch>();
  for (const [index, keyword] of found) {
    const g = groups[index];
    if (g && !excluded.has(index)) matches.set(g.id, { groupId: g.id, group: g.name, keyword });
  }
  return matches;
}
