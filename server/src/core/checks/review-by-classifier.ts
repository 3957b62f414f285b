/**
 * The reply classifier's reviewers as readers of lexicon hits (lexicons with `classifierReview`):
 * a hit of a code with a reviewer is taken back, as an `info` note, when both the whole reply and
 * the hit's sentence read below the reviewer's bar. Lawful talk shares the offers' words
 * (您问的弹簧刀属于管制刀具，本店不卖; 枪支由馆内统一保管，不外借) in more ways than the context
 * cues can list; a reviewer, trained only on the labelled replies the rules flag, learned what
 * tells the two apart rather than the topic both share. Its bar is the trainer's, chosen
 * leave-one-writer-out (see `ReplyClassifierModel.reviewers` and the README's evaluation section).
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { sentencesOf } from './clause-bounds.js';
import type { JudgedHits } from './judge-term-hits.js';
import type { ClassifierReading } from './reply-classifier.js';

/**
 * A reviewer reads the context; a reply with less than this beside the hit gives it none, and
 * then it read plain offers as lawful (本店提供胎儿性别鉴定服务: 0.03), so such a hit stays.
 */
export const MIN_CONTEXT_CHARS = 10;

/**
 * @param original the field's text (sentence ends are read there).
 * @example reviewedByClassifier(judgeTermHits(hits of '枪支由馆内统一保管，不外借', …), …).suppressed[0]?.suppression.kind // 'review'
 */
export function reviewedByClassifier(
  judged: JudgedHits,
  original: string,
  normalized: NormalizedText,
  reading: ClassifierReading,
): JudgedHits {
  if (!judged.hits.some((h) => h.payload.reviewable === true && h.payload.role === 'hit')) return judged;
  const sentences = sentencesOf(original, normalized);
  // Several hits of one code share the reply's reading, and often their sentence's: read each span once.
  const readings = new Map<string, ReturnType<ClassifierReading['review']>>();
  const review = (code: string, from = 0, to = Infinity) => {
    const key = `${code} ${from} ${to}`;
    if (!readings.has(key)) readings.set(key, reading.review(code, from, to));
    return readings.get(key);
  };
  const kept: JudgedHits['hits'] = [];
  const suppressed = [...judged.suppressed];
  for (const hit of judged.hits) {
    const { code } = hit.payload;
    const reviewable =
      hit.payload.reviewable === true &&
      hit.payload.role === 'hit' &&
      normalized.text.length - (hit.end - hit.start) >= MIN_CONTEXT_CHARS;
    const whole = reviewable ? review(code) : undefined;
    if (!whole) {
      kept.push(hit);
      continue;
    }
    const sentence = sentences.find((s) => s.from <= hit.start && hit.start < s.to);
    const inSentence = sentence ? (review(code, sentence.from, sentence.to)?.probability ?? 1) : 0;
    const likeliest = Math.max(whole.probability, inSentence);
    if (likeliest >= whole.below) kept.push(hit);
    else
      suppressed.push({
        hit,
        suppression: { kind: 'review', cue: `属于此类问题的可能 ${(likeliest * 100).toFixed(1)}%` },
      });
  }
  return { hits: kept, suppressed };
}
