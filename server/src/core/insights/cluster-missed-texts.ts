/**
 * Clusters the texts no keyword group matched (GET /insights/missed-keywords), so an operator
 * sees 退钱 / 钱退回来 / 退钱吗 as one question asked three times, with a word to add to a group.
 *
 * Method, chosen to be explainable in one sentence to an operator: **each message joins the
 * cluster of its most widely shared word**.
 * 1. Each text is normalized (normalizeText: NFKC, width, case, traditional → simplified) and cut
 *    into words by jieba; stop words (particles, pronouns, question words, greetings) and tokens
 *    without a letter or digit are left out. The words left, over all texts, are the vocabulary.
 * 2. A message *holds* a vocabulary word when the word is one of its own words, or when every
 *    character of the word occurs in one clause of it, in any order (钱退回来 holds 退钱, the way
 *    a keyword combo matches), or, for a one-character word, when it occurs anywhere in it.
 * 3. A word's weight is how many messages hold it. Each message's key is the word it holds with
 *    the most weight, words of two or more characters before single characters (钱 alone would
 *    join 多少钱 and 退钱), then the word jieba cut out of more messages (发票 before 开发票),
 *    then the shorter, then code-point order. Messages with the same key form a cluster, named
 *    (`label`) by it.
 * A top-TF-IDF key would do the opposite of what is wanted here: it picks each message's rarest
 * word, which splits a common question apart. Pairwise Jaccard grouping costs n² comparisons on
 * the 20,000 messages the service may hand over; this costs one pass over the words.
 */
import type { Steps } from '../steps.js';
import { normalizeText } from '../text/normalize-text.js';
import { MISSED_STOP_WORDS } from './missed-stop-words.js';

export interface MissedCluster {
  /** The cluster's key word: what the operator would add to a keyword group. */
  label: string;
  /** Words held by at least half of the cluster's messages, the label first, at most 5, each with the share of the cluster's messages holding it. */
  words: Array<{ word: string; share: number }>;
  /** Messages in the cluster (repeats count). */
  count: number;
  /** Distinct texts as the users wrote them, in input order, at most `examples`. */
  examples: string[];
}

export interface ClusterOptions {
  /** Most clusters returned, the largest first. */
  limit: number;
  /** Most distinct examples per cluster. */
  examples: number;
}

export interface MissedClusters {
  clusters: MissedCluster[];
  /** Messages with no word left after the stop words (在吗, 你好, 😊): in no cluster. */
  unclustered: number;
}

/** Words per cluster reported in `words`. */
const MAX_WORDS = 5;
/** Sentence punctuation kept by normalizeText (NFKC turns ，！？ into ASCII): clause bounds. */
const CLAUSE_BREAK = /[,.!?;:。、]+/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Messages handled between two yields (about 10 ms of normalizing and cutting). */
const MESSAGES_PER_STEP = 250;

/**
 * `texts` as the users wrote them, most recent first; `cut` splits a normalized text into words
 * (cutWords, jieba). Deterministic: the same texts in the same order give the same clusters.
 * Steps (core/steps.ts): the service gives the event loop a turn between slices of 20,000 texts.
 * @example
 * runToEnd(clusterMissedTexts(['退钱', '钱退回来', '退钱吗', '能开发票吗'], cutWords, { limit: 20, examples: 5 })).clusters
 * // [{ label: '退钱', words: [{ word: '退钱', share: 1 }, { word: '钱', share: 1 }], count: 3, examples: ['退钱', '钱退回来', '退钱吗'] },
 * //  { label: '发票', … count: 1 }]
 */
