/**
 * POST /replies/send: the §7 checks, then delivery through the account's customer-service API,
 * then the commit (CONTRACT §11), all through the one reply service: the slot is reserved by the
 * same compare-and-set as /replies/check commits before the call, and given back when WeChat
 * refuses or the call fails. A blocked reply never reaches WeChat; a refused one carries the
 * platform's errcode, mapped to a reason where one exists.
 */
import type { ReplySendBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceCache } from '../runtime/workspace-cache.js';
import { commitReply, type DeliveryOutcome } from '../runtime/reply-service.js';
import { verdictOf, type Reason } from '../core/reason.js';
import type { WechatApiClient } from './wechat-api-client.js';
import { asWireReply } from './wire-reply.js';

export interface SendReplyDeps {
  store: Store;
  cache: WorkspaceCache;
  client: WechatApiClient;
}

/** Platform refusals that say the same as one of our own checks. */
const PLATFORM_REASONS: Record<number, Pick<Reason, 'code' | 'message'>> = {
  45015: { code: 'WINDOW_EXPIRED', message: '微信平台拒绝发送：回复时间已超过限制，或用户已取消关注 (45015)' },
  45047: { code: 'QUOTA_EXHAUSTED', message: '微信平台拒绝发送：这次互动可发的客服消息条数已用完 (45047)' },
};

/**
 * @example await sendReply(deps, {account:'default', to:'oUSER', reply:{type:'text', content:'您好'}}, Date.now())
 * // {verdict:'allow', reasons:[], window:{…}, counters:{…}, committed:true, sent:true}
 */
export async function sendReply(deps: SendReplyDeps, body: ReplySendBody, now: number) {
  const account = body.account ?? 'default';
  await deps.client.credentials(account); // 400 before any check when the account cannot send
  const { delivery, ...outcome } = await commitReply(
    deps.store,
    deps.cache,
    body,
    now,
    async (reply): Promise<DeliveryOutcome> => {
      const wire = asWireReply(reply);
      if (!wire) return { ok: false, errcode: null, errmsg: 'not a reply the customer-service API can carry' };
      const result = await deps.client.send(account, body.to, wire);
      return result.ok ? { ok: true } : result;
    },
  );
  if (!delivery || delivery.ok) return { ...outcome, sent: delivery?.ok ?? false };
  const mapped = delivery.errcode === null ? undefined : PLATFORM_REASONS[delivery.errcode];
  const reasons = mapped
    ? [...outcome.reasons, { ...mapped, severity: 'block' as const, ruleId: `platform:${delivery.errcode}` }]
    : outcome.reasons;
  return {
    ...outcome,
    verdict: verdictOf(reasons),
    reasons,
    sent: false,
    errcode: delivery.errcode,
    errmsg: delivery.errmsg,
  };
}
