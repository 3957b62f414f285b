/**
 * The one path that commits replies: /replies/check with `commit` (CONTRACT §8) and
 * /replies/send (§11) both judge and commit in one compare-and-set on the user's conversation
 * state, so commits racing on any number of instances never spend more than the allowance.
 */
import { randomUUID } from 'node:crypto';
import type { ReplyCheckBody, ReplySendBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { commitJudged, countersOf, judgeReply } from '../core/engine/check-reply.js';
import { fillVariables } from '../core/engine/fill-variables.js';
import { applyPlatformRefusal, windowOf } from '../core/window/window-policy.js';
import { confirmReservation, releaseReservation, reserveReply } from '../core/window/reply-reservation.js';
import type { ConversationState } from '../core/window/conversation-state.js';
import { findingsOf, type Reason, type Verdict } from '../core/reason.js';
import type { CompiledSource } from './workspace-cache.js';
import { readConversation, updateConversation } from './conversation-transaction.js';
import { toEpochMs } from './instant.js';
import { recordCommittedReply, recordJudgement } from './record-insights.js';

/** How a delivery went. Anything but `ok` gives the reserved slot back. */
export type DeliveryOutcome = { ok: true } | { ok: false; errcode: number | null; errmsg: string };

/** Puts a reply (variables filled, already committed as a reservation) on the wire. */
export type Deliver = (reply: unknown) => Promise<DeliveryOutcome>;

export async function handleReplyCheck(store: Store, cache: CompiledSource, body: ReplyCheckBody, now: number) {
  if (body.commit) return commitReply(store, cache, body, now);
  const { compiled, at, judge } = await prepare(cache, body, now);
  const j = await judge(await readConversation(store, body.account ?? 'default', body.to));
  await recordJudgement(store, compiled, body.account ?? 'default', body.to, at, j.reasons);
  return { verdict: j.verdict, reasons: j.reasons, window: j.window, counters: j.counters, committed: false };
}

/**
 * Judges and commits a reply unless blocked. With `deliver`, the commit is a reservation made
 * before delivery: a delivery that fails releases exactly that reservation (and, for 45015 or
 * 45047, takes the platform's word on the window in the same compare-and-set).
 * @example await commitReply(store, cache, {to:'oUSER', reply:{type:'text', content:'您好'}}, Date.now(), deliverByApi)
 * // {verdict:'allow', reasons:[], window:{…}, counters:{…}, committed:true, delivery:{ok:true}}
 */
export async function commitReply(
  store: Store,
  cache: CompiledSource,
  body: ReplySendBody,
  now: number,
  deliver?: Deliver,
) {
  const account = body.account ?? 'default';
  const { compiled, reply, at, judge } = await prepare(cache, body, now);
  const view = (state: ConversationState) => ({
    window: windowOf(state, compiled.policy, at),
    counters: countersOf(state, compiled),
  });
  const id = randomUUID();
  type View = ReturnType<typeof view>;
  const judged = await updateConversation(store, account, body.to, async (state) => {
    const j = await judge(state);
    if (j.verdict === 'block') return { next: state, result: { j, after: null as View | null } };
    const committed = commitJudged(compiled, state, j, at);
    const next = deliver
      ? reserveReply(state, committed, { id, at, fp: j.fingerprint, promotional: j.promotional })
      : committed;
    return { next, result: { j, after: view(next) } };
  });
  const { j, after } = judged;
  await recordJudgement(store, compiled, account, body.to, at, j.reasons);
  const checked = { verdict: j.verdict, reasons: j.reasons, window: j.window, counters: j.counters };
  if (!after) return { ...checked, committed: false };
  if (deliver) {
    // The compensating write: confirm, or remove exactly this reservation's commit.
    const settle = (outcome: DeliveryOutcome) =>
      updateConversation(store, account, body.to, async (state) => {
        let next = outcome.ok ? confirmReservation(state, id) : releaseReservation(state, id);
        if (!outcome.ok && outcome.errcode !== null) next = applyPlatformRefusal(next, outcome.errcode, at);
        return { next, result: view(next) };
      });
    const delivery = await deliver(reply).catch(async (err: unknown) => {
      await settle({ ok: false, errcode: null, errmsg: 'delivery failed' });
      throw err;
    });
    const settled = await settle(delivery);
    if (!delivery.ok) return { ...checked, ...settled, committed: false, delivery };
  }
  await appendReplyLog(store, account, body.to, at, { reply, verdict: j.verdict, reasons: j.reasons });
  await recordCommittedReply(store, compiled, account, body.to, at, body.agent);
  return { ...checked, ...after, committed: true, ...(deliver ? { delivery: { ok: true } as const } : {}) };
}

/** The reply log entry of a committed reply (the runtime's own replies are committed by /inbound). */
export async function appendReplyLog(
  store: Store,
  account: string,
  openid: string,
  at: number,
  committed: { reply: unknown; verdict: Verdict; reasons: readonly Reason[] },
): Promise<void> {
  await store.replies.append({
    account,
    openid,
    at: new Date(at),
    reply: committed.reply,
    verdict: committed.verdict,
    codes: findingsOf(committed.reasons).map((r) => r.code),
  });
}

export async function handleWindowRead(
  store: Store,
  cache: CompiledSource,
  account: string,
  openid: string,
  now: number,
) {
  const compiled = await cache.get(account);
  const state = await readConversation(store, account, openid);
  return { ...windowOf(state, compiled.policy, now), counters: countersOf(state, compiled) };
}

async function prepare(cache: CompiledSource, body: ReplySendBody, now: number) {
  const compiled = await cache.get(body.account ?? 'default');
  const at = toEpochMs(body.at, now);
  const reply = fillVariables(body.reply, { nickname: body.user?.nickname, openid: body.to });
  const judge = async (state: ConversationState) => {
    const userTags = [...new Set([...(body.user?.tags ?? []), ...state.tags])];
    return judgeReply(compiled, state, reply, { userTags, now: at });
  };
  return { compiled, reply, at, judge };
}
