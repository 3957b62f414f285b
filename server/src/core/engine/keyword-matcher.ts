/**
 * Keyword-group matching over the one shared automaton: a message is normalized once and
 * scanned once; group membership is read off the hits, never by looping over keywords.
 * Combo words and pinyin forms are patterns of that automaton too, each with its own payload.
 */
import type { RE2JS } from 're2js';
import type { KeywordGroup } from '../../../../rules-schema/index.js';
import { compileOnDemand, type RegexOf } from '../checks/regex-terms.js';
import type { Steps } from '../steps.js';
import type { NormalizedText } from '../text/normalize-text.js';
import { pinyinForms, type SyllableAlphabet } from '../text/pinyin-forms.js';
import { wordBoundaries, type WordBoundaries } from '../text/word-boundaries.js';
import { sentenceIndex } from '../text/clause-index.js';
import { comboMatches } from './combo-matches.js';
import { SettledClauses } from './settled-clauses.js';

export interface KeywordPayload {
  kind: 'keyword';
  group: number;
  /** The keyword, exclusion or combo word as the operator wrote it. */
  keyword: string;
  exclusion: boolean;
  /**
   * A pinyin form of the keyword: `latin` (tuikuan, tk) counts only as a whole Latin token;
   * `syllables` is scanned over the message's syllable text, in the workspace's alphabet (see pinyin-forms.ts).
   */
  form?: 'latin' | 'syllables';
  /** A combo word: which combo of the group, which slot of it. */
  combo?: { index: number; slot: number };
}

export interface GroupMatch {
  groupId: string;
  group: string;
  /** The keyword that matched, or a combo's words joined by + (密码+忘). */
  keyword: string;
  /** Characters of the keyword, or the sum over a combo's matched words: how much of what the user said the group explains. */
  specificity: number;
}

/**
 * A group a `skipSettled` group's words reached only in clauses that close the matter: not
 * answered, shown in the sandbox. A type, not an interface: it is a JSON value of the `/inbound` answer.
 */
export type SettledGroup = {
  groupId: string;
  group: string;
  /** What it would have matched (a keyword, or a combo's words joined by +). */
  keyword: string;
  /** The word that settled the clause (已经, 收到, 不用 …). */
  cue: string;
};

/** A message's group matches, and the groups skipped as settled talk. */
export interface GroupMatches {
  matches: Map<string, GroupMatch>;
  settled: SettledGroup[];
}

type Candidate = { keyword: string; specificity: number };

export interface Hit<P> {
  start: number;
  end: number;
  payload: P;
}

