/**
 * POST /replies/send: the §7 checks, then delivery through the account's customer-service API,
 * then the commit (CONTRACT §11). A blocked reply never reaches WeChat; a reply WeChat refuses
 * is not committed and carries the platform's errcode, mapped to a reason where one exists.
 */
import { recordPlatformRefusal } from './record-platform-refusal.js';
import type { ReplySendBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import type { Logger } from '../logger.js';
import type { WorkspaceCache } from '../runtime/workspace-cache.js';
import { readConversation, updateConversation } from '../runtime/conversation-transaction.js';
import { toEpochMs } from '../runtime/instant.js';
import { commitJudged, countersOf, judgeReply } from '../core/engine/check-reply.js';
import { fillVariables } from '../core/engine/fill-variables.js';
import { windowOf } from '../core/window/window-policy.js';
import { verdictOf, type Reason } from '../core/reason.js';
import type { WechatApiClient } from './wechat-api-client.js';
import { KeyedLock } from './keyed-lock.js';
import { asWireReply } from './wire-reply.js';

export interface SendReplyDeps {
  store: Store;
  cache: WorkspaceCache;
  client: WechatApiClient;
  log: Logger;
  lock: KeyedLock;
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
  const at = toEpochMs(body.at, now);
  await deps.client.credentials(account); // 400 before any check when the account cannot send
  const compiled = await deps.cache.get(account);
  const reply = fillVariables(body.reply, { nickname: body.user?.nickname, openid: body.to });
  const judge = (state: Parameters<typeof judgeReply>[1]) =>
    judgeReply(compiled, state, reply, { userTags: [...new Set([...(body.user?.tags ?? []), ...state.tags])], now: at });

  // One send per user at a time here, so two callers cannot both spend the last message.
  return deps.lock.run(`${account}|${body.to}`, async () => {
    const j = await judge(await readConversation(deps.store, account, body.to));
    const checked = { verdict: j.verdict, reasons: j.reasons, window: j.window, counters: j.counters };
    if (j.verdict === 'block') return { ...checked, committed: false, sent: false };
    const wire = asWireReply(reply);
    if (!wire) return { ...checked, committed: false, sent: false };
    const result = await deps.client.send(account, body.to, wire);
    if (!result.ok) {
      await recordPlatformRefusal(deps.store, account, body.to, result.errcode, at);
      const mapped = result.errcode === null ? undefined : PLATFORM_REASONS[result.errcode];
      const reasons = mapped ? [...j.reasons, { ...mapped, severity: 'block' as const, ruleId: `platform:${result.errcode}` }] : j.reasons;
      return { ...checked, verdict: verdictOf(reasons), reasons, committed: false, sent: false, errcode: result.errcode, errmsg: result.errmsg };
    }
    // Sent: record it whatever a re-judgement says now. Re-judging against the latest state
    // (another instance may have committed meanwhile) keeps fingerprints and counters exact.
    const after = await updateConversation(deps.store, account, body.to, async (state) => {
      const again = await judge(state);
      if (again.verdict === 'block') deps.log.warn('reply sent although a concurrent commit now blocks it', { account, codes: again.reasons.map((r) => r.code) });
      const next = commitJudged(compiled, state, again, at);
      return { next, result: { window: windowOf(next, compiled.policy, at), counters: countersOf(next, compiled) } };
    });
    await deps.store.replies.append({ account, openid: body.to, at: new Date(at), reply, verdict: j.verdict, codes: j.reasons.map((r) => r.code) });
    return { ...checked, ...after, committed: true, sent: true };
  });
}
