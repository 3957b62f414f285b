/** recordPreference nodes and `preference` conditions in the flow engine on its own. */
import { describe, expect, it } from 'vitest';
import type { Flow, FlowCondition } from '../../rules-schema/index.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { processInbound } from '../../server/src/core/engine/process-inbound.js';
import { emptyConversation } from '../../server/src/core/window/conversation-state.js';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';
import { setPreferences } from '../../server/src/store/profile-preferences.js';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const pos = { x: 0, y: 0 };
const trigger = { id: 't', type: 'trigger' as const, position: pos, data: { messageTypes: ['text' as const] } };
const reply = (id: string, content: string) => ({
  id,
  type: 'reply' as const,
  position: pos,
  data: { replies: [{ type: 'text' as const, content }] },
});
const remember = (id: string, key: string, value: string) => ({
  id,
  type: 'recordPreference' as const,
  position: pos,
  data: { key, value },
});

function flowOf(nodes: Flow['nodes'], edges: Array<[string, string, string?]>): Flow {
  return {
    id: 'f',
    name: 'f',
    nodes,
    edges: edges.map(([source, target, sourceHandle], i) => ({
      id: `e${i}`,
      source,
      target,
      ...(sourceHandle ? { sourceHandle: sourceHandle as 'true' } : {}),
    })),
  };
}

async function run(flow: Flow, preferences: Record<string, string> = {}) {
  const compiled = compileWorkspace({ flows: [flow], groups: [], policy: DEFAULT_POLICY });
  return processInbound(
    compiled,
    { ...emptyConversation(), preferences },
    { message: { from: 'u', type: 'text', content: '你好' }, user: undefined, now: NOW, seedKey: 'k' },
  );
}

describe('recordPreference', () => {
  it('sets the value on the state; a later node of the same key wins', async () => {
    const flow = flowOf(
      [
        trigger,
        remember('a', '关注领域', '彩妆'),
        remember('b', '关注领域', '护肤成分'),
        remember('c', '肤质', '干皮'),
      ],
      [
        ['t', 'a'],
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    const { next } = await run(flow, { 预算: '200以内' });
    expect(next.preferences).toEqual({ 预算: '200以内', 关注领域: '护肤成分', 肤质: '干皮' });
  });

  it.each<[string, Omit<FlowCondition, 'fact'>, Record<string, string>, string]>([
    ['equal, set', { key: '关注领域', operator: 'equal', value: '护肤成分' }, { 关注领域: '护肤成分' }, 'yes'],
    ['equal, other value', { key: '关注领域', operator: 'equal', value: '护肤成分' }, { 关注领域: '彩妆' }, 'no'],
    ['equal, never set', { key: '关注领域', operator: 'equal', value: '护肤成分' }, {}, 'no'],
    ['equal, another key', { key: '肤质', operator: 'equal', value: '护肤成分' }, { 关注领域: '护肤成分' }, 'no'],
    ['notEqual, never set', { key: '关注领域', operator: 'notEqual', value: '护肤成分' }, {}, 'yes'],
    ['in', { key: '关注领域', operator: 'in', value: ['彩妆', '护肤成分'] }, { 关注领域: '护肤成分' }, 'yes'],
    ['in, not listed', { key: '关注领域', operator: 'in', value: ['彩妆'] }, { 关注领域: '护肤成分' }, 'no'],
  ])('a preference condition (%s)', async (_what, condition, preferences, expected) => {
    const cond = {
      id: 'c',
      type: 'condition' as const,
      position: pos,
      data: { conditions: [{ fact: 'preference' as const, ...condition }] },
    };
    const flow = flowOf(
      [trigger, cond, reply('yes', 'yes'), reply('no', 'no')],
      [
        ['t', 'c'],
        ['c', 'yes', 'true'],
        ['c', 'no', 'false'],
      ],
    );
    const { result } = await run(flow, preferences);
    expect(result.replies.map((r) => (r.reply as { content: string }).content)).toEqual([expected]);
  });
});

describe('setPreferences', () => {
  it('moves a changed key to the end and keeps the newest 20', () => {
    const twenty = Array.from({ length: 20 }, (_, i): [string, string] => [`k${i}`, 'v']);
    const after = setPreferences(twenty, { k0: 'w', new: 'x' });
    expect(after).toHaveLength(20);
    expect(after.map(([k]) => k)).toEqual([...twenty.slice(2).map(([k]) => k), 'k0', 'new']);
    expect(after.at(-2)).toEqual(['k0', 'w']);
  });
});
