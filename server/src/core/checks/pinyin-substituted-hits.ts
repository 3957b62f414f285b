/**
 * Lexicon terms with some characters typed as their toneless pinyin (dai开fa票, 集zan, zui佳,
 * 冰du, ma古): the evasion lists and enforcement notices describe, and the one the literal
 * automaton cannot see. A construction, not a list: every all-Chinese term of two or more
 * characters gets it, with its exclusions and cues, so the hits are judged like literal ones.
 *
 * How, at a flat cost per reply:
 * - at compile time each eligible pattern is spelled in a private alphabet of syllable codes
 *   (one code per syllable of the lexicons' characters), and one automaton holds them all;
 * - a reply is spelled the same way only when a Latin run sits right beside a Chinese character:
 *   a lexicon character becomes its syllable's code, a Latin run its syllables when it splits
 *   into them wholly, anything else a gap. No pinyin is computed per reply;
 * - a match counts only when it holds both a Latin syllable and a Chinese character, every
 *   Chinese character in it is the term's own (not a same-sounding one: 带开fa票 is not a hit),
 *   and every Latin run it touches lies wholly inside it (the `kai` of `kaifa` alone is not).
 */
import { AutomatonShards } from '../engine/automaton-shards.js';
import { hanSyllableOf } from '../text/pinyin-forms.js';
import type { Steps } from '../steps.js';
import type { TermHit, TermPayload } from './term-hit.js';

export type PinyinSubstitutionScanner = (normalized: string) => TermHit[];

interface Spelled {
  pattern: string;
  payload: TermPayload;
}

/** Private-use codes: one per syllable, and a gap that no pattern contains. */
const FIRST_CODE = 0xe000;
const GAP = '\u0000';
const HAN = /^\p{Script=Han}$/u;
/** The longest toneless syllables (zhuang, shuang, chuang) have six letters. */
const MAX_SYLLABLE = 6;
/** A longer Latin run is a word, a code or a link, not a few characters typed as pinyin. */
const MAX_RUN = 24;

/**
 * Built in steps beside the term patterns (one step per few hundred patterns, then one per
 * automaton shard), so a large lexicon set never holds the event loop.
 * @param patterns the normalized term patterns of the policy and its packs (termPatternSteps).
 * @example
 * const scan = runToEnd(pinyinSubstitutionSteps([{ pattern: '代开发票', payload }]));
 * scan('dai开fa票,点数好谈') // [{ start: 0, end: 7, payload }]
 */
export function* pinyinSubstitutionSteps(
  patterns: ReadonlyArray<{ pattern: string; payload: TermPayload }>,
): Steps<PinyinSubstitutionScanner> {
  const charCode = new Map<string, string>(); // lexicon character → its syllable's code
  const syllableCode = new Map<string, string>();
  const entries: Array<{ pattern: string; payload: Spelled }> = [];
  let longest = 0;
  for (let i = 0; i < patterns.length; i++) {
    if (i % STEP_PATTERNS === 0) yield;
    const { pattern, payload } = patterns[i] ?? { pattern: '', payload: undefined };
    if (!payload || pattern.length < 2 || !isAllHan(pattern)) continue;
    let spelled = '';
    for (const ch of pattern) {
      let code = charCode.get(ch);
      if (code === undefined) {
        const syllable = hanSyllableOf(ch);
        if (syllable === null) break;
        code = syllableCode.get(syllable);
        if (code === undefined)
          syllableCode.set(syllable, (code = String.fromCharCode(FIRST_CODE + syllableCode.size)));
        charCode.set(ch, code);
      }
      spelled += code;
    }
    if (spelled.length !== pattern.length) continue;
    entries.push({ pattern: spelled, payload: { pattern, payload } });
    if (spelled.length > longest) longest = spelled.length;
  }
  const automaton = yield* AutomatonShards.build(entries);
  return (normalized) =>
    hasLatinBesideHan(normalized) ? scanSpelled(normalized, automaton, charCode, syllableCode, longest) : [];
}

/** Patterns spelled per compile step: a few milliseconds of work. */
const STEP_PATTERNS = 512;
/** Cheap gate: most replies have no Latin letter beside a Chinese character. */
function hasLatinBesideHan(text: string): boolean {
  let before = text.charCodeAt(0);
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((isLatin(before) && isHan(c)) || (isHan(before) && isLatin(c))) return true;
    before = c;
  }
  return false;
}

