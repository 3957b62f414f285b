/**
 * Read–compute–compare-and-set on one user's conversation state. Correctness across
 * runtime instances comes from the store's conditional update, not from a local lock:
 * a losing writer re-reads and recomputes from the winner's state.
 */
import type { Store } from '../store/open-store.js';
import { reviveConversation, type ConversationState } from '../core/window/conversation-state.js';
import { StoreUnavailableError } from '../store/store-errors.js';

const MAX_ATTEMPTS = 100;

export async function readConversation(store: Store, account: string, openid: string): Promise<ConversationState> {
  const current = await store.conversations.get(account, openid);
  return reviveConversation(current?.state);
}

export async function updateConversation<T>(
  store: Store,
  account: string,
  openid: string,
  step: (state: ConversationState) => Promise<{ next: ConversationState; result: T }>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = await store.conversations.get(account, openid);
    const state = reviveConversation(current?.state);
    const { next, result } = await step(state);
    if (next === state) return result; // nothing to record (a blocked reply)
    if (await store.conversations.put(account, openid, next, current ? current.v : null)) return result;
    // Back off a little, with jitter, so colliding writers spread out.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
  }
  throw new StoreUnavailableError('too much contention on one conversation');
}
