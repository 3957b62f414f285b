/**
 * GET /conversations?state=awaiting (CONTRACT §12): the agent queue. Users whose latest turn
 * waits (unanswered, or handed off with no human reply yet) while its grant still runs,
 * soonest deadline first: one range read on the turns' queue key, then per listed user their
 * window and last messages.
 */
import type { ConversationQueue, QueueItem } from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { deadlineKey } from '../store/turn-repository.js';
import { readConversation } from './conversation-transaction.js';
import { countersOf } from '../core/engine/check-reply.js';
import { windowOf } from '../core/window/window-policy.js';
import type { CompiledSource } from './workspace-cache.js';

/** Messages shown per user: enough to answer without opening the history. */
const LAST_MESSAGES = 5;

export interface QueueRequest {
  account: string;
  limit: number;
  /** The queue key after which the page starts (decoded `next`), or null for the first page. */
  after: string | null;
}

/**
 * `now` (server time) drops users whose window has closed: their keys sort at or before it.
 * @example await listAwaiting(store, cache, {account:'default', limit:50, after:null}, Date.now())
 * // {items:[{openid:'oU1', deadline:'…', handoff:false, …}], next:'MDAxNzk…'}
 */
export async function listAwaiting(
  store: Store,
  cache: CompiledSource,
  req: QueueRequest,
  now: number,
): Promise<ConversationQueue> {
  // `|` sorts after every digit: keys of deadlines at or before `now` fall below this bound.
  const open = `${deadlineKey(now)}|~`;
  const after = req.after !== null && req.after > open ? req.after : open;
  const rows = await store.turns.queue(req.account, after, req.limit + 1);
  const page = rows.slice(0, req.limit);
  const compiled = await cache.get(req.account);
  const followUp = compiled.policy.queue.followUpPrompt;
  const items = await Promise.all(
    page.map(async (turn): Promise<QueueItem> => {
      const [state, lastMessages] = await Promise.all([
        readConversation(store, req.account, turn.openid),
        store.events.lastMessages(req.account, turn.openid, LAST_MESSAGES),
      ]);
      // A turn an auto reply answered has waited for a human since the hand-off or the promise of one.
      const since =
        turn.firstResponseMs !== null ? (turn.handoffAt ?? turn.promisedAt ?? turn.startedAt) : turn.startedAt;
      return {
        openid: turn.openid,
        nickname: turn.nickname,
        waitingSince: new Date(since).toISOString(),
        // Stored as received after validation (§5 shapes).
        lastMessages: lastMessages as QueueItem['lastMessages'],
        window: { ...windowOf(state, compiled.policy, now), counters: countersOf(state, compiled) },
        deadline: new Date(turn.deadline).toISOString(),
        handoff: turn.handoffAt !== null,
        topics: turn.topics,
        tags: [...new Set([...turn.tags, ...state.tags])],
        preferences: state.preferences,
        followUp: followUp && {
          text: followUp.text,
          from: new Date(turn.deadline - followUp.withinMinutes * 60_000).toISOString(),
        },
      };
    }),
  );
  const last = page.at(-1);
  return { items, next: rows.length > req.limit && last ? encodeCursor(last.queueKey) : null };
}

/** The cursor is the last item's queue key, opaque to clients. */
export function encodeCursor(queueKey: string): string {
  return Buffer.from(queueKey, 'utf8').toString('base64url');
}

/** The queue key of a cursor, or null when it is not one this service wrote. */
export function decodeCursor(cursor: string): string | null {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9]{15}\|[0-9a-f-]{36}$/.test(key) ? key : null;
}