function scanSpelled(
  text: string,
  automaton: AutomatonShards<Spelled>,
  charCode: ReadonlyMap<string, string>,
  syllableCode: ReadonlyMap<string, string>,
  longest: number,
): TermHit[] {
  // First the Latin runs that split wholly into syllables: most replies with Latin have none.
  const splits = new Map<number, { end: number; syllables: string[] }>();
  for (let i = 0; i < text.length;) {
    if (!isLatin(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && isLatin(text.charCodeAt(j))) j++;
    const syllables = j - i >= 2 && j - i <= MAX_RUN ? splitSyllables(text.slice(i, j), syllableCode) : null;
    if (syllables) splits.set(i, { end: j, syllables });
    i = j;
  }
  if (splits.size === 0) return [];
  // Only text within the longest pattern of a split run can be part of a hit: spell that, a gap between.
  const inReach = reachOf(splits, longest, text.length);
  // One unit per Chinese character or Latin syllable: its code, its span and its Latin run (-1 for anything else).
  let spelled = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const runOf: number[] = [];
  const runFirst: number[] = [];
  const runLast: number[] = [];
  for (let i = 0; i < text.length;) {
    if (!inReach(i)) {
      if (spelled.length > 0 && spelled[spelled.length - 1] !== GAP) {
        spelled += GAP;
        starts.push(i);
        ends.push(i);
        runOf.push(-1);
      }
      i++;
      continue;
    }
    const split = splits.get(i);
    if (split) {
      const run = runFirst.length;
      runFirst.push(starts.length);
      let at = i;
      for (const s of split.syllables) {
        spelled += syllableCode.get(s) ?? GAP;
        starts.push(at);
        ends.push((at += s.length));
        runOf.push(run);
      }
      runLast.push(starts.length - 1);
      i = split.end;
      continue;
    }
    spelled += charCode.get(text[i] ?? '') ?? GAP;
    starts.push(i);
    ends.push(i + 1);
    runOf.push(-1);
    i++;
  }
  const hits: TermHit[] = [];
  for (const { start, end, payload } of automaton.scan(spelled)) {
    let latin = false;
    let han = false;
    let ok = true;
    for (let u = start; u < end && ok; u++) {
      const run = runOf[u] ?? -1;
      if (run >= 0) {
        latin = true;
        ok = (runFirst[run] ?? -1) >= start && (runLast[run] ?? Infinity) < end;
      } else {
        han = true;
        ok = text.slice(starts[u], ends[u]) === payload.pattern[u - start];
      }
    }
    if (ok && latin && han) hits.push({ start: starts[start] ?? 0, end: ends[end - 1] ?? 0, payload: payload.payload });
  }
  return hits;
}

/** Whether a text offset lies within `longest` chars of a split run (runs ordered by offset). */
function reachOf(
  splits: ReadonlyMap<number, { end: number }>,
  longest: number,
  length: number,
): (at: number) => boolean {
  const spans: Array<[number, number]> = [];
  for (const [start, { end }] of splits) {
    const from = Math.max(0, start - longest);
    const to = Math.min(length, end + longest);
    const last = spans[spans.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([from, to]);
  }
  return (at) => spans.some(([from, to]) => at >= from && at < to);
}

/** The run split wholly into known syllables (longest first, backtracking over positions not yet failed), or null. */
function splitSyllables(run: string, known: ReadonlyMap<string, string>): string[] | null {
  const out: string[] = [];
  const failed = new Set<number>();
  const walk = (from: number): boolean => {
    if (from === run.length) return true;
    if (failed.has(from)) return false;
    for (let len = Math.min(MAX_SYLLABLE, run.length - from); len >= 1; len--) {
      const s = run.slice(from, from + len);
      if (!known.has(s)) continue;
      out.push(s);
      if (walk(from + len)) return true;
      out.pop();
    }
    failed.add(from);
    return false;
  };
  return walk(0) ? out : null;
}

function isAllHan(text: string): boolean {
  for (const ch of text) if (!HAN.test(ch)) return false;
  return true;
}

/** Normalized text is lower-case: a–z. */
function isLatin(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/** CJK Unified Ideographs, where every lexicon character lies. */
function isHan(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}
