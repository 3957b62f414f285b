/**
 * A statistical second reader for the codes whose wording varies most between writers
 * (efficacy claims, induced sharing, share codes, promotions, and — only when near certain — banned offers): logistic regression over the
 * character 1–3-grams of the normalized text (TF-IDF, sublinear term frequency, L2-normalized),
 * trained offline on the labelled dev replies (`npm run train:classifier`, train-reply-classifier.ts)
 * and shipped as a model file. The lexicons and constructions stay the first reader: they give
 * exact evidence and context; this one reads a reply that uses none of their words the way the
 * examples it learned from read, and names the sentence that reads most like the code as its evidence.
 *
 * Why character n-grams: Chinese has no spaces, offers and claims are short phrases in ever new
 * trade wording, and n-grams carry over what words share (代开 / 开票, 降血糖 / 血糖正常) where a
 * list needs the exact word. Measured leave-one-writer-out on the dev rounds (a writer's round
 * predicted by a model trained without it), it found far more of a new writer's banned offers and
 * claims than the lexicons did as first written (see the model file's `crossWriter`).
 */

/** The model file (written by the trainer, read once per process). */
export interface ReplyClassifierModel {
  version: 1;
  /** The n-grams, in feature order, and each one's inverse document frequency. */
  vocabulary: string[];
  idf: number[];
  codes: Record<string, { bias: number; weights: number[]; threshold: number }>;
  /** What it was trained on (each file's SHA-256), so a test can tell when it is stale. */
  trainedOn: Array<{ file: string; sha256: string; lines: number }>;
  /**
   * Per code, a second model trained only on the replies the rules (lexicons, constructions) flag
   * for it, findings and lawful mentions alike: it weighs what tells an offer from talk about one
   * (本店不卖, 警方提醒, 案件 against 有货, 私聊, 价格) rather than the topic's words, which both share.
   * A reviewable lexicon hit is taken back when the reply and its sentence read below `below`, the
   * highest bar at which the trainer's leave-one-writer-out run lost at most 1 in 200 true findings.
   */
  reviewers: Record<
    string,
    {
      bias: number;
      weights: number[];
      below: number;
      crossWriter: { lostFindings: number; takenBack: number; positives: number; negatives: number };
    }
  >;
  /** Leave-one-writer-out figures per code at its threshold, measured by the trainer. */
  crossWriter: Record<
    string,
    {
      recall: number;
      falsePositiveRate: number;
      backgroundFalsePositiveRate: number;
      positives: number;
      negatives: number;
      background: number;
    }
  >;
}

/** Shortest and longest n-gram. */
export const MIN_GRAM = 1;
export const MAX_GRAM = 3;

/** A text's features: vocabulary indexes and their weights (TF-IDF, L2-normalized). */
export interface Features {
  index: number[];
  value: number[];
}

/** The vocabulary as a trie over UTF-16 units: n-grams are looked up without cutting a string per n-gram. */
export interface GramTrie {
  /** The feature index of the n-gram ending here (-1: a prefix only). */
  index: number;
  next: Map<number, GramTrie>;
}

/** The vocabulary's trie (see `GramTrie`). */
export function vocabularyIndex(vocabulary: readonly string[]): GramTrie {
  const root: GramTrie = { index: -1, next: new Map() };
  vocabulary.forEach((gram, index) => {
    let node = root;
    for (let i = 0; i < gram.length; i++) {
      const unit = gram.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { index: -1, next: new Map() }));
      node = child;
    }
    node.index = index;
  });
  return root;
}

/** The vocabulary's n-grams found in normalized `text`: each one's position, end and feature index. */
export interface GramHits {
  at: number[];
  end: number[];
  index: number[];
}

export function gramHits(text: string, vocabulary: GramTrie): GramHits {
  const hits: GramHits = { at: [], end: [], index: [] };
  for (let i = 0; i < text.length; i++) {
    let node: GramTrie | undefined = vocabulary;
    for (let n = 1; n <= MAX_GRAM && i + n <= text.length; n++) {
      node = node.next.get(text.charCodeAt(i + n - 1));
      if (!node) break;
      if (node.index < 0 || n < MIN_GRAM) continue;
      hits.at.push(i);
      hits.end.push(i + n);
      hits.index.push(node.index);
    }
  }
  return hits;
}

/**
 * The features of the n-grams in `hits` lying within `[from, to)` (all when omitted), computed as
 * the trainer computed them: sublinear term frequency times IDF, L2-normalized.
 */
