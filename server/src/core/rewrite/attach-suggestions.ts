/**
 * Gives every reason of a checked reply its rewrite suggestion. Pure: reads only the reply that
 * was checked (variables already filled, so the evidence offsets point into it) and the reasons.
 */
import type { Reason } from '../reason.js';
import type { RewriteSuggestion } from './rewrite-suggestion.js';
import type { RewriteInput } from './rewrite-input.js';
import { planRewrite } from './plan-rewrite.js';
import { applySpanEdit } from './apply-span-edit.js';

/**
 * Each text rewrite copies its whole field; past this many a hostile reply full of hits would
 * cost megabytes per check, so later reasons get the hint (their message) without the text.
 */
export const MAX_TEXT_REWRITES = 32;

/**
 * @example attachSuggestions({ type: 'text', content: '最佳选择' }, reasons)[0]?.suggestion?.text // '优质选择'
 */
export function attachSuggestions(reply: unknown, reasons: readonly Reason[]): Reason[] {
  let rewrites = 0;
  return reasons.map((reason) => {
    // Only findings get a suggestion; a note on a hit that was let through (severity `info`) has nothing to fix.
    if (reason.severity !== 'block' && reason.severity !== 'warn') return reason;
    const input = rewriteInput(reply, reason);
    const plan = planRewrite(input);
    let suggestion: RewriteSuggestion = { kind: 'hint', message: plan.message };
    if (plan.edit && input.text !== undefined && input.evidence && rewrites < MAX_TEXT_REWRITES) {
      rewrites++;
      const applied = applySpanEdit(input.text, plan.edit);
      // A rewrite that leaves nothing is no reply: say the whole text has to go instead.
      suggestion = applied.text.trim()
        ? { kind: 'rewrite', field: input.evidence.field, ...applied, message: plan.message }
        : { kind: 'hint', message: `${plan.message}（删除后没有剩下内容：这条回复需要整条重写。）` };
    }
    return { ...reason, suggestion };
  });
}

/** The reason's evidence with its field's text, when the offsets really point at the evidence. */
function rewriteInput(reply: unknown, reason: Reason): RewriteInput {
  const { evidence } = reason;
  if (!evidence) return { code: reason.code };
  const text = fieldText(reply, evidence.field);
  if (text === undefined || text.slice(evidence.start, evidence.end) !== evidence.text) return { code: reason.code };
  return { code: reason.code, evidence, text };
}

/** Resolves an evidence field (`content`, `articles/0/title`, JSON-pointer style) in the reply. */
function fieldText(reply: unknown, field: string): string | undefined {
  let at: unknown = reply;
  for (const key of field.replace(/^\//, '').split('/')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = Reflect.get(at, key);
  }
  return typeof at === 'string' ? at : undefined;
}
