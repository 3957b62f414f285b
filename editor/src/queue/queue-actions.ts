/**
 * The agent queue's talks with the API: the awaiting users page by page, whether replies can go
 * out through WeChat, and committing an agent's reply.
 */
import i18n from 'i18next';
import { ApiError } from '../api/api-error.js';
import { conversationsApi, type AgentReply, type AwaitingUser, type SendResult } from '../api/conversations-api.js';
import type { ReplyStepResult } from '../api/sandbox-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';

const store = () => useEditorStore.getState();
/** The server's default page; also the least a refresh asks for. */
const PAGE = 50;
/** The most the server answers in one page. */
const MAX_PAGE = 200;
let loadSeq = 0;

/**
 * Reads the queue from the start again. As many rows as are loaded are asked for (up to the
 * server's page limit), so a refresh does not drop what 「加载更多」 brought in.
 */
export async function loadQueue(): Promise<void> {
  const mine = ++loadSeq;
  store().setQueueLoading(true);
  try {
    const page = await conversationsApi.awaiting(null, Math.min(MAX_PAGE, Math.max(PAGE, store().queue.length)));
    if (mine === loadSeq) store().setQueuePage(page, false);
  } catch (err) {
    if (mine === loadSeq) failed(err);
  }
}

/** Appends the next page (the server's `next` cursor). */
export async function loadMoreQueue(): Promise<void> {
  const cursor = store().queueNext;
  if (!cursor) return;
  const mine = ++loadSeq;
  store().setQueueLoading(true);
  try {
    const page = await conversationsApi.awaiting(cursor);
    if (mine === loadSeq) store().setQueuePage(page, true);
  } catch (err) {
    if (mine === loadSeq) failed(err);
  }
}

/** Sends when the account is connected to WeChat (an app id and secret set), else records. */
export async function detectReplyMode(): Promise<void> {
  try {
    const account = await conversationsApi.account();
    store().setReplyMode(account.appId && account.hasAppSecret ? 'send' : 'record');
  } catch (err) {
    // 404: no account was ever set up. Otherwise (a role that may not read accounts) sending finds out.
    store().setReplyMode(err instanceof ApiError && err.status === 404 ? 'record' : 'unknown');
  }
}

/**
 * Commits the agent's reply: through `/replies/send`, or through `/replies/check` with
 * `commit:true` when no account is connected. Committed: the user leaves the queue (the queue is
 * read again). Returns the verdict to show, or null when the call itself failed (told in a notice).
 */
export async function submitReply(
  user: AwaitingUser,
  text: string,
  agent: string,
): Promise<ReplyStepResult | SendResult | null> {
  const mode = store().replyMode;
  const name = user.nickname ?? user.openid;
  const body: AgentReply = {
    to: user.openid,
    reply: { type: 'text', content: text },
    agent,
    ...(user.nickname ? { user: { nickname: user.nickname } } : {}),
  };
  try {
    const result = mode === 'record' ? await conversationsApi.record(body) : await conversationsApi.send(body);
    if (result.committed) {
      store().notify('success', i18n.t(mode === 'record' ? 'queue.recorded' : 'queue.sent', { name }));
      store().setQueueDraft(user.openid, '');
      store().selectQueueUser(null);
      await loadQueue();
    }
    return result;
  } catch (err) {
    if (mode !== 'record' && cannotSend(err)) {
      // Nothing was checked or committed: the agent chooses to record instead.
      store().setReplyMode('record');
      store().notify('info', i18n.t('queue.notConnected'));
      return null;
    }
    store().notify('error', describeApiError(err, i18n.t));
    return null;
  }
}

/** `/replies/send` refuses an account without WeChat credentials before any check (CONTRACT §11). */
function cannotSend(err: unknown): boolean {
  return err instanceof ApiError && err.status === 400 && err.details.some((d) => d.path === '/account');
}

function failed(err: unknown): void {
  store().setQueueLoading(false);
  store().notify('error', describeApiError(err, i18n.t));
}
