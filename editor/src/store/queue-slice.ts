import type { StateCreator } from 'zustand';
import type { AwaitingPage, AwaitingUser } from '../api/conversations-api.js';
import type { EditorState } from './editor-store.js';
import { safeStorage } from './session-slice.js';

/** Where the agent's name lives between visits. */
export const AGENT_KEY = 'replyflow.agent';

/**
 * How 「发送」 works: `send` delivers through WeChat (an account is connected); `record` only
 * records the reply as sent (no account connected); `unknown` until the account could be read
 * (a role that may not read it tries to send, and falls back to `record` when the server says
 * the account cannot send).
 */
export type ReplyMode = 'send' | 'record' | 'unknown';

export interface QueueSlice {
  /** The awaiting users, in the server's order (soonest deadline first). */
  queue: AwaitingUser[];
  queueNext: string | null;
  queueLoading: boolean;
  /** False until the first page arrived (the empty state waits for it). */
  queueLoaded: boolean;
  queueSelected: string | null;
  /** What the agent has typed to each user, kept while they look at another one. */
  queueDrafts: Record<string, string>;
  agentName: string;
  replyMode: ReplyMode;
  setQueuePage: (page: AwaitingPage, append: boolean) => void;
  setQueueLoading: (loading: boolean) => void;
  selectQueueUser: (openid: string | null) => void;
  setQueueDraft: (openid: string, text: string) => void;
  setAgentName: (name: string) => void;
  setReplyMode: (mode: ReplyMode) => void;
}

/** The agent queue view: the users waiting for a reply, the one being answered, the agent's name. */
export const createQueueSlice: StateCreator<EditorState, [], [], QueueSlice> = (set) => ({
  queue: [],
  queueNext: null,
  queueLoading: false,
  queueLoaded: false,
  queueSelected: null,
  queueDrafts: {},
  agentName: safeStorage()?.getItem(AGENT_KEY) ?? '',
  replyMode: 'unknown',
  setQueuePage: (page, append) =>
    set((s) => {
      const queue = append ? [...s.queue, ...page.items] : page.items;
      // A user who left the queue (answered elsewhere, window closed) is no longer selected.
      const selected =
        s.queueSelected !== null && queue.some((u) => u.openid === s.queueSelected) ? s.queueSelected : null;
      return { queue, queueNext: page.next, queueLoaded: true, queueLoading: false, queueSelected: selected };
    }),
  setQueueLoading: (queueLoading) => set({ queueLoading }),
  selectQueueUser: (queueSelected) => set({ queueSelected }),
  setQueueDraft: (openid, text) => set((s) => ({ queueDrafts: { ...s.queueDrafts, [openid]: text } })),
  setAgentName: (agentName) => {
    safeStorage()?.setItem(AGENT_KEY, agentName);
    set({ agentName });
  },
  setReplyMode: (replyMode) => set({ replyMode }),
});
