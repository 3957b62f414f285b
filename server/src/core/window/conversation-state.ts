/**
 * What the runtime remembers about one user of one account. Owned by the pure engine,
 * stored opaque by the conversation repository and replaced with compare-and-set.
 */
export type GrantKind = 'message' | 'menuClick' | 'subscribe' | 'scan';

export interface Grant {
  kind: GrantKind;
  openedAt: number;
  expiresAt: number;
  quota: number;
  used: number;
}

export interface ConversationState {
  grants: Grant[];
  /** Last interaction that gave a grant (epoch ms). */
  lastInteractionAt: number | null;
  unsubscribedAt: number | null;
  repliesSinceInteraction: number;
  /** Fingerprints of committed replies, newest last, pruned by the duplicates window. */
  recentReplies: Array<{ fp: string; at: number }>;
  /** Commit times of promotional replies, pruned to the current window. */
  promotions: number[];
  /**
   * Tags and keyword-group hits per group id (the "topic counters" a condition can test): the
   * user's profile, which the runtime stores apart from the rest so the rest can expire.
   */
  tags: string[];
  topics: Record<string, number>;
  /** What `recordPreference` nodes remembered, key → value: also part of the profile. */
  preferences: Record<string, string>;
  /**
   * Keys of the last few inbound messages applied, written in the same compare-and-set as their
   * effects: a delivery retried after a crash (before the inbound log recorded the answer) is
   * not applied twice, and gets the result staged on its inbound record. Keys only, so the state
   * stays small; results live with the inbound record, which expires.
   */
  applied: string[];
  /**
   * Replies committed by /replies/send whose delivery is still under way: what the commit
   * changed, so a refused or failed send can give back exactly its own slot.
   */
  reservations: Reservation[];
}

export interface Reservation {
  id: string;
  /** The commit instant: the fingerprint and promotion entries the commit wrote carry it. */
  at: number;
  fp: string;
  promotional: boolean;
  /** The grant the commit spent, by identity (a new interaction replaces it with a new one). */
  grant: { kind: GrantKind; openedAt: number } | null;
  /** The interaction whose etiquette counter the commit raised. */
  interactionAt: number | null;
}

export function emptyConversation(): ConversationState {
  return {
    grants: [],
    lastInteractionAt: null,
    unsubscribedAt: null,
    repliesSinceInteraction: 0,
    recentReplies: [],
    promotions: [],
    tags: [],
    topics: {},
    preferences: {},
    applied: [],
    reservations: [],
  };
}

/** Reads a stored state, tolerating documents written before a field existed. */
export function reviveConversation(stored: unknown): ConversationState {
  const base = emptyConversation();
  if (stored === null || typeof stored !== 'object') return base;
  const revived = { ...base, ...(stored as Partial<ConversationState>) };
  // States written before keys-only held `{key, result}` entries.
  const applied: unknown[] = Array.isArray(revived.applied) ? revived.applied : [];
  return {
    ...revived,
    applied: applied.map((a) => (typeof a === 'object' && a !== null && 'key' in a ? String(a.key) : String(a))),
  };
}
