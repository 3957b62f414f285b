/**
 * One answer per message: of the keyword groups one flow's message matches, only the winner's
 * branch is walked (priority, then the most specific match, then document order), unless the
 * flow says `keywordAnswers: "all"`.
 */
import { describe, expect, it } from 'vitest';
import type { Flow, KeywordGroup } from '../../rules-schema/index.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { processInbound } from '../../server/src/core/engine/process-inbound.js';
import { emptyConversation } from '../../server/src/core/window/conversation-state.js';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const pos = { x: 0, y: 0 };
const groups: KeywordGroup[] = [
  { id: 'refund', name: '退款', mode: 'contains', keywords: ['退款'] },
  { id: 'logistics', name: '物流', mode: 'contains', keywords: ['快递', '快递还没到'] },
];
/** 退款 (2 characters) and 快递还没到 (5): the delivery question is the more specific match. */
const BOTH = '我要退款，快递还没到';

type Node = Flow['nodes'][number];
const trigger: Node = { id: 't', type: 'trigger', position: pos, data: { messageTypes: ['text'] } };
const group = (id: string, groupId: string, priority?: number): Node => ({
  id,
  type: 'keywordGroup',
  position: pos,
  data: { groupId, ...(priority === undefined ? {} : { priority }) },
});
const reply = (id: string, content: string): Node => ({
  id,
  type: 'reply',
  position: pos,
  data: { mode: 'all', replies: [{ type: 'text', content }] },
});

