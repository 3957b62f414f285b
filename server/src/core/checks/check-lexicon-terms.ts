/**
 * ABSOLUTE_TERM, MEDICAL_CLAIM, PROMOTION, BANNED_TERM, self-standing INDUCED_SHARING
 * phrases and pack codes: one reason per live lexicon `hit` (exclusions already applied).
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Reason } from '../reason.js';
import { fieldEvidence } from './field-evidence.js';
import type { ReplyField } from './reply-fields.js';
import type { TermHit } from './term-hit.js';

/**
 * @param hits the field's live term hits; only `role: 'hit'` ones report here.
 */
export function checkLexiconTerms(field: ReplyField, normalized: NormalizedText, hits: readonly TermHit[]): Reason[] {
  const reasons: Reason[] = [];
  for (const hit of hits) {
    if (hit.payload.role !== 'hit') continue;
    const { code, severity, lexiconId, lexiconName } = hit.payload;
    const evidence = fieldEvidence(field.field, field.text, normalized, hit.start, hit.end);
    const base = code.startsWith('pack:') ? code.slice(code.indexOf('/') + 1) : code;
    const describe = MESSAGES[base];
    reasons.push({
      code,
      severity,
      message: describe ? describe(evidence.text) : `“${evidence.text}”命中词库“${lexiconName}”。`,
      ruleId: `lexicon:${lexiconId}`,
      evidence,
    });
  }
  return reasons;
}

const MESSAGES: Readonly<Record<string, (text: string) => string>> = {
  ABSOLUTE_TERM: (t) => `“${t}”是《广告法》第九条禁止的绝对化用语，请改用客观、可证明的说法。`,
  MEDICAL_CLAIM: (t) => `“${t}”属于治疗功效或疗效承诺，《广告法》禁止此类说法，不能发送。`,
  PROMOTION: (t) => `“${t}”属于营销推广内容；客服消息频繁推广会被判定为过度营销。`,
  INDUCED_SHARING: (t) => `“${t}”属于诱导分享或诱导关注，违反平台运营规范。`,
  BANNED_TERM: (t) => `“${t}”属于违法违规内容，不能发送。`,
};
