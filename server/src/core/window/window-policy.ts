/**
 * The interaction window of CONTRACT §6: which interactions give a grant, how a reply
 * spends one, and the window object clients see. Pure: `now` is always passed in.
 */
import type { InboundMessage, WindowView } from '../../../../rules-schema/index.js';
import type { ResolvedPolicy } from '../policy/resolve-policy.js';
import type { ConversationState, Grant, GrantKind } from './conversation-state.js';
import { isoInstant } from './iso-instant.js';

export type { WindowState, WindowView } from '../../../../rules-schema/index.js';

const MENU_CLICK_EVENTS = new Set(['CLICK', 'scancode_push', 'scancode_waitmsg']);
const HOUR_MS = 3_600_000;

/** The grant an inbound message gives, or null for VIEW, LOCATION, unsubscribe, "联系客服" clicks … */
export function grantKindOf(message: InboundMessage, policy: ResolvedPolicy): GrantKind | null {
  if (message.type !== 'event') return 'message';
  const event = message.event ?? '';
  if (event === 'subscribe') return 'subscribe';
  if (event === 'SCAN') return 'scan';
  if (MENU_CLICK_EVENTS.has(event)) {
    const key = message.eventKey ?? '';
    return policy.window.nonOpeningEventKeys.includes(key) ? null : 'menuClick';
  }
  return null;
}

/**
 * Records an inbound interaction: a new grant replaces the earlier one of its kind (full
 * count, full time) and resets the etiquette counter; unsubscribe voids every grant.
 */
export function applyInteraction(
  state: ConversationState,
  message: InboundMessage,
  policy: ResolvedPolicy,
  now: number,
): ConversationState {
  if (message.type === 'event' && message.event === 'unsubscribe') {
    return { ...state, grants: [], unsubscribedAt: now };
  }
  const kind = grantKindOf(message, policy);
  if (kind === null) return state;
  const setting = policy.window[kind];
  const grant: Grant = {
    kind,
    openedAt: now,
    expiresAt: now + setting.minutes * 60_000,
    quota: setting.quota,
    used: 0,
  };
  return {
    ...state,
    grants: [...state.grants.filter((g) => g.kind !== kind), grant],
    lastInteractionAt: now,
    repliesSinceInteraction: 0,
  };
}

function validByTime(g: Grant, now: number): boolean {
  return now < g.expiresAt;
}

function usable(g: Grant, now: number): boolean {
  return validByTime(g, now) && g.used < g.quota;
}

/** The grant a reply sent now would spend: among usable grants, the one that expires first. */
export function grantToSpend(state: ConversationState, now: number): Grant | undefined {
  let best: Grant | undefined;
  for (const g of state.grants) {
    if (usable(g, now) && (best === undefined || g.expiresAt < best.expiresAt)) best = g;
  }
  return best;
}

/** Spends one message of the grant that expires first. */
export function spendGrant(state: ConversationState, now: number): ConversationState {
  const target = grantToSpend(state, now);
  if (!target) return state;
  return { ...state, grants: state.grants.map((g) => (g === target ? { ...g, used: g.used + 1 } : g)) };
}

/**
 * The platform is the authority on its own quota: when it refuses a send, the state follows.
 * 45047 (out of response count) exhausts the grant a reply would have spent; 45015 (out of
 * time limit or unsubscribed) ends every grant now. Other refusals change nothing.
 */
export function applyPlatformRefusal(state: ConversationState, errcode: number, now: number): ConversationState {
  if (errcode === 45047) {
    const target = grantToSpend(state, now);
    if (!target) return state;
    return { ...state, grants: state.grants.map((g) => (g === target ? { ...g, used: g.quota } : g)) };
  }
  if (errcode === 45015)
    return { ...state, grants: state.grants.map((g) => ({ ...g, expiresAt: Math.min(g.expiresAt, now) })) };
  return state;
}

export function isUnsubscribed(state: ConversationState): boolean {
  return (
    state.unsubscribedAt !== null &&
    (state.lastInteractionAt === null || state.unsubscribedAt >= state.lastInteractionAt)
  );
}

/**
 * Margin applies only to grants of an hour or longer: delivery can lag by minutes, which
 * matters at 47:59 of a 48 h grant but not for a one-minute click grant.
 */
function inMargin(g: Grant, now: number, marginMs: number): boolean {
  return g.expiresAt - g.openedAt >= HOUR_MS && g.expiresAt - now <= marginMs;
}

export function windowOf(state: ConversationState, policy: ResolvedPolicy, now: number): WindowView {
  const iso = (ms: number | undefined) => (ms === undefined ? null : isoInstant(ms));
  const empty = { openedAt: null, expiresAt: null, remainingSeconds: 0, quota: { left: 0, expiresAt: null } };
  if (isUnsubscribed(state)) return { state: 'unsubscribed', ...empty };
  if (state.lastInteractionAt === null) return { state: 'none', ...empty };
  const timely = state.grants.filter((g) => validByTime(g, now));
  const usableGrants = timely.filter((g) => g.used < g.quota);
  const shown = usableGrants.length > 0 ? usableGrants : timely;
  if (shown.length === 0) {
    const last = Math.max(...state.grants.map((g) => g.expiresAt), state.lastInteractionAt);
    return { state: 'expired', ...empty, expiresAt: iso(last) };
  }
  const expiresAt = Math.max(...shown.map((g) => g.expiresAt));
  const openedAt = Math.min(...timely.map((g) => g.openedAt));
  const next = grantToSpend(state, now);
  const marginMs = policy.window.marginMinutes * 60_000;
  const closing = usableGrants.length > 0 && usableGrants.every((g) => inMargin(g, now, marginMs));
  return {
    state: closing ? 'closing' : 'open',
    openedAt: iso(openedAt),
    expiresAt: iso(expiresAt),
    remainingSeconds: Math.max(0, Math.floor((expiresAt - now) / 1000)),
    quota: { left: usableGrants.reduce((n, g) => n + g.quota - g.used, 0), expiresAt: iso(next?.expiresAt) },
  };
}

/** Start of the current window, for counting promotions "in the window". */
export function windowStart(state: ConversationState, now: number): number | null {
  const timely = state.grants.filter((g) => validByTime(g, now));
  return timely.length === 0 ? null : Math.min(...timely.map((g) => g.openedAt));
}
