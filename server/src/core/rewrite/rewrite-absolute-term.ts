/** ABSOLUTE_TERM: the superlative becomes neutral wording from the curated table, or goes. */
import type { RewritePlan } from './rewrite-suggestion.js';
import type { RewriteInput } from './rewrite-input.js';
import { neutralWording } from './neutral-wording.js';

export function rewriteAbsoluteTerm({ evidence, text }: RewriteInput): RewritePlan {
  if (!evidence || text === undefined)
    return { message: '请改用客观、可以证明的说法，不用“最”“第一”“国家级”这类绝对化用语。' };
  const neutral = neutralWording(evidence.text);
  if (neutral === null || neutral === '') {
    return {
      message: `已删掉“${evidence.text}”：这类绝对化用语没有合适的等义说法，删除后请通读一遍。`,
      edit: { start: evidence.start, end: evidence.end, replacement: '' },
    };
  }
  return {
    message: `“${evidence.text}”改成“${neutral}”：用客观说法代替《广告法》禁止的绝对化用语。`,
    edit: { start: evidence.start, end: evidence.end, replacement: neutral },
  };
}
