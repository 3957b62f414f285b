/** A send's reservation gives back exactly its own commit (issue 9, item 5). */
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { emptyConversation, type ConversationState } from '../../server/src/core/window/conversation-state.js';
import { applyInteraction } from '../../server/src/core/window/window-policy.js';
import { recordCommit } from '../../server/src/core/checks/conversation-checks.js';
import {
  confirmReservation,
  releaseReservation,
  reserveReply,
} from '../../server/src/core/window/reply-reservation.js';

const policy = resolvePolicy(undefined);
const T = Date.parse('2026-11-24T10:00:00+08:00');
const message = { from: 'u', type: 'text' as const, content: '你好' };
const opened = () => applyInteraction(emptyConversation(), message, policy, T);

function reserve(state: ConversationState, id: string, fp: string, at: number, promotional = false) {
  return reserveReply(state, recordCommit(state, fp, promotional, policy, at), { id, at, fp, promotional });
}

describe('reply reservations', () => {
  it('releasing the only reservation restores the state it was made on', () => {
    const before = opened();
    const reserved = reserve(before, 'r1', 'fp-a', T + 1000, true);
    expect(reserved.repliesSinceInteraction).toBe(1);
    expect(reserved.grants[0]?.used).toBe(1);
    expect(releaseReservation(reserved, 'r1')).toEqual(before);
  });

  it('releases one reservation among several, keeping the others and later commits', () => {
    const a = reserve(opened(), 'r1', 'fp-a', T + 1000);
    const b = reserve(a, 'r2', 'fp-b', T + 2000);
    const released = releaseReservation(b, 'r1');
    expect(released.repliesSinceInteraction).toBe(1);
    expect(released.grants[0]?.used).toBe(1);
    expect(released.recentReplies.map((r) => r.fp)).toEqual(['fp-b']);
    expect(released.reservations.map((r) => r.id)).toEqual(['r2']);
  });

  it('a grant and counter renewed by a later interaction are left alone', () => {
    const reserved = reserve(opened(), 'r1', 'fp-a', T + 1000);
    const renewed = applyInteraction(reserved, message, policy, T + 5000);
    const released = releaseReservation(renewed, 'r1');
    expect(released.repliesSinceInteraction).toBe(0);
    expect(released.grants).toEqual(renewed.grants);
    expect(released.recentReplies).toEqual([]);
  });

  it('a confirmed reservation cannot be released any more; unknown ids change nothing', () => {
    const reserved = reserve(opened(), 'r1', 'fp-a', T + 1000);
    const confirmed = confirmReservation(reserved, 'r1');
    expect(confirmed.reservations).toEqual([]);
    expect(releaseReservation(confirmed, 'r1')).toBe(confirmed);
    expect(confirmReservation(confirmed, 'r1')).toBe(confirmed);
    expect(confirmed.repliesSinceInteraction).toBe(1);
  });
});
