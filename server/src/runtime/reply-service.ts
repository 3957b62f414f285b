/** POST /replies/check: judge a proposed reply; with `commit`, record it as sent unless blocked. */
import type { ReplyCheckBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { commitJudged, countersOf, judgeReply } from '../core/engine/check-reply.js';
import { fillVariables } from '../core/engine/fill-variables.js';
import { windowOf } from '../core/window/window-policy.js';
import type { CompiledSource } from './workspace-cache.js';
import { readConversation, updateConversation } from './conversation-transaction.js';
import { toEpochMs } from './instant.js';

export async function handleReplyCheck(store: Store, cache: CompiledSource, body: ReplyCheckBody, now: number) {
  const account = body.account ?? 'default';
  const at = toEpochMs(body.at, now);
  const compiled = await cache.get(account);
  const reply = fillVariables(body.reply, { nickname: body.user?.nickname, openid: body.to });
  const judge = async (state: Parameters<typeof judgeReply>[1]) => {
    const userTags = [...new Set([...(body.user?.tags ?? []), ...state.tags])];
    return judgeReply(compiled, state, reply, { userTags, now: at });
  };
  if (!body.commit) {
    const state = await readConversation(store, account, body.to);
    const j = await judge(state);
    return { verdict: j.verdict, reasons: j.reasons, window: j.window, counters: j.counters, committed: false };
  }
  const outcome = await updateConversation(store, account, body.to, async (state) => {
    const j = await judge(state);
    const committed = j.verdict !== 'block';
    const next = committed ? commitJudged(compiled, state, j, at) : state;
    return {
      next,
      result: { verdict: j.verdict, reasons: j.reasons, window: windowOf(next, compiled.policy, at), counters: countersOf(next, compiled), committed },
    };
  });
  if (outcome.committed) {
    await store.replies.append({ account, openid: body.to, at: new Date(at), reply, verdict: outcome.verdict, codes: outcome.reasons.map((r) => r.code) });
  }
  return outcome;
}

export async function handleWindowRead(store: Store, cache: CompiledSource, account: string, openid: string, now: number) {
  const compiled = await cache.get(account);
  const state = await readConversation(store, account, openid);
  return { ...windowOf(state, compiled.policy, now), counters: countersOf(state, compiled) };
}
