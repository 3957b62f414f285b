/**
 * MEDICAL_CLAIM: a cure or efficacy promise cannot be softened word by word (能治疗高血压 →
 * 能缓解高血压 is still a claim), so the whole clause becomes advice to see a doctor.
 */
import type { RewritePlan } from './rewrite-suggestion.js';
import type { RewriteInput } from './rewrite-input.js';
import { clauseSpan } from './clause-span.js';

/** Wording with no disease, body measure or effect in it, so no efficacy pattern can meet it. */
export const SEE_A_DOCTOR = '身体不适请及时就医，用药请遵医嘱';

export function rewriteMedicalClaim({ evidence, text }: RewriteInput): RewritePlan {
  if (!evidence || text === undefined) return { message: `请删除治疗、疗效的承诺，改为“${SEE_A_DOCTOR}”一类的提醒。` };
  const [start, end] = clauseSpan(text, evidence.start, evidence.end);
  return {
    message: `含“${evidence.text}”的整句改成“${SEE_A_DOCTOR}”：不承诺疗效，只提醒就医。`,
    edit: { start, end, replacement: SEE_A_DOCTOR },
  };
}
