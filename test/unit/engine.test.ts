/** The flow engine on its own: node kinds, handles, conditions, seeded random replies, trigger gating. */
import { describe, expect, it } from 'vitest';
import type { Flow, KeywordGroup } from '../../rules-schema/index.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { processInbound } from '../../server/src/core/engine/process-inbound.js';
import { emptyConversation } from '../../server/src/core/window/conversation-state.js';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';

const NOW = Date.parse('2026-11-24T10:00:00+08:00'); // a Tuesday, 10:00 in Shanghai
const pos = { x: 0, y: 0 };
const groups: KeywordGroup[] = [
  { id: 'refund', name: '退款', mode: 'fuzzy', keywords: ['退款', '退钱'] },
  { id: 'hello', name: '问候', mode: 'exact', keywords: ['你好'] },
];

function flowOf(nodes: Flow['nodes'], edges: Array<[string, string, string?]>): Flow {
  return {
    id: 'f',
    name: 'f',
    nodes,
    edges: edges.map(([source, target, sourceHandle], i) => ({
      id: `e${i}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle: sourceHandle as 'match' } : {}),
    })),
  };
}
const text = (content: string) => ({ type: 'text' as const, content });
const reply = (id: string, ...contents: string[]) => ({
  id,
  type: 'reply' as const,
  position: pos,
  data: { mode: 'all' as const, replies: contents.map(text) },
});

async function run(
  flow: Flow,
  content: string,
  opts: { tags?: string[]; now?: number; state?: ReturnType<typeof emptyConversation> } = {},
) {
  const compiled = compileWorkspace({
    flows: [flow],
    groups,
    policy: { ...DEFAULT_POLICY, businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' } },
  });
  return processInbound(compiled, opts.state ?? emptyConversation(), {
    message: { from: 'u', type: 'text', content },
    user: { nickname: '小明', tags: opts.tags ?? [] },
    now: opts.now ?? NOW,
    seedKey: content,
  });
}

describe('flow engine', () => {
  const kg = { id: 'k', type: 'keywordGroup' as const, position: pos, data: { groupId: 'refund' } };
  const trigger = { id: 't', type: 'trigger' as const, position: pos, data: { messageTypes: ['text' as const] } };

  it('takes the else branch when the group does not match', async () => {
    const flow = flowOf(
      [trigger, kg, reply('yes', '退款说明'), reply('no', '没听懂')],
      [
        ['t', 'k'],
        ['k', 'yes', 'match'],
        ['k', 'no', 'else'],
      ],
    );
    expect((await run(flow, '我要退个款')).result.replies.map((r) => (r.reply as { content: string }).content)).toEqual(
      ['退款说明'],
    );
    const other = await run(flow, '天气如何');
    expect(other.result.replies.map((r) => (r.reply as { content: string }).content)).toEqual(['没听懂']);
    expect(other.result.trace).toEqual(['t', 'k', 'no']);
  });

  it('exact groups need the whole message', async () => {
    const flow = flowOf(
      [trigger, { ...kg, data: { groupId: 'hello' } }, reply('r', '你好呀')],
      [
        ['t', 'k'],
        ['k', 'r', 'match'],
      ],
    );
    expect((await run(flow, '你好')).result.matches).toHaveLength(1);
    expect((await run(flow, '你好，我要退款')).result.matches).toHaveLength(0);
  });

  it('conditions test tags, business hours and topic counters through json-rules-engine', async () => {
    const cond = (id: string, conditions: unknown[]) => ({
      id,
      type: 'condition' as const,
      position: pos,
      data: { match: 'all' as const, conditions: conditions as never },
    });
    const flow = flowOf(
      [
        trigger,
        kg,
        cond('vip', [{ fact: 'userTags', operator: 'contains', value: 'vip' }]),
        reply('rv', 'VIP 专属通道'),
        cond('hours', [{ fact: 'withinBusinessHours', operator: 'equal', value: true }]),
        reply('rw', '客服在线'),
        reply('ro', '现在是下班时间'),
      ],
      [
        ['t', 'k'],
        ['k', 'vip', 'match'],
        ['vip', 'rv', 'true'],
        ['vip', 'hours', 'false'],
        ['hours', 'rw', 'true'],
        ['hours', 'ro', 'false'],
      ],
    );
    const texts = async (o: Parameters<typeof run>[2]) =>
      (await run(flow, '退钱', o)).result.replies.map((r) => (r.reply as { content: string }).content);
    expect(await texts({ tags: ['vip'] })).toEqual(['VIP 专属通道']);
    expect(await texts({})).toEqual(['客服在线']);
    expect(await texts({ now: Date.parse('2026-11-24T20:00:00+08:00') })).toEqual(['现在是下班时间']);
    expect(await texts({ now: Date.parse('2026-11-29T10:00:00+08:00') })).toEqual(['现在是下班时间']); // Sunday

    const topic = flowOf(
      [
        trigger,
        kg,
        cond('often', [{ fact: 'topicCount', operator: 'greaterThanInclusive', value: 3, topic: 'refund' }]),
        { id: 'h', type: 'handoff', position: pos, data: { queue: 'refund' } },
        reply('r', '退款说明'),
      ],
      [
        ['t', 'k'],
        ['k', 'often', 'match'],
        ['often', 'h', 'true'],
        ['often', 'r', 'false'],
      ],
    );
    let state = emptyConversation();
    const handoffs = [];
    for (let i = 0; i < 4; i++) {
      const { next, result } = await run(topic, '退钱', { state });
      state = next;
      handoffs.push(result.handoff?.queue ?? null);
    }
    // The counter includes the current message: the third time the user asks, a human takes over.
    expect(handoffs).toEqual([null, null, 'refund', 'refund']);
  });

  it('random-one is seeded by the message, so a retry gets the same reply', async () => {
    const flow = flowOf(
      [
        trigger,
        kg,
        {
          id: 'r',
          type: 'reply',
          position: pos,
          data: { mode: 'random', replies: ['一', '二', '三', '四'].map(text) },
        },
      ],
      [
        ['t', 'k'],
        ['k', 'r', 'match'],
      ],
    );
    const picks = new Set<string>();
    for (const content of ['退钱', '我要退钱', '退钱吧', '怎么退钱', '退钱啊啊', '退款']) {
      const a = (await run(flow, content)).result.replies;
      const b = (await run(flow, content)).result.replies;
      expect(a).toHaveLength(1);
      expect(a).toEqual(b);
      picks.add((a[0]?.reply as { content: string }).content);
    }
    expect(picks.size).toBeGreaterThan(1);
  });

  it('follow-up questions and tags are recorded; variables are filled before the checks', async () => {
    const flow = flowOf(
      [
        trigger,
        kg,
        reply('r', '{{nickname}}，退款请在订单页申请'),
        { id: 'q', type: 'followUp', position: pos, data: { question: '还有其他问题吗？' } },
        { id: 'tag', type: 'recordTag', position: pos, data: { tags: ['问过退款'] } },
      ],
      [
        ['t', 'k'],
        ['k', 'r', 'match'],
        ['r', 'q'],
        ['q', 'tag'],
      ],
    );
    const { next, result } = await run(flow, '退钱');
    expect(result.replies.map((r) => (r.reply as { content: string }).content)).toEqual([
      '小明，退款请在订单页申请',
      '还有其他问题吗？',
    ]);
    expect(next.tags).toEqual(['问过退款']);
    expect(next.repliesSinceInteraction).toBe(2);
  });

  it('a flow gated by keyword groups is not walked when none matched', async () => {
    const flow = flowOf(
      [trigger, kg, reply('r', '退款说明')],
      [
        ['t', 'k'],
        ['k', 'r', 'match'],
      ],
    );
    const compiled = compileWorkspace({ flows: [flow], groups, policy: DEFAULT_POLICY });
    expect(compiled.triggers.get('msg:text')?.[0]?.gate).toEqual(new Set(['refund']));
    expect((await run(flow, '天气如何')).result.trace).toEqual([]);
  });
});

describe('regex keyword groups', () => {
  it('match patterns over the normalized text on RE2, and refuse unsafe patterns', async () => {
    const { validate } = await import('../../rules-schema/validator.js');
    const regexGroup: KeywordGroup = {
      id: 'order',
      name: '订单号',
      mode: 'regex',
      keywords: ['订单号?[0-9]{6,}', '退(款|钱|货)'],
    };
    const flow = flowOf(
      [
        { id: 't', type: 'trigger', position: pos, data: { messageTypes: ['text'] } },
        { id: 'k', type: 'keywordGroup', position: pos, data: { groupId: 'order' } },
        reply('r', '收到订单号'),
      ],
      [
        ['t', 'k'],
        ['k', 'r', 'match'],
      ],
    );
    const compiled = compileWorkspace({ flows: [flow], groups: [regexGroup], policy: DEFAULT_POLICY });
    const run2 = async (content: string) =>
      (
        await processInbound(compiled, emptyConversation(), {
          message: { from: 'u', type: 'text', content },
          user: undefined,
          now: NOW,
          seedKey: content,
        })
      ).result.matches;
    expect((await run2('我的订单 1234567 还没到'))[0]?.keyword).toBe('订单号?[0-9]{6,}');
    expect((await run2('我的订单１２３４５６７')).length).toBe(1); // full-width digits normalize first
    expect((await run2('想退-货'))[0]?.group).toBe('订单号');
    expect(await run2('订单 123')).toEqual([]);
    expect(validate('keyword-group', regexGroup).ok).toBe(true);
    const unsafe = validate('keyword-group', { ...regexGroup, keywords: ['退款', '(a+)+$'] });
    expect(unsafe.ok).toBe(false);
    expect(unsafe.ok ? [] : unsafe.problems.map((p) => p.path)).toEqual(['/keywords/1']);
    // The same text is an ordinary keyword in a group of another mode.
    expect(validate('keyword-group', { ...regexGroup, mode: 'contains', keywords: ['(a+)+$'] }).ok).toBe(true);
  });
});
