/**
 * A send commits its reply before it reaches WeChat (a reservation), so concurrent commits on
 * any instance see the slot as taken; a refused or failed send then gives back exactly what its
 * own commit changed, and nothing a later commit or interaction changed.
 */
import type { ConversationState, Reservation } from './conversation-state.js';
import { grantToSpend } from './window-policy.js';

/**
 * Sends in flight for one user each hold a quota slot, so a handful at most; a reservation
 * pushed out by a crash-orphaned pile only loses its release (the slot stays spent: the safe side).
 */
const RESERVATIONS_KEPT = 50;

/**
 * Marks a commit as a reservation. `before` is the state the reply was judged on and
 * `committed` the state after the commit, both at instant `at`.
 * @example reserveReply(state, commitJudged(compiled, state, j, at), { id, at, fp: j.fingerprint, promotional: j.promotional })
 */
export function reserveReply(
  before: ConversationState,
  committed: ConversationState,
  r: { id: string; at: number; fp: string; promotional: boolean },
): ConversationState {
  const spent = grantToSpend(before, r.at);
  const reservation: Reservation = {
    ...r,
    grant: spent ? { kind: spent.kind, openedAt: spent.openedAt } : null,
    interactionAt: before.lastInteractionAt,
  };
  return { ...committed, reservations: [...committed.reservations, reservation].slice(-RESERVATIONS_KEPT) };
}

/** The send went out: the commit stands, only the bookkeeping goes. */
export function confirmReservation(state: ConversationState, id: string): ConversationState {
  if (!state.reservations.some((r) => r.id === id)) return state;
  return { ...state, reservations: state.reservations.filter((r) => r.id !== id) };
}

/**
 * The send did not go out: undoes that reservation's commit. A counter or grant that a newer
 * interaction has since replaced is left alone, as the new one never counted this reply.
 */
export function releaseReservation(state: ConversationState, id: string): ConversationState {
  const r = state.reservations.find((x) => x.id === id);
  if (!r) return state;
  const { grant } = r;
  return {
    ...state,
    reservations: state.reservations.filter((x) => x !== r),
    repliesSinceInteraction:
      state.lastInteractionAt === r.interactionAt
        ? Math.max(0, state.repliesSinceInteraction - 1)
        : state.repliesSinceInteraction,
    recentReplies: withoutFirst(state.recentReplies, (e) => e.fp === r.fp && e.at === r.at),
    promotions: r.promotional ? withoutFirst(state.promotions, (at) => at === r.at) : state.promotions,
    grants: grant
      ? state.grants.map((g) =>
          g.kind === grant.kind && g.openedAt === grant.openedAt && g.used > 0 ? { ...g, used: g.used - 1 } : g,
        )
      : state.grants,
  };
}

function withoutFirst<T>(items: readonly T[], match: (item: T) => boolean): T[] {
  const i = items.findIndex(match);
  return i === -1 ? [...items] : [...items.slice(0, i), ...items.slice(i + 1)];
}
