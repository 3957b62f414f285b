/**
 * Findings of the reply classifier (reply-classifier.ts) for a field the lexicons passed: a code
 * the classifier reads in the text is reported, with the sentence that reads most like it as the
 * evidence (a claim often spans its clauses: 这个枕头睡了一周，颈椎的毛病就轻多了), unless
 * - the lexicons already judged that code in the field (a finding, or an `info` note that the
 *   context took it back: the classifier does not overrule a judgement with reasons), or an
 *   installed pack reported that sentence under its own code (the industry's reading of it: 包过 is
 *   the education pack's PASS_GUARANTEE, not a banned offer);
 * - the context takes it back here too: the sentence's key n-gram (the one weighing most toward the
 *   code) is read like a lexicon hit by context-scopes.ts — negated (这个药不能根治), refused,
 *   warned against or quoted — and the reply passes with an `info` note saying so;
 * - an allowance of the code stands in that sentence.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Reason } from '../reason.js';
import type { AllowedSpan } from './allowed-spans.js';
import { sentencesOf, type SentenceSpan } from './clause-bounds.js';
import type { CodeSetting } from './code-setting.js';
import { afterOpeningShift, suppressionOf } from './context-scopes.js';
import type { ClassifierReading } from './reply-classifier.js';
import type { ReplyField } from './reply-fields.js';
import { suppressedNotes, type NoteSource } from './suppressed-notes.js';
import type { TermHit } from './term-hit.js';

/** How a code is named in a finding's message. */
const WHAT: Readonly<Record<string, string>> = {
  BANNED_TERM: '违法违规交易或内容',
  MEDICAL_CLAIM: '医疗功效或疗效承诺',
  INDUCED_SHARING: '以奖励诱导分享、关注',
  MARKETPLACE_CODE: '电商口令或引导到站外电商平台',
  PROMOTION: '促销营销内容',
};

/** Its `info` notes name the classifier's rule; no lexicon holds the phrase, so only the wording can change. */
const CLASSIFIER_SOURCE: NoteSource = { ruleId: (hit) => `classifier:${hit.payload.code}`, remedy: '请修改措辞' };

export function checkByClassifier(
  field: ReplyField,
  normalized: NormalizedText,
  judged: readonly Reason[],
  allowed: readonly AllowedSpan[],
  reading: ClassifierReading,
  settingOf: (code: string) => CodeSetting,
): Reason[] {
  const reasons: Reason[] = [];
  // Each sentence is read alone (a claim in one sentence of a long reply is not diluted by the rest), and the whole reply.
  const spans = sentencesOf(field.text, normalized);
  const whole = reading.score();
  const sentences =
    spans.length === 1 && spans[0]
      ? [{ span: spans[0], scores: whole }]
      : // A sentence that opens with a turn to another matter (顺便说一句，…) is read from the matter: offers slipped
        // into service replies that way taught the turn's words toward BANNED_TERM, and lawful upsells turned the same way.
        spans.map((span) => ({
          span,
          scores: reading.score(afterOpeningShift(normalized.text, span.from, span.to), span.to),
        }));
  whole.forEach(({ code, probability, threshold }, i) => {
    let best: SentenceSpan | undefined;
    let bestProbability = -1;
    for (const s of sentences) {
      const p = s.scores[i]?.probability ?? 0;
      if (p > bestProbability) [best, bestProbability] = [s.span, p];
    }
    const likeliest = Math.max(probability, bestProbability);
    if (likeliest < threshold || !best || judged.some((r) => r.code === code)) return;
    const setting = settingOf(code);
    if (!setting.enabled) return;
    const sentence = best;
    if (allowed.some((a) => a.code === code && a.start < sentence.end && sentence.start < a.end)) return;
    if (judged.some((r) => r.code.startsWith('pack:') && r.severity !== 'info' && within(r, field.field, sentence)))
      return;
    const key = reading.keyNgram(code, sentence.from, sentence.to);
    const hit: TermHit | undefined = key && {
      ...key,
      payload: {
        kind: 'term',
        role: 'hit',
        lexiconId: '$classifier',
        lexiconName: '样例学得的判断',
        term: normalized.text.slice(key.start, key.end),
        code,
        severity: setting.severity,
        termKey: -1,
        promotional: false,
        negatable: true,
      },
    };
    const suppression = hit && suppressionOf(field.text, normalized, hit);
    if (hit && suppression) {
      reasons.push(...suppressedNotes(field, normalized, [{ hit, suppression }], CLASSIFIER_SOURCE));
      return;
    }
    const text = field.text.slice(sentence.start, sentence.end);
    reasons.push({
      code,
      severity: setting.severity,
      message: `“${text}”读起来像${WHAT[code] ?? code}（由已标注的违规与合规样例学得的判断，把握 ${Math.round(likeliest * 100)}%）。如确属合规说法，可在该流程中“允许此说法”。`,
      ruleId: `classifier:${code}`,
      evidence: { field: field.field, text, start: sentence.start, end: sentence.end },
    });
  });
  return reasons;
}

function within(reason: Reason, field: string, span: { start: number; end: number }): boolean {
  const e = reason.evidence;
  return e !== undefined && e.field === field && e.start < span.end && span.start < e.end;
}
