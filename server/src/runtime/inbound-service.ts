/**
 * POST /inbound: idempotent by message key (WeChat retries a push three times), then one
 * conversation transaction that records the interaction, runs the flows and commits replies.
 */
import type { InboundBody } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { processInbound, type InboundResult } from '../core/engine/process-inbound.js';
import type { CompiledSource } from './workspace-cache.js';
import {
  loadConversation,
  readConversation,
  updateConversation,
  type LoadedConversation,
} from './conversation-transaction.js';
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
  const record = { from: message.from, message, at: new Date(at) };
  // Read at once, so the reads share one commit: whether a delivery of this message was seen, the
  // user's state and the turn the insights update last (a stale one only makes its update read again).
  const seen = store.inbound.seen(account, key);
  let first: Promise<LoadedConversation> | undefined = loadConversation(store, account, message.from, key);
  const latestTurn = store.turns.latest(account, message.from);
  for (const p of [seen, first, latestTurn]) p.catch(() => undefined);
  /** Whether this attempt holds the message's claim; `claiming`: its claim write, while under way. */
  let owned = false;
  let claiming: Promise<void> | undefined;
  /** Waits for another delivery's answer (a duplicate), or takes its claim over when its lease ran out. */
  const takeTurn = async (): Promise<InboundResult | null> => {
    const claim = await claimOrWait(store, account, key, deadline);
    if (claim.status === 'done') return { ...expandInboundResult(claim.body), duplicate: true };
    owned = true;
    first = undefined;
    return null;
  };
  try {
    if (await seen) {
      const duplicate = await takeTurn();
      if (duplicate) return duplicate;
    }
    for (;;) {
      try {
        const result = await updateConversation(
          store,
          account,
          message.from,
          async (state) => {
            if (owned && state.applied.includes(key)) {
              // Applied by an attempt that died before completing: its result was staged first.
              const staged = await store.inbound.staged(account, key);
              if (staged !== undefined) return { next: state, result: expandInboundResult(staged) };
            }
            const { next, result: fresh } = await processInbound(compiled, state, input);
            const body = compactInboundResult(fresh);
            // Staged before the state that applies it is written, so a retry always finds it; a
            // message not seen before is claimed by that same write.
            const before = owned
              ? store.inbound.stage(account, key, body, record)
              : (claiming = store.inbound.claimStaged(account, key, body, record).then((won) => {
                  if (!won) throw new ClaimTaken();
                  owned = true;
                }));
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
        if (!(err instanceof ClaimTaken)) throw err;
        // Another delivery of this message claimed it first.
        const duplicate = await takeTurn();
        if (duplicate) return duplicate;
      }
    }
  } catch (err) {
    // A claim write still under way decides whether there is a claim to give up.
    await claiming?.catch(() => undefined);
    if (owned) await store.inbound.release(account, key).catch(() => undefined);
    throw err;
  }
}

/** Another delivery of the message holds its claim. */
class ClaimTaken extends Error {}

/** The claim of a message another delivery recorded: its answer once done, or the claim once its lease ran out. */
async function claimOrWait(
  store: Store,
  account: string,
  key: string,
  deadline: number,
): Promise<{ status: 'claimed' } | { status: 'done'; body: unknown }> {
  for (;;) {
    const claim = await store.inbound.claim(account, key);
    if (claim.status !== 'pending') return claim;
    if (Date.now() > deadline)
      throw new StoreUnavailableError('the first delivery of this message is still being processed');
    await new Promise((r) => setTimeout(r, PENDING_POLL_MS));
  }
}
