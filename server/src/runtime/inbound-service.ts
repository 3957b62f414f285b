/**
 * POST /inbound: idempotent by message key (WeChat retries a push three times), then one
 * conversation transaction that records the interaction, runs the flows and commits replies.
 */
import type { InboundBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { processInbound, type InboundResult } from '../core/engine/process-inbound.js';
import type { CompiledSource } from './workspace-cache.js';
import { loadConversation, readConversation, updateConversation } from './conversation-transaction.js';
import { toEpochMs } from './instant.js';
import { appendReplyLog } from './reply-service.js';
import { recordInbound } from './record-insights.js';
import { compactInboundResult, expandInboundResult } from './compact-inbound-result.js';
import { StoreUnavailableError } from '../store/store-errors.js';

const PENDING_POLL_MS = 25;
/** Message keys kept in the conversation state for crash-retried deliveries. */
const APPLIED_KEPT = 5;
const PENDING_WAIT_MS = 4000;

export function messageKey(message: InboundBody['message'], at: number): string {
  if (message.msgId) return `msg:${message.msgId}`;
  return `evt:${message.from}|${at}|${message.type === 'event' ? (message.event ?? '') : message.type}`;
}

export async function handleInbound(
  store: Store,
  cache: CompiledSource,
  body: InboundBody,
  now: number,
): Promise<InboundResult> {
  const account = body.account ?? 'default';
  const message = body.message;
  const at = toEpochMs(message.at, now);
  const user = body.user ?? message.user;
  const key = messageKey(message, at);
  const compiled = await cache.get(account);
  const input = { message, user, now: at, seedKey: key };
  if (body.dryRun) {
    const state = await readConversation(store, account, message.from);
    return (await processInbound(compiled, state, input)).result;
  }
  const deadline = Date.now() + PENDING_WAIT_MS;
  // Read in the claim's turn, so both share one commit; a read the claim makes useless is dropped.
  const first = loadConversation(store, account, message.from, key);
  first.catch(() => undefined);
  // The turn the insights update last, read here too (a stale one only makes its update read again).
  const latestTurn = store.turns.latest(account, message.from);
  latestTurn.catch(() => undefined);
  for (;;) {
    const claim = await store.inbound.claim(account, key);
    if (claim.status === 'done') return { ...expandInboundResult(claim.body), duplicate: true };
    if (claim.status === 'claimed') break;
    // Another delivery of this message is being processed: wait for its answer.
    if (Date.now() > deadline)
      throw new StoreUnavailableError('the first delivery of this message is still being processed');
    await new Promise((r) => setTimeout(r, PENDING_POLL_MS));
  }
  try {
    const result = await updateConversation(
      store,
      account,
      message.from,
      async (state) => {
        if (state.applied.includes(key)) {
          // Applied by an attempt that died before completing: its result was staged first.
          const staged = await store.inbound.staged(account, key);
          if (staged !== undefined) return { next: state, result: expandInboundResult(staged) };
        }
        const { next, result: fresh } = await processInbound(compiled, state, input);
        // Staged before the state that applies it is written, so a retry always finds it.
        const before = store.inbound.stage(account, key, compactInboundResult(fresh), {
          from: message.from,
          message,
          at: new Date(at),
        });
        return {
          next: { ...next, applied: [...next.applied.filter((k) => k !== key).slice(-(APPLIED_KEPT - 1)), key] },
          result: fresh,
          before,
        };
      },
      { key, nickname: user?.nickname ?? null },
      first,
    );
    // Independent writes, issued in one turn so the store can commit them together.
    await Promise.all([
      store.inbound.complete(account, key),
      ...result.replies.filter((x) => x.committed).map((r) => appendReplyLog(store, account, message.from, at, r)),
      recordInbound(store, compiled, account, message, user, at, result, latestTurn),
    ]);
    return result;
  } catch (err) {
    await store.inbound.release(account, key).catch(() => undefined);
    throw err;
  }
}