/** What one message gave the scans, every hit in normalized-text offsets except the skeleton's. */
export interface MessageHits {
  text: NormalizedText;
  /** The message as sent: line breaks and full stops, which normalization drops, still end clauses. */
  input: string;
  hits: ReadonlyArray<Hit<KeywordPayload>>;
  /** The fuzzy scan: `text` is the normalized text without fillers, its hits in its own offsets. */
  skeleton: { text: string; hits: ReadonlyArray<Hit<KeywordPayload>> };
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

type KeywordEntry = { pattern: string; payload: KeywordPayload };

/**
 * Literal patterns of the groups' keywords, exclusions, combo words and pinyin forms, one group
 * per step; syllable forms are written in `alphabet`, which learns their syllables here.
 */
export function* keywordPatterns(
  groups: readonly KeywordGroup[],
  normalize: (s: string) => string,
  alphabet: SyllableAlphabet,
): Steps<KeywordEntry[]> {
  const patterns: KeywordEntry[] = [];
  for (const [group, g] of groups.entries()) {
    yield;
    const add = (keyword: string, exclusion: boolean, combo?: KeywordPayload['combo']) => {
      const pattern = normalize(keyword);
      if (!pattern) return;
      const payload: KeywordPayload = { kind: 'keyword', group, keyword, exclusion, ...(combo ? { combo } : {}) };
      patterns.push({ pattern, payload });
      // Exclusions stay literal: a veto should be what the operator wrote, not what sounds like it.
      if (g.pinyin !== true || exclusion) return;
      const forms = pinyinForms(pattern);
      for (const latin of forms.latin) patterns.push({ pattern: latin, payload: { ...payload, form: 'latin' } });
      // A lone character's sound is shared by dozens of others (寄 ji: 急, 几, 记, 机): its
      // homophones would match nearly anything, so only words of two or more get a syllable form.
      const syllables = forms.syllables && forms.syllables.length >= 2 && alphabet.pattern(forms.syllables);
      if (syllables) patterns.push({ pattern: syllables, payload: { ...payload, form: 'syllables' } });
    };
    // Regex keywords are patterns, run by `regexKeywordHits`; their exclusions and combo words stay literal.
    for (const keyword of g.mode === 'regex' ? [] : g.keywords) add(keyword, false);
    for (const keyword of g.exclusions ?? []) add(keyword, true);
    (g.combos ?? []).forEach((combo, index) =>
      combo.all.forEach((words, slot) => words.forEach((word) => add(word, false, { index, slot }))),
    );
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
 * Reads group matches off the hits of one message. Exact groups need a keyword covering the
 * whole normalized message (combos are co-occurrence, in any mode); an exclusion hit vetoes its
 * group's hits in the same sentence (see `Vetoes`); a `skipSettled` group ignores its hits in a clause
 * that closes the matter (see `SettledClauses`); of a group's candidates the most specific wins. Word boundaries (a jieba cut)
 * and clauses are computed only when a hit that could still change the answer needs them,
 * at most once per text: hits of vetoed groups, hits no longer than their group's best so far
 * and words of combos that cannot fill every slot are never checked.
 */
export function matchGroups(groups: readonly KeywordGroup[], scan: MessageHits): GroupMatches {
  const vetoes = new Vetoes(groups, scan);
  const found = new Map<number, Candidate>();
  // What a `skipSettled` group would have matched in clauses that close the matter, with the settling word.
  const skipped = new Map<number, Candidate & { cue: string }>();
  const length = scan.text.text.length;
  const words = new LazyWords(scan.text.text);
  // A skeleton without fillers is the text itself: segment it once.
  const skeletonWords = scan.skeleton.text === scan.text.text ? words : new LazyWords(scan.skeleton.text);
  const comboCandidates: Array<Hit<KeywordPayload>> = [];
  const settled = new SettledClauses(scan.text, scan.input);
  const settledAt = (hit: Hit<KeywordPayload>) =>
    groups[hit.payload.group]?.skipSettled === true ? settled.at(hit.start) : null;
  let skeletonClauses: Uint32Array | null = null;
  const offer = (group: number, keyword: string, specificity: number, cue: string | null) => {
    if (cue === null) found.set(group, { keyword, specificity });
    else skipped.set(group, { keyword, specificity, cue });
  };

  for (const hit of scan.hits) {
    const { group, keyword, combo } = hit.payload;
    const g = live(groups, hit);
    if (!g || hit.payload.exclusion || vetoes.inText(hit)) continue;
    if (combo) {
      comboCandidates.push(hit);
      continue;
    }
    const cue = settledAt(hit);
    if (
      improves(cue === null ? found : skipped, group, keyword.length) &&
      ((g.mode ?? 'contains') !== 'exact' || (hit.start === 0 && hit.end === length)) &&
      standsAlone(hit, g, scan, words)
    ) {
      offer(group, keyword, keyword.length, cue);
    }
  }
  for (const hit of scan.skeleton.hits) {
    const { group, keyword } = hit.payload;
    const g = live(groups, hit);
    if (!g || hit.payload.exclusion || vetoes.inSkeleton(hit)) continue;
    let cue: string | null = null;
    if (g.skipSettled === true) {
      skeletonClauses ??= skeletonSentences(scan.text.text, settled.clauses);
      cue = settled.clause(skeletonClauses[hit.start] ?? 0);
    }
    if (
      g.mode === 'fuzzy' &&
      !hit.payload.combo &&
      !hit.payload.form &&
      improves(cue === null ? found : skipped, group, keyword.length) &&
      onWordBoundaries(hit, g, skeletonWords)
    ) {
      offer(group, keyword, keyword.length, cue);
    }
  }
  const comboHits = fillable(groups, comboCandidates).filter((hit) =>
    standsAlone(hit, groups[hit.payload.group] as KeywordGroup, scan, words),
  );
  if (comboHits.length > 0) {
    for (const m of comboMatches(groups, comboHits, () => settled.clauses, settledAt)) {
      if (improves(m.cue === null ? found : skipped, m.group, m.specificity))
        offer(m.group, m.keyword, m.specificity, m.cue);
    }
  }

  const matches = new Map<string, GroupMatch>();
  for (const [index, { keyword, specificity }] of found) {
    const g = groups[index];
    if (g) matches.set(g.id, { groupId: g.id, group: g.name, keyword, specificity });
  }
  const settledGroups: SettledGroup[] = [];
  for (const [index, { keyword, cue }] of skipped) {
    const g = groups[index];
    if (g && !found.has(index)) settledGroups.push({ groupId: g.id, group: g.name, keyword, cue });
  }
  return { matches, settled: settledGroups };
}

/**
 * Exclusion hits veto their group within their sentence only: 「退款已经到账了，谢谢。另外我的快递
 * 到哪了」 is a thanks for the refund and a real delivery question, and a message-wide veto lost
 * the question. Sentences are numbered only when the message holds an exclusion hit.
 */
class Vetoes {
  /** Per group, the text's sentences its exclusions were hit in; empty for nearly every message. */
  private readonly byGroup = new Map<number, Set<number>>();
  private readonly sentence: Uint32Array | null = null;
  private readonly skeletonSentence: Uint32Array | null = null;

  constructor(groups: readonly KeywordGroup[], scan: MessageHits) {
    const vetoing = (h: Hit<KeywordPayload>) => h.payload.exclusion && live(groups, h) !== null;
    if (!scan.hits.some(vetoing) && !scan.skeleton.hits.some(vetoing)) return;
    const sentence = sentenceIndex(scan.text, scan.input);
    const skeletonSentence = skeletonSentences(scan.text.text, sentence);
    for (const h of scan.hits) if (vetoing(h)) this.veto(h.payload.group, sentence[h.start] ?? 0);
    for (const h of scan.skeleton.hits) if (vetoing(h)) this.veto(h.payload.group, skeletonSentence[h.start] ?? 0);
    this.sentence = sentence;
    this.skeletonSentence = skeletonSentence;
  }

  /** A hit in the normalized text's offsets. */
  inText(hit: Hit<KeywordPayload>): boolean {
    return this.vetoed(hit, this.sentence);
  }

  /** A hit in the skeleton's offsets. */
  inSkeleton(hit: Hit<KeywordPayload>): boolean {
    return this.vetoed(hit, this.skeletonSentence);
  }

  private vetoed(hit: Hit<KeywordPayload>, sentence: Uint32Array | null): boolean {
    const vetoed = this.byGroup.get(hit.payload.group);
    return vetoed !== undefined && sentence !== null && vetoed.has(sentence[hit.start] ?? 0);
  }

  private veto(group: number, sentence: number): void {
    let set = this.byGroup.get(group);
    if (!set) this.byGroup.set(group, (set = new Set()));
    set.add(sentence);
  }
}

/** The sentence (or clause) of each char of `fuzzySkeleton(text)`: the text's, fillers dropped as the skeleton drops them. */
function skeletonSentences(text: string, sentence: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (!FILLERS.has(text[i] ?? '')) out.push(sentence[i] ?? 0);
  return Uint32Array.from(out);
}

/** Only a strictly more specific candidate replaces a group's best: the first of equals stays. */
function improves(found: ReadonlyMap<number, { specificity: number }>, group: number, specificity: number): boolean {
  const previous = found.get(group);
  return previous === undefined || specificity > previous.specificity;
}

/**
 * The combo-word hits of combos whose every slot has a word somewhere in the message: the
 * others cannot match whatever their word boundaries or clauses, so they are never checked.
 */
function fillable(
  groups: readonly KeywordGroup[],
  hits: ReadonlyArray<Hit<KeywordPayload>>,
): Array<Hit<KeywordPayload>> {
  if (hits.length === 0) return [];
  // Slots seen per combo as a bit mask, keyed by combo and group (unique: group < groups.length).
  const seen = new Map<number, number>();
  for (const { payload } of hits) {
    const { group, combo } = payload;
    if (!combo) continue;
    const key = combo.index * groups.length + group;
    seen.set(key, (seen.get(key) ?? 0) | (2 ** combo.slot));
  }
  return hits.filter(({ payload: { group, combo } }) => {
    const slots = combo ? groups[group]?.combos?.[combo.index]?.all.length : undefined;
    if (combo === undefined || slots === undefined) return false;
    // Masks are exact up to 31 slots (the schema allows 8); past that, check every word.
    return slots > 31 || seen.get(combo.index * groups.length + group) === 2 ** slots - 1;
  });
}

function live(groups: readonly KeywordGroup[], hit: Hit<KeywordPayload>): KeywordGroup | null {
  const g = groups[hit.payload.group];
  return g && g.enabled !== false ? g : null;
}

/** A Latin pinyin form must be a whole Latin token; anything else, whole words when the group asks. */
function standsAlone(hit: Hit<KeywordPayload>, g: KeywordGroup, scan: MessageHits, words: LazyWords): boolean {
  if (hit.payload.form === 'latin') return latinEdge(scan, hit.start) && latinEdge(scan, hit.end);
  return onWordBoundaries(hit, g, words);
}

function onWordBoundaries(hit: Hit<KeywordPayload>, g: KeywordGroup, words: LazyWords): boolean {
  return g.wholeWords !== true || (words.isBoundary(hit.start) && words.isBoundary(hit.end));
}

const LATIN = /^[a-z0-9]$/;

/**
 * True when offset `at` of the normalized text does not join two Latin letters or digits
 * that were adjacent in the message: `tk` stands alone in "tk", "我要tk" and "i want tk"
 * (the space was dropped by normalization but is still a gap), not in "tkinter".
 */
function latinEdge(scan: MessageHits, at: number): boolean {
  const { text, map } = scan.text;
  if (at === 0 || at === text.length) return true;
  if (!LATIN.test(text[at - 1] ?? '') || !LATIN.test(text[at] ?? '')) return true;
  const before = map[at - 1] ?? 0;
  const width = (scan.input.codePointAt(before) ?? 0) > 0xffff ? 2 : 1;
  return (map[at] ?? 0) - before > width;
}

/** A text's word boundaries, cut by jieba on the first offset asked that is not an end of the text. */
class LazyWords {
  #boundaries: WordBoundaries | null = null;
  constructor(private readonly text: string) {}

  isBoundary(at: number): boolean {
    // Both ends of the text are always boundaries: a keyword at an end needs no cut for that end.
    if (at === 0 || at === this.text.length) return true;
    this.#boundaries ??= wordBoundaries(this.text);
    return this.#boundaries[at] === 1;
  }
}