function flowOf(
  id: string,
  nodes: Node[],
  edges: Array<[string, string, ('match' | 'else' | 'true' | 'false')?]>,
  extra: Partial<Flow> = {},
): Flow {
  return {
    id,
    name: id,
    nodes,
    edges: edges.map(([source, target, sourceHandle], i) => ({
      id: `e${i}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle } : {}),
    })),
    ...extra,
  };
}

/** trigger → 退款 → "refund", trigger → 物流 → "delivery", in the node order given. */
function faq(id: string, groupNodes: Node[], extra: Partial<Flow> = {}): Flow {
  const answers: Record<string, string> = { refund: 'refund', logistics: 'delivery' };
  const replies = groupNodes.map((n) =>
    reply(`r-${n.id}`, `${id}:${answers[(n.data as { groupId: string }).groupId]}`),
  );
  const edges = groupNodes.flatMap((n): Array<[string, string, 'match'?]> => [
    ['t', n.id],
    [n.id, `r-${n.id}`, 'match'],
  ]);
  return flowOf(id, [trigger, ...groupNodes, ...replies], edges, extra);
}

async function run(flows: Flow[], content: string) {
  const compiled = compileWorkspace({ flows, groups, policy: DEFAULT_POLICY });
  const { result } = await processInbound(compiled, emptyConversation(), {
    message: { from: 'u', type: 'text', content },
    user: undefined,
    now: NOW,
    seedKey: content,
  });
  return {
    ...result,
    texts: result.replies.map((r) => (r.reply as { content: string }).content),
    contest: result.groupMatches.map((m) => `${m.flowId}/${m.group}${m.won ? '✓' : '✗'}`),
  };
}

describe('one answer per message', () => {
  it('answers the most specific match when several groups of a flow match', async () => {
    const r = await run([faq('faq', [group('kg-refund', 'refund'), group('kg-logistics', 'logistics')])], BOTH);
    expect(r.texts).toEqual(['faq:delivery']);
    expect(r.matches.map((m) => m.nodeId)).toEqual(['kg-logistics']);
    expect(r.contest).toEqual(['faq/退款✗', 'faq/物流✓']);
    expect(r.groupMatches.find((m) => m.group === '物流')?.keyword).toBe('快递还没到');
  });

  it('lets a node priority override specificity', async () => {
    const r = await run([faq('faq', [group('kg-refund', 'refund', 5), group('kg-logistics', 'logistics')])], BOTH);
    expect(r.texts).toEqual(['faq:refund']);
    expect(r.contest).toEqual(['faq/退款✓', 'faq/物流✗']);
    // A negative priority loses to the default 0 even with the more specific match.
    const low = await run([faq('faq', [group('kg-refund', 'refund'), group('kg-logistics', 'logistics', -1)])], BOTH);
    expect(low.texts).toEqual(['faq:refund']);
  });

  it('breaks a tie of priority and specificity by document order', async () => {
    const tie = '退款，快递';
    const refundFirst = await run(
      [faq('faq', [group('kg-refund', 'refund'), group('kg-logistics', 'logistics')])],
      tie,
    );
    expect(refundFirst.texts).toEqual(['faq:refund']);
    const logisticsFirst = await run(
      [faq('faq', [group('kg-logistics', 'logistics'), group('kg-refund', 'refund')])],
      tie,
    );
    expect(logisticsFirst.texts).toEqual(['faq:delivery']);
  });

  it('keeps every answer when the flow says keywordAnswers: "all"', async () => {
    const r = await run(
      [faq('faq', [group('kg-refund', 'refund'), group('kg-logistics', 'logistics')], { keywordAnswers: 'all' })],
      BOTH,
    );
    expect(r.texts).toEqual(['faq:refund', 'faq:delivery']);
    expect(r.contest).toEqual(['faq/退款✓', 'faq/物流✓']);
    expect(r.trace).toEqual(['t', 'kg-refund', 'r-kg-refund', 'kg-logistics', 'r-kg-logistics']);
  });

  it('walks neither branch of a losing group: it did match, so its else is not the case either', async () => {
    const flow = flowOf(
      'faq',
      [
        trigger,
        group('kg-refund', 'refund'),
        reply('refund', '退款说明'),
        reply('not-refund', '不是退款的问题'),
        group('kg-logistics', 'logistics'),
        reply('delivery', '物流说明'),
      ],
      [
        ['t', 'kg-refund'],
        ['kg-refund', 'refund', 'match'],
        ['kg-refund', 'not-refund', 'else'],
        ['t', 'kg-logistics'],
        ['kg-logistics', 'delivery', 'match'],
      ],
    );
    const both = await run([flow], BOTH);
    expect(both.texts).toEqual(['物流说明']);
    expect(both.trace).toContain('kg-refund');
    expect(both.trace).not.toContain('not-refund');
    // The else branch still answers a message the group did not match.
    expect((await run([flow], '快递还没到')).texts).toEqual(['不是退款的问题', '物流说明']);
  });

  it('answers once per flow: groups in different flows each answer for their own flow', async () => {
    const a = faq('a', [group('kg-refund', 'refund'), group('kg-logistics', 'logistics')]);
    const b = faq('b', [group('kg-refund', 'refund', 1), group('kg-logistics', 'logistics')]);
    const r = await run([a, b], BOTH);
    expect(r.texts).toEqual(['a:delivery', 'b:refund']);
    expect(r.contest).toEqual(['a/退款✗', 'a/物流✓', 'b/退款✓', 'b/物流✗']);
  });

  it("lets only reachable groups contend: one behind another group's else or a false condition silences nobody", async () => {
    // 退款 → else → 物流 is the operator's own "if … else if …": 退款 matched, so 物流 is never reached.
    const chain = flowOf(
      'chain',
      [
        trigger,
        group('kg-refund', 'refund'),
        reply('refund', '退款说明'),
        group('kg-logistics', 'logistics'),
        reply('delivery', '物流说明'),
      ],
      [
        ['t', 'kg-refund'],
        ['kg-refund', 'refund', 'match'],
        ['kg-refund', 'kg-logistics', 'else'],
        ['kg-logistics', 'delivery', 'match'],
      ],
    );
    const chained = await run([chain], BOTH);
    expect(chained.texts).toEqual(['退款说明']);
    expect(chained.contest).toEqual(['chain/退款✓']);

    const never: Node = {
      id: 'vip',
      type: 'condition',
      position: pos,
      data: { match: 'all', conditions: [{ fact: 'userTags', operator: 'contains', value: 'vip' }] },
    };
    const gated = flowOf(
      'gated',
      [
        trigger,
        group('kg-refund', 'refund'),
        reply('refund', '退款说明'),
        never,
        group('kg-logistics', 'logistics'),
        reply('delivery', '物流说明'),
      ],
      [
        ['t', 'kg-refund'],
        ['kg-refund', 'refund', 'match'],
        ['t', 'vip'],
        ['vip', 'kg-logistics', 'true'],
        ['kg-logistics', 'delivery', 'match'],
      ],
    );
    expect((await run([gated], BOTH)).texts).toEqual(['退款说明']);
  });

  it('walks a group that refines the winner (退款 → 物流) as the next round of the contest', async () => {
    const nested = flowOf(
      'nested',
      [trigger, group('kg-refund', 'refund'), group('kg-logistics', 'logistics'), reply('in-transit', '在途退款说明')],
      [
        ['t', 'kg-refund'],
        ['kg-refund', 'kg-logistics', 'match'],
        ['kg-logistics', 'in-transit', 'match'],
      ],
    );
    const r = await run([nested], BOTH);
    expect(r.texts).toEqual(['在途退款说明']);
    expect(r.contest).toEqual(['nested/退款✓', 'nested/物流✓']);
  });
});
