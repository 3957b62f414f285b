import type { InboundMessage, QueueItem, Reply, ReplyCheckResult, UserProfile } from '../../../rules-schema/index.js';
import { apiRequest, ACCOUNT } from './api-request.js';

/**
 * One user waiting for an agent (CONTRACT §12). The schema leaves `lastMessages` open objects
 * (stored as they came); they are §5 messages.
 */
export type AwaitingUser = Pick<
  QueueItem,
  | 'openid'
  | 'nickname'
  | 'waitingSince'
  | 'window'
  | 'deadline'
  | 'handoff'
  | 'topics'
  | 'tags'
  | 'followUp'
  | 'preferences'
> & {
  lastMessages: InboundMessage[];
};

export interface AwaitingPage {
  items: AwaitingUser[];
  next: string | null;
}

/** A reply an agent commits: `agent` makes it count as human in the metrics. */
export interface AgentReply {
  to: string;
  reply: Reply;
  agent: string;
  /** Fills `{{nickname}}` in the reply. */
  user?: UserProfile;
}

/** What `/replies/send` answers: the `/replies/check` body, and whether WeChat took it (`sent`, `errcode`). */
export type SendResult = ReplyCheckResult;

/** The public view of a WeChat account (CONTRACT §10): secrets only as `has*` flags. */
export interface AccountView {
  id: string;
  appId?: string;
  hasAppSecret: boolean;
}

/** Typed calls to the agent queue and the reply routes (CONTRACT §8, §11, §12). */
export const conversationsApi = {
  awaiting: (cursor: string | null, limit?: number) =>
    apiRequest<AwaitingPage>('/conversations', {
      account: true,
      query: { state: 'awaiting', ...(cursor ? { cursor } : {}), ...(limit ? { limit } : {}) },
    }),
  /** Records the reply as sent without sending it (`commit:true`): for an account WeChat is not connected to. */
  record: (r: AgentReply) =>
    apiRequest<ReplyCheckResult>('/replies/check', { method: 'POST', body: { account: ACCOUNT, ...r, commit: true } }),
  send: (r: AgentReply) =>
    apiRequest<SendResult>('/replies/send', { method: 'POST', body: { account: ACCOUNT, ...r } }),
  account: () => apiRequest<AccountView>(`/accounts/${ACCOUNT}`),
};
