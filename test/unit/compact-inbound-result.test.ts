/** The inbound record's compact form of a result expands to exactly the result it was made from. */
import { describe, expect, it } from 'vitest';
import type { InboundResult } from '../../server/src/core/engine/process-inbound.js';
import { compactInboundResult, expandInboundResult } from '../../server/src/runtime/compact-inbound-result.js';

const window: InboundResult['window'] = {
  state: 'open',
  openedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: '2026-01-03T00:00:00.000Z',
  remainingSeconds: 172800,
  quota: { left: 4, expiresAt: '2026-01-03T00:00:00.000Z' },
} as InboundResult['window'];
const refund = { flowId: 'faq', nodeId: 'kg-refund', group: '退款', groupId: 'refund', keyword: '退钱' };
const ship = { flowId: 'faq', nodeId: 'kg-ship', group: '物流', groupId: 'ship', keyword: '快递' };

const answered: InboundResult = {
  duplicate: false,
  opensWindow: true,
  window,
  matches: [refund],
  groupMatches: [
    { ...refund, won: true },
    { ...ship, won: false },
  ],
  replies: [
    {
      reply: { type: 'text', content: '退款请…' },
      verdict: 'allow',
      reasons: [],
      committed: true,
      flowId: 'faq',
      nodeId: 'reply-refund',
    },
  ] as InboundResult['replies'],
  handoff: null,
  trace: ['trigger', 'kg-refund', 'reply-refund', 'ack'],
  path: [
    { flowId: 'faq', nodeId: 'trigger' },
    { flowId: 'faq', nodeId: 'kg-refund' },
    { flowId: 'faq', nodeId: 'reply-refund' },
    { flowId: 'fallback', nodeId: 'ack' },
  ],
  tags: ['问过退款'],
};

const nothing: InboundResult = {
  duplicate: false,
  opensWindow: false,
  window,
  matches: [],
  groupMatches: [],
  replies: [],
  handoff: null,
  trace: [],
  path: [],
  tags: [],
};

const roundTrip = (r: InboundResult) => expandInboundResult(JSON.parse(JSON.stringify(compactInboundResult(r))));

describe('compact inbound result', () => {
  it('expands to the same result, answered or not', () => {
    expect(roundTrip(answered)).toEqual(answered);
    expect(roundTrip(nothing)).toEqual(nothing);
  });

  it('a message that produced nothing keeps only its window', () => {
    expect(compactInboundResult(nothing)).toEqual({ compact: 1, opensWindow: false, window });
  });

  it('keeps trace and matches where they are not what the path and the winning groups say', () => {
    const odd = { ...answered, trace: ['other'], matches: [ship] };
    expect(compactInboundResult(odd)).toMatchObject({ trace: ['other'], matches: [ship] });
    expect(roundTrip(odd)).toEqual(odd);
  });

  it('a full result stored by an earlier version reads as it is', () => {
    expect(expandInboundResult(JSON.parse(JSON.stringify(answered)))).toEqual(answered);
  });
});
