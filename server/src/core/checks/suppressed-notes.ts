/**
 * `info` notes for hits their context took back (context-scopes.ts): the reply passes, and
 * the operator sees which words were read as a denial, refusal, warning or legal use. An
 * `info` reason never changes the verdict (see verdictOf) and is not a finding's code.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Reason } from '../reason.js';
import type { SuppressedHit } from './judge-term-hits.js';
import { fieldEvidence } from './field-evidence.js';
import type { ReplyField } from './reply-fields.js';

/** Who read the hit: its rule id, and what the operator can change when the note is wrong. */
export interface NoteSource {
  ruleId: (hit: SuppressedHit['hit']) => string;
  remedy: string;
}

const LEXICON_SOURCE: NoteSource = {
  ruleId: (hit) => `lexicon:${hit.payload.lexiconId}`,
  remedy: '请修改措辞或词库',
};

/**
 * @example suppressedNotes(field, normalized, [{ hit, suppression: { kind: 'negation', cue: '不能' } }])[0]?.severity // 'info'
 */
export function suppressedNotes(
  field: ReplyField,
  normalized: NormalizedText,
  suppressed: readonly SuppressedHit[],
  source: NoteSource = LEXICON_SOURCE,
): Reason[] {
  const notes: Reason[] = [];
  for (const { hit, suppression } of suppressed.slice(0, MAX_NOTES)) {
    const evidence = fieldEvidence(field.field, field.text, normalized, hit.start, hit.end);
    notes.push({
      code: hit.payload.code,
      severity: 'info',
      message: `“${evidence.text}”处在${KIND_LABELS[suppression.kind]}中（“${suppression.cue}”），未作为违规报告；如判断有误，${source.remedy}。`,
      ruleId: source.ruleId(hit),
      evidence,
    });
  }
  return notes;
}

/** A text stuffed with denied terms gets a bounded number of notes. */
const MAX_NOTES = 10;

const KIND_LABELS = {
  negation: '否定语境',
  refusal: '拒绝提供的语境',
  warning: '提醒、揭露或引述的语境',
  legal: '合法办理的语境',
  explanation: '说明规则或售后的语境',
  advice: '给顾客的建议',
  review: '由已标注样例学得的判断读作正常说明（如拒绝、提醒、合法经营或价格说明）的语境',
} as const;
