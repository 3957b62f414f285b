/**
 * UNSUPPORTED_TYPE: a reply whose type is not a customer-service type (CONTRACT §5) or
 * whose shape is malformed. Always on and blocking: the platform would refuse to send it.
 */
import { REPLY_TYPES, type Reply } from '../../../../rules-schema/index.js';
import { validate } from '../../../../rules-schema/validator.js';
import type { Reason } from '../reason.js';

export type ReplyShape = { ok: true; reply: Reply } | { ok: false; reason: Reason };

/**
 * @example checkReplyShape({ type: 'music' }) // { ok: false, reason: { code: 'UNSUPPORTED_TYPE', … } }
 */
export function checkReplyShape(reply: unknown): ReplyShape {
  const result = validate<Reply>('reply', reply);
  if (result.ok) return { ok: true, reply: result.value };
  const type = typeof reply === 'object' && reply !== null && 'type' in reply ? reply.type : undefined;
  const known = REPLY_TYPES.some((t) => t === type);
  const message = known
    ? `“${type}”回复的格式不对，无法作为客服消息发送（${result.problems.map((p) => `${p.path}: ${p.message}`).join('；')}）。`
    : `不支持的回复类型“${String(type)}”；客服消息只能是 ${REPLY_TYPES.join('、')}。`;
  return {
    ok: false,
    reason: { code: 'UNSUPPORTED_TYPE', severity: 'block', message, ruleId: 'check:UNSUPPORTED_TYPE' },
  };
}
