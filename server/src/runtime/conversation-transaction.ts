/**
 * Read–compute–compare-and-set on one user's conversation state. Correctness across
 * runtime instances comes from the store's conditional update, not from a local lock:
 * a losing writer re-reads and recomputes from the winner's state.
 *
 * The engine sees one `ConversationState`; the store keeps it in two places. The tags and
 * topic counters live in the user's profile (profile-repository.ts), which outlives the
 * conversation state; the rest is the conversation state, which expires once the user's
 * grants closed long ago. A message's profile change is recorded under its key before the
 * state that applies it is written, so a retry or a lost race never counts it twice.
 */
import type { Store } from '../store/open-store.js';
import type { ConversationRecord } from '../store/conversation-repository.js';
import type { Profile, ProfileBasis } from '../store/profile-repository.js';
import { reviveConversation, type ConversationState } from '../core/window/conversation-state.js';
import { StoreUnavailableError } from '../store/store-errors.js';

const MAX_ATTEMPTS = 100;

/** The message a transaction applies: its key, and the nickname it came with. */
export interface AppliedMessage {
  key: string;
  nickname: string | null;
}

/** One read of a user's state, and what a compare-and-set of it starts from. */
export interface LoadedConversation {
  current: ConversationRecord | null;
  state: ConversationState;
  profile: ProfileBasis;
}

export async function readConversation(store: Store, account: string, openid: string): Promise<ConversationState> {
  return (await loadConversation(store, account, openid)).state;
}

/**
 * The stored conversation state with the profile's tags and counters (`without`: see
 * `ProfileRepository.get`). Called in the same event-loop turn as another write, its reads share
 * that write's commit; handed to `updateConversation` as `first`, it saves that transaction a read.
 */
export async function loadConversation(
  store: Store,
  account: string,
  openid: string,
  without?: string,
): Promise<LoadedConversation> {
  const [current, profile] = await Promise.all([
    store.conversations.get(account, openid),
    store.profiles.read(account, openid, without),
  ]);
  const stored = reviveConversation(current?.state);
  const facts = profile.profile ?? (await adoptEarlier(store, account, openid, stored));
  return {
    current,
    state: { ...stored, tags: facts.tags, topics: facts.topics, preferences: facts.preferences },
    profile: profile.basis,
  };
}

/**
 * What a step decided; `before`: a write of its own (already issued) that must land before the
 * new state is written, as the profile change does.
 */
export interface StepOutcome<T> {
  next: ConversationState;
  result: T;
  before?: Promise<void>;
}

/**
 * `message`: required when the step may change tags or topic counters (an inbound message).
 * `first`: a `loadConversation(…, message.key)` already under way, used by the first attempt (if
 * it is stale, the compare-and-set fails and the next attempt reads again).
 */
export async function updateConversation<T>(
  store: Store,
  account: string,
  openid: string,
  step: (state: ConversationState) => Promise<StepOutcome<T>>,
  message?: AppliedMessage,
  first?: Promise<LoadedConversation>,
): Promise<T> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { current, state, profile } = await (attempt === 0 && first
      ? first
      : loadConversation(store, account, openid, message?.key));
    const { next, result, before } = await step(state);
    if (next === state) return result; // nothing to record (a blocked reply)
    const change = {
      tags: next.tags.filter((t) => !state.tags.includes(t)),
      topics: topicHits(state.topics, next.topics),
      preferences: changedPreferences(state.preferences, next.preferences),
    };
    // Both land before the state that applies them; independent, so issued together (one commit).
    const prior: Array<Promise<void>> = before ? [before] : [];
    if (change.tags.length > 0 || change.topics.length > 0 || Object.keys(change.preferences).length > 0) {
      if (!message) throw new Error('a conversation step changed the profile without a message to record it under');
      prior.push(
        store.profiles.record(
          account,
          openid,
          message.key,
          { ...change, nickname: message.nickname },
          new Date(),
          profile,
        ),
      );
    }
    await Promise.all(prior);
    const { tags: _tags, topics: _topics, preferences: _preferences, ...conversation } = next;
    if (await store.conversations.put(account, openid, conversation, current ? current.v : null, openFor(next)))
      return result;
    // Back off a little, with jitter, so colliding writers spread out.
    await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 ** attempt)));
  }
  throw new StoreUnavailableError('too much contention on one conversation');
}

/**
 * A state written by an earlier version held the tags and counters itself: they become the
 * user's profile on first read (the next write of the state drops its copy).
 */
async function adoptEarlier(
  store: Store,
  account: string,
  openid: string,
  stored: ConversationState,
): Promise<Pick<Profile, 'tags' | 'topics' | 'preferences'>> {
  if (stored.tags.length === 0 && Object.keys(stored.topics).length === 0)
    return { tags: [], topics: {}, preferences: {} };
  return store.profiles.adopt(account, openid, { tags: stored.tags, topics: stored.topics }, new Date());
}

/** The keyword groups whose counter the step raised (one hit each per message). */
function topicHits(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(after).filter((g) => (after[g] ?? 0) > (before[g] ?? 0));
}

/** The preferences the step set to a new value. */
function changedPreferences(before: Record<string, string>, after: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(after).filter(([k, v]) => before[k] !== v));
}

/** How long the user's latest grant runs: the state must outlive it (then the retention starts). */
function openFor(state: ConversationState): number {
  const latest = state.grants.reduce<ConversationState['grants'][number] | undefined>(
    (a, g) => (a && a.expiresAt >= g.expiresAt ? a : g),
    undefined,
  );
  return latest ? latest.expiresAt - latest.openedAt : 0;
}
