/**
 * Clause and sentence limits for findings built from several words: a construction's parts
 * (降 … 血压, 血糖 … 正常) belong to one clause, and a warning (谨防 …) covers its sentence.
 * Punctuation read here survives normalization (，。！？；： become ,。!?;:), line breaks do
 * not, so those are read in the ORIGINAL text through the offset map.
 */
import type { NormalizedText } from '../text/normalize-text.js';

/**
 * Whether a clause ends between normalized offsets `from` (an end) and `to` (a start).
 * @example crossesClause('血糖高，正常吃', normalizeText('血糖高，正常吃'), 3, 4) // true
 */
export function crossesClause(original: string, normalized: NormalizedText, from: number, to: number): boolean {
  return crosses(original, normalized, from, to, CLAUSE_END);
}

/** Whether a sentence ends between normalized offsets `from` and `to`. */
export function crossesSentence(original: string, normalized: NormalizedText, from: number, to: number): boolean {
  return crosses(original, normalized, from, to, SENTENCE_END);
}

/**
 * The normalized offset where the sentence holding `at` starts, looking back at most `limit` chars.
 * @example sentenceStart('好的。谨防假药', normalizeText('好的。谨防假药'), 5, 30) // 3
 */
export function sentenceStart(original: string, normalized: NormalizedText, at: number, limit: number): number {
  return startWithin(original, normalized, at, limit, SENTENCE_END);
}

/** The normalized offset where the sentence holding `at` ends, looking ahead at most `limit` chars. */
export function sentenceEnd(original: string, normalized: NormalizedText, at: number, limit: number): number {
  return endWithin(original, normalized, at, limit, SENTENCE_END);
}

/**
 * Where the sentence or list item holding normalized offset `at` starts, looking back at most `limit`
 * chars: a reply laid out as a list (【年货节】①满200减40 ②下单即送 ③…48小时内发货) tells one matter per item.
 */
export function listItemStart(original: string, normalized: NormalizedText, at: number, limit: number): number {
  return startWithin(original, normalized, at, limit, ITEM_END);
}

/** Where the sentence or list item holding normalized offset `at` ends, looking ahead at most `limit` chars. */
export function listItemEnd(original: string, normalized: NormalizedText, at: number, limit: number): number {
  return endWithin(original, normalized, at, limit, ITEM_END);
}

function startWithin(original: string, normalized: NormalizedText, at: number, limit: number, end: RegExp): number {
  let start = at;
  while (start > 0 && at - start < limit && !crosses(original, normalized, start - 1, start, end)) start--;
  return start;
}

function endWithin(original: string, normalized: NormalizedText, at: number, limit: number, end: RegExp): number {
  const length = normalized.text.length;
  let stop = at;
  while (stop < length && stop - at < limit && !crosses(original, normalized, stop, stop + 1, end)) stop++;
  return stop;
}

/** A sentence: `[start, end)` in the original text (without its end mark), `[from, to)` the normalized chars it holds. */
export interface SentenceSpan {
  start: number;
  end: number;
  from: number;
  to: number;
}

/**
 * The sentences of `original` that hold any normalized char, in one pass over both texts.
 * @example sentencesOf('好的。谨防假药', normalizeText('好的。谨防假药')).map((s) => [s.from, s.to]) // [[0, 2], [3, 7]]
 */
export function sentencesOf(original: string, normalized: NormalizedText): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let k = 0; // the first normalized char not yet given to a sentence
  for (let start = 0; start < original.length;) {
    let end = start;
    while (end < original.length && !endsAt(original, end, SENTENCE_END)) end++;
    // The map is non-decreasing: the chars of [start, end) follow those of the sentences before.
    while (k < normalized.text.length && (normalized.map[k] ?? 0) < start) k++;
    const from = k;
    while (k < normalized.text.length && (normalized.map[k] ?? 0) < end) k++;
    if (k > from) out.push({ start, end, from, to: k });
    start = end + 1;
  }
  return out;
}

/**
 * The normalized offset just after the quotation mark that opens a quotation still open at normalized
 * offset `at`, looking back to `from`; undefined when `at` is not inside one. Quotation marks do not
 * survive normalization, so they are read in the original text.
 * @example openQuoteBefore('您问“有货吗”', normalizeText('您问“有货吗”'), 0, 3) // 2
 */
export function openQuoteBefore(
  original: string,
  normalized: NormalizedText,
  from: number,
  at: number,
): number | undefined {
  const start = normalized.map[from] ?? 0;
  const end = normalized.map[at] ?? original.length;
  let open: number | undefined;
  for (let i = start; i < end; i++) {
    const c = original[i] ?? '';
    if (QUOTE_OPEN.includes(c) || (c === '"' && open === undefined)) open = i;
    else if (QUOTE_CLOSE.includes(c) || c === '"') open = undefined;
  }
  if (open === undefined) return undefined;
  let k = from;
  while (k < at && (normalized.map[k] ?? 0) < open) k++;
  return k;
}

/**
 * Whether the sentence ending at normalized offset `end` closes with a quotation mark after its last
 * char, with the hit ending at `from` inside it (您问“能不能代购外烟”。).
 */
export function quoteClosesSentence(original: string, normalized: NormalizedText, from: number, end: number): boolean {
  const last = Math.max(from, end) - 1;
  const after = last >= 0 ? (normalized.map[last] ?? 0) + 1 : 0;
  const stop = normalized.map[end] ?? original.length;
  return [...original.slice(after, stop)].some((c) => QUOTE_CLOSE.includes(c) || c === '"');
}

const QUOTE_OPEN = '“「『‘';
const QUOTE_CLOSE = '”」』’';
const CLAUSE_END = /[，,。！？!?；;：:\n\r]/;
const SENTENCE_END = /[。！？!?；;\n\r]/;
/** A sentence's end, or what opens a list item or a header: circled and bracketed numbers, bullets, 【 (normalization drops or rewrites them: ① → 1). */
const ITEM_END = new RegExp(`[${SENTENCE_END.source.slice(1, -1)}【①-⑳⑴-⒇❶-❿▶►•●◆■✅✔☑▪]`);

const TILDES = '～~〜';
/** What follows a tilde that joins a range (3～5天, 9点～18点, 三～五天). */
const RANGE_NEXT = /[0-9０-９零一二两三四五六七八九十百千万]/;

/**
 * Whether the char at `i` of `original` ends a clause or sentence (`end`). A tilde ends a sentence
 * too (请查收～下周三…), unless it joins a range: a number after it, or the word before it
 * begun again (周一～周五).
 */
function endsAt(original: string, i: number, end: RegExp): boolean {
  const c = original[i] ?? '';
  if (end.test(c)) return true;
  if (!TILDES.includes(c)) return false;
  const next = original[i + 1] ?? '';
  return !RANGE_NEXT.test(next) && !(next !== '' && next === original[i - 2]);
}

function crosses(original: string, normalized: NormalizedText, from: number, to: number, end: RegExp): boolean {
  if (to < from) return false;
  // The original text strictly between the char before `from` and the char at `to`: chars
  // normalization dropped there (a line break) count even when the gap is empty.
  const a = from > 0 ? (normalized.map[from - 1] ?? 0) + 1 : 0;
  const b = normalized.map[to] ?? original.length;
  for (let i = a; i < b; i++) if (endsAt(original, i, end)) return true;
  return false;
}
