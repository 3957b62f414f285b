/**
 * When WeChat refuses a customer-service send with 45015 or 45047, the conversation state
 * takes the platform's word, so the next check blocks before another call is wasted.
 */
import type { Store } from '../store/open-store.js';
import { applyPlatformRefusal } from '../core/window/window-policy.js';
import { updateConversation } from '../runtime/conversation-transaction.js';

export const STATE_CHANGING_ERRCODES = new Set([45015, 45047]);

export async function recordPlatformRefusal(
  store: Store,
  account: string,
  openid: string,
  errcode: number | null,
  now: number,
): Promise<void> {
  if (errcode === null || !STATE_CHANGING_ERRCODES.has(errcode)) return;
  await updateConversation(store, account, openid, async (state) => ({
    next: applyPlatformRefusal(state, errcode, now),
    result: undefined,
  }));
}
