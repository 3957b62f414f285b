/**
 * The reply classifier as a reviewer of lexicon hits (lexicons with `classifierReview`): a hit
 * of a code the classifier reads is taken back, as an `info` note, when both the whole reply and
 * the hit's sentence read as near-certainly not that code. Lawful talk shares the offers' words
 * (您问的弹簧刀属于管制刀具，本店不卖; 枪支由馆内统一保管，不外借) in more ways than the context
 * cues can list; the classifier learned them from the same labelled replies. Measured on writers'
 * rounds it had not seen, it found almost none of the lexicons' true hits this unlikely (see the
 * README's evaluation section).
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { sentencesOf } from './clause-bounds.js';
import type { JudgedHits } from './judge-term-hits.js';
import type { ClassifierReading } from './reply-classifier.js';

/** Below this probability of its code, in the reply and in its sentence, a reviewable hit is taken back. */
export const REVIEW_BELOW = 0.01;

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
  const whole = reading.score();
  const sentences = sentencesOf(original, normalized);
  const kept: JudgedHits['hits'] = [];
  const suppressed = [...judged.suppressed];
  for (const hit of judged.hits) {
    const i = whole.findIndex((s) => s.code === hit.payload.code);
    if (hit.payload.reviewable !== true || hit.payload.role !== 'hit' || i < 0) {
      kept.push(hit);
      continue;
    }
    const sentence = sentences.find((s) => s.from <= hit.start && hit.start < s.to);
    const inSentence = sentence ? (reading.score(sentence.from, sentence.to)[i]?.probability ?? 1) : 0;
    const likeliest = Math.max(whole[i]?.probability ?? 1, inSentence);
    if (likeliest >= REVIEW_BELOW) kept.push(hit);
    else
      suppressed.push({
        hit,
        suppression: { kind: 'review', cue: `属于此类问题的可能 ${(likeliest * 100).toFixed(1)}%` },
      });
  }
  return { hits: kept, suppressed };
}