export function* clusterMissedTexts(
  texts: readonly string[],
  cut: (normalized: string) => string[],
  options: ClusterOptions,
): Steps<MissedClusters> {
  const messages: Array<{ original: string; text: string; own: Set<string> }> = [];
  for (const original of texts) {
    const text = normalizeText(original).text;
    messages.push({ original, text, own: new Set(cut(text).filter(isContentWord)) });
    if (messages.length % MESSAGES_PER_STEP === 0) yield;
  }
  const cutFrom = new Map<string, number>();
  for (const m of messages) for (const w of m.own) cutFrom.set(w, (cutFrom.get(w) ?? 0) + 1);
  const held = yield* heldWords(messages, [...cutFrom.keys()]);
  const weight = new Map<string, number>();
  for (const words of held) for (const w of words) weight.set(w, (weight.get(w) ?? 0) + 1);

  const rank = (w: string): [number, number, number, number] => [
    charLength(w) > 1 ? 1 : 0,
    weight.get(w) ?? 0,
    cutFrom.get(w) ?? 0,
    -charLength(w),
  ];
  const before = (a: string, b: string): boolean => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return (ra[i] ?? 0) > (rb[i] ?? 0);
    return a < b;
  };
  const byKey = new Map<string, number[]>();
  let unclustered = 0;
  held.forEach((words, i) => {
    let key: string | null = null;
    for (const w of words) if (key === null || before(w, key)) key = w;
    if (key === null) unclustered++;
    else if (byKey.has(key)) byKey.get(key)?.push(i);
    else byKey.set(key, [i]);
  });

  const clusters = [...byKey.entries()].map(([label, members]): MissedCluster => {
    const inCluster = new Map<string, number>();
    for (const i of members) for (const w of held[i] ?? []) inCluster.set(w, (inCluster.get(w) ?? 0) + 1);
    const words = [...inCluster.entries()]
      .filter(([w, n]) => w !== label && n * 2 >= members.length)
      .sort(([a, na], [b, nb]) => nb - na || (before(a, b) ? -1 : 1))
      .slice(0, MAX_WORDS - 1)
      .map(([word, n]) => ({ word, share: n / members.length }));
    return {
      label,
      words: [{ word: label, share: 1 }, ...words],
      count: members.length,
      examples: distinctExamples(
        members.map((i) => messages[i]),
        options.examples,
      ),
    };
  });
  clusters.sort((a, b) => b.count - a.count || (before(a.label, b.label) ? -1 : 1));
  return { clusters: clusters.slice(0, options.limit), unclustered };
}

function isContentWord(word: string): boolean {
  return HAS_LETTER_OR_DIGIT.test(word) && !MISSED_STOP_WORDS.has(word) && !/^\p{N}+$/u.test(word);
}

/**
 * The vocabulary words each message holds (step 2). Words are indexed by their first character,
 * so a clause looks only at words starting with one of its own characters: linear in the
 * messages, not messages × vocabulary.
 */
function* heldWords(
  messages: ReadonlyArray<{ text: string; own: ReadonlySet<string> }>,
  vocabulary: readonly string[],
): Steps<Array<Set<string>>> {
  const byFirstChar = new Map<string, string[][]>();
  for (const word of vocabulary) {
    const chars = [...word];
    const first = chars[0];
    if (first === undefined) continue;
    if (byFirstChar.has(first)) byFirstChar.get(first)?.push(chars);
    else byFirstChar.set(first, [chars]);
  }
  const held: Array<Set<string>> = [];
  for (const m of messages) {
    const words = new Set(m.own);
    for (const clause of m.text.split(CLAUSE_BREAK)) {
      const present = new Set(clause);
      for (const c of present) {
        for (const chars of byFirstChar.get(c) ?? [])
          if (chars.every((ch) => present.has(ch))) words.add(chars.join(''));
      }
    }
    held.push(words);
    if (held.length % MESSAGES_PER_STEP === 0) yield;
  }
  return held;
}

function distinctExamples(
  members: ReadonlyArray<{ original: string; text: string } | undefined>,
  max: number,
): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of members) {
    if (!m || seen.has(m.text) || out.length >= max) continue;
    seen.add(m.text);
    out.push(m.original);
  }
  return out;
}

function charLength(word: string): number {
  return [...word].length;
}
