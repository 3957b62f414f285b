/** What 对比 marks 「不同」: a step's replies, verdicts or matched groups differing between drafts and live. */
import { describe, expect, it } from 'vitest';
import type { StepReport, Verdict } from '../../editor/src/api/sandbox-api.js';
import { stepDifferences } from '../../editor/src/sandbox/step-differences.js';

const WINDOW = {
  state: 'open' as const,
  openedAt: null,
  expiresAt: null,
  remainingSeconds: 172_800,
  quota: { left: 5, expiresAt: null },
};
const inbound = (replies: Array<[string, Verdict]>, groups: string[]): StepReport => ({
  index: 0,
  at: '2026-01-05T01:00:00.000Z',
  kind: 'inbound',
  expect: { passed: true, failures: [] },
  result: {
    duplicate: false,
    opensWindow: true,
    window: WINDOW,
    matches: groups.map((group) => ({ flowId: 'f', nodeId: 'k', group, groupId: group, keyword: group })),
    groupMatches: groups.map((group) => ({
      flowId: 'f',
      nodeId: 'k',
      group,
      groupId: group,
      keyword: group,
      won: true,
    })),
    replies: replies.map(([content, verdict]) => ({
      reply: { type: 'text', content },
      verdict,
      reasons: [],
      committed: verdict !== 'block',
      flowId: 'f',
      nodeId: 'r',
    })),
    handoff: null,
    trace: [],
    path: [],
  },
});
const agentReply = (verdict: Verdict): StepReport => ({
  index: 1,
  at: '2026-01-05T01:00:00.000Z',
  kind: 'reply',
  expect: { passed: true, failures: [] },
  result: {
    verdict,
    reasons: [],
    window: WINDOW,
    counters: { repliesSinceInteraction: 1, maxRepliesPerInteraction: 3 },
    committed: verdict !== 'block',
  },
});

describe('stepDifferences', () => {
  it('finds nothing when both runs agree, or when one has not run', () => {
    expect(stepDifferences(inbound([['好的', 'allow']], ['退款']), inbound([['好的', 'allow']], ['退款']))).toEqual([]);
    expect(stepDifferences(inbound([['好的', 'allow']], ['退款']), undefined)).toEqual([]);
  });

  it('names each kind of difference: replies, verdicts, matched group', () => {
    expect(stepDifferences(inbound([['新回复', 'allow']], ['退款']), inbound([['旧回复', 'allow']], ['退款']))).toEqual(
      ['replies'],
    );
    expect(stepDifferences(inbound([['好的', 'warn']], ['退款']), inbound([['好的', 'allow']], ['退款']))).toEqual([
      'verdicts',
    ]);
    expect(stepDifferences(inbound([['好的', 'allow']], ['物流']), inbound([['好的', 'allow']], ['退款']))).toEqual([
      'group',
    ]);
    expect(stepDifferences(inbound([], []), inbound([['好的', 'block']], ['退款']))).toEqual([
      'replies',
      'verdicts',
      'group',
    ]);
  });

  it('compares an agent reply step by its verdict only (its reply is the script’s own)', () => {
    expect(stepDifferences(agentReply('block'), agentReply('allow'))).toEqual(['verdicts']);
    expect(stepDifferences(agentReply('warn'), agentReply('warn'))).toEqual([]);
  });
});