export function featuresOf(hits: GramHits, idf: ArrayLike<number>, from = 0, to = Infinity): Features {
  const counts = new Map<number, number>();
  // Hits are in position order: a span's are found by bisection, so scoring every sentence of a
  // reply stays linear in its length however many sentences it has.
  for (let h = firstAt(hits.at, from); h < hits.index.length && (hits.at[h] ?? 0) < to; h++) {
    if ((hits.end[h] ?? 0) > to) continue;
    const k = hits.index[h] ?? 0;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const index: number[] = [];
  const value: number[] = [];
  let norm = 0;
  for (const [k, tf] of counts) {
    const v = (1 + Math.log(tf)) * (idf[k] ?? 0);
    index.push(k);
    value.push(v);
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < value.length; i++) value[i] = (value[i] ?? 0) / norm;
  return { index, value };
}

/** The first index whose position is at least `from` (`at` is non-decreasing). */
function firstAt(at: readonly number[], from: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] ?? 0) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The n-grams of `text` (each once per position), for building a vocabulary. */
export function ngramsOf(text: string): string[] {
  const out: string[] = [];
  for (let n = MIN_GRAM; n <= MAX_GRAM; n++) for (let i = 0; i + n <= text.length; i++) out.push(text.slice(i, i + n));
  return out;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** One code's probability for features `f` (the trainer's and the checks' one formula). */
export function probabilityOf(model: { bias: number; weights: ArrayLike<number> }, f: Features): number {
  let z = model.bias;
  for (let i = 0; i < f.index.length; i++) z += (model.weights[f.index[i] ?? 0] ?? 0) * (f.value[i] ?? 0);
  return sigmoid(z);
}

/** What the classifier reads in one text: its n-gram hits, scored whole or by span. */
export interface ClassifierReading {
  /** Each code's probability for the normalized text's `[from, to)` (all of it when omitted), with its threshold. */
  score(from?: number, to?: number): Array<{ code: string; probability: number; threshold: number }>;
  /** Where a reader's eye would stop for `code` within `[from, to)` (see `ReplyClassifier.keyNgram`). */
  keyNgram(code: string, from: number, to: number): { start: number; end: number } | undefined;
  /**
   * `code`'s reviewer on `[from, to)`: the probability that a reply the rules flag for `code` is one,
   * and the bar below which a reviewable hit is taken back; undefined when no reviewer reads `code`.
   */
  review(code: string, from?: number, to?: number): { probability: number; below: number } | undefined;
}

/** A model ready to score: the vocabulary as a map, the weights as typed arrays. */
export class ReplyClassifier {
  private readonly vocabulary: GramTrie;
  private readonly idf: Float64Array;
  private readonly codes: Array<{ code: string; bias: number; weights: Float64Array; threshold: number }>;
  private readonly reviewers: Map<string, { bias: number; weights: Float64Array; below: number }>;

  constructor(model: ReplyClassifierModel) {
    this.vocabulary = vocabularyIndex(model.vocabulary);
    this.idf = Float64Array.from(model.idf);
    this.codes = Object.entries(model.codes).map(([code, c]) => ({
      code,
      bias: c.bias,
      weights: Float64Array.from(c.weights),
      threshold: c.threshold,
    }));
    this.reviewers = new Map(
      Object.entries(model.reviewers).map(([code, r]) => [
        code,
        { bias: r.bias, weights: Float64Array.from(r.weights), below: r.below },
      ]),
    );
  }

  /** The codes it reads. */
  codeNames(): string[] {
    return this.codes.map((c) => c.code);
  }

  /** Finds the n-grams of normalized `text` once; its spans are then scored from them. */
  read(text: string): ClassifierReading {
    const hits = gramHits(text, this.vocabulary);
    return {
      score: (from = 0, to = Infinity) => {
        const f = featuresOf(hits, this.idf, from, to);
        return this.codes.map((c) => ({
          code: c.code,
          probability: probabilityOf(c, f),
          threshold: c.threshold,
        }));
      },
      keyNgram: (code, from, to) => this.keyNgram(hits, code, from, to),
      review: (code, from = 0, to = Infinity) => {
        const r = this.reviewers.get(code);
        return r && { probability: probabilityOf(r, featuresOf(hits, this.idf, from, to)), below: r.below };
      },
    };
  }

  /**
   * The n-gram within `[from, to)` weighing most toward `code` (根治, 代开, 转发), widened by the
   * overlapping n-grams that weigh at least half as much (治 → 能根治), so a negation or a warning
   * right before the phrase is read as such. Undefined when no n-gram weighs toward the code.
   */
  private keyNgram(hits: GramHits, code: string, from: number, to: number): { start: number; end: number } | undefined {
    const c = this.codes.find((x) => x.code === code);
    if (!c) return undefined;
    const grams: Array<{ start: number; end: number; weight: number }> = [];
    for (let h = firstAt(hits.at, from); h < hits.index.length && (hits.at[h] ?? 0) < to; h++) {
      const start = hits.at[h] ?? 0;
      const end = hits.end[h] ?? 0;
      if (end > to) continue;
      const k = hits.index[h] ?? 0;
      const weight = (c.weights[k] ?? 0) * (this.idf[k] ?? 0);
      if (weight > 0) grams.push({ start, end, weight });
    }
    const top = grams.reduce<(typeof grams)[number] | undefined>(
      (a, g) => (a && a.weight >= g.weight ? a : g),
      undefined,
    );
    if (!top) return undefined;
    const key = { start: top.start, end: top.end };
    for (let widened = true; widened;) {
      widened = false;
      for (const g of grams) {
        if (g.weight < top.weight / 2 || g.end <= key.start || g.start >= key.end) continue;
        if (g.start < key.start || g.end > key.end) {
          key.start = Math.min(key.start, g.start);
          key.end = Math.max(key.end, g.end);
          widened = true;
        }
      }
    }
    return key;
  }
}
