// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Flow, KeywordGroup } from '../../rules-schema/index.js';
import { checkFlowGraph } from '../../rules-schema/graph-checks.js';
import { checkFlowSchema } from '../../editor/src/validation/check-flow-schema.js';
import { computeReplyCosts } from '../../rules-schema/reply-cost.js';
import { checkConnection } from '../../editor/src/model/connection-rules.js';
import { editorToFlow, flowToEditor } from '../../editor/src/model/flow-mapping.js';

const limits = { grant: 5, maxReplies: 3 };
const text = (content: string) => ({ type: 'text' as const, content });
const groups: KeywordGroup[] = [
  { id: 'refund', name: '退款', keywords: ['退款', '退货', '退钱'] },
  { id: 'aftersale', name: '售后', keywords: ['售后', '退钱'] },
  { id: 'empty', name: '空组', keywords: [] as unknown as [string] },
];

function flow(nodes: Flow['nodes'], edges: Flow['edges']): Flow {
  return { schemaVersion: 1, id: 'f', name: 'f', enabled: true, nodes, edges };
}
const at = { x: 0, y: 0 };
const good = flow(
  [
    { id: 't', type: 'trigger', position: at, data: { messageTypes: ['text'] } },
    { id: 'k', type: 'keywordGroup', position: at, data: { groupId: 'refund' } },
    {
      id: 'r',
      type: 'reply',
      position: at,
      data: { mode: 'all', replies: [text('{{nickname}}，退款请在订单页申请')] },
    },
  ],
  [
    { id: 'e1', source: 't', target: 'k' },
    { id: 'e2', source: 'k', target: 'r', sourceHandle: 'match' },
  ],
);
const codes = (f: Flow, g: KeywordGroup[] = [groups[0]!]) =>
  checkFlowGraph(f, g, limits).map((p) => `${p.code}${p.nodeId ? `@${p.nodeId}` : ''}`);

describe('checkFlowGraph', () => {
  it('finds nothing wrong with trigger → group → reply', () => {
    expect(codes(good)).toEqual([]);
  });

  it('flags a node no trigger reaches, and a trigger with no reply path', () => {
    const f = flow(
      [
        { id: 't', type: 'trigger', position: at, data: {} },
        { id: 'r', type: 'reply', position: at, data: { replies: [text('hi')] } },
      ],
      [],
    );
    expect(codes(f)).toEqual(['E002@r', 'E003@t']);
  });

  it('flags a flow without trigger and edges to missing nodes', () => {
    const f = flow(
      [{ id: 'r', type: 'reply', position: at, data: { replies: [text('hi')] } }],
      [{ id: 'x', source: 'r', target: 'gone' }],
    );
    expect(codes(f)).toEqual(['E007', 'E001', 'E002@r']);
  });

  it('flags a missing group reference and an empty group', () => {
    const f = structuredClone(good);
    f.nodes[1] = { id: 'k', type: 'keywordGroup', position: at, data: { groupId: 'nope' } };
    expect(codes(f)).toContain('E004@k');
    f.nodes[1] = { id: 'k', type: 'keywordGroup', position: at, data: { groupId: 'empty' } };
    expect(codes(f, groups)).toContain('E005@k');
  });

  it('makes a keyword in two groups an error when the flow uses both, a warning otherwise', () => {
    expect(codes(good, groups)).toEqual(['W102@k']);
    const both = structuredClone(good);
    both.nodes.push({ id: 'k2', type: 'keywordGroup', position: at, data: { groupId: 'aftersale' } });
    both.edges.push(
      { id: 'e3', source: 't', target: 'k2' },
      { id: 'e4', source: 'k2', target: 'r', sourceHandle: 'match' },
    );
    const problems = checkFlowGraph(both, groups, limits);
    expect(problems.filter((p) => p.code === 'E006').map((p) => p.params?.['keyword'])).toEqual(['退钱', '退钱']);
  });

  it('warns when a group has no "match" way out', () => {
    const f = structuredClone(good);
    f.edges = [
      { id: 'e1', source: 't', target: 'k' },
      { id: 'e2', source: 'k', target: 'r', sourceHandle: 'else' },
    ];
    expect(codes(f)).toEqual(['W103@k']);
  });
});

describe('computeReplyCosts', () => {
  const chain = flow(
    [
      { id: 't', type: 'trigger', position: at, data: {} },
      { id: 'r1', type: 'reply', position: at, data: { replies: [text('1'), text('2')] } },
      {
        id: 'c',
        type: 'condition',
        position: at,
        data: { conditions: [{ fact: 'quotaLeft', operator: 'greaterThan', value: 1 }] },
      },
      { id: 'r2', type: 'reply', position: at, data: { replies: [text('3'), text('4')] } },
      { id: 'r3', type: 'reply', position: at, data: { mode: 'random', replies: [text('a'), text('b'), text('c')] } },
      { id: 'q', type: 'followUp', position: at, data: { question: '还有其他问题吗？' } },
    ],
    [
      { id: 'a', source: 't', target: 'r1' },
      { id: 'b', source: 'r1', target: 'c' },
      { id: 'd', source: 'c', target: 'r2', sourceHandle: 'true' },
      { id: 'e', source: 'c', target: 'r3', sourceHandle: 'false' },
      { id: 'f', source: 'r2', target: 'q' },
    ],
  );

  it('counts messages along each path: all = every reply, random = one, follow-up = one', () => {
    const costs = computeReplyCosts(chain, limits);
    expect(costs.get('r1')).toMatchObject({ sends: 2, total: 2, overLimit: false });
    expect(costs.get('r3')).toMatchObject({ sends: 1, total: 3, overLimit: false });
    expect(costs.get('r2')).toMatchObject({ sends: 2, total: 4, overLimit: true, overGrant: false });
    expect(costs.get('q')).toMatchObject({ total: 5, overLimit: true, overGrant: false });
  });

  it('flags a branch sending 4 when 3 are allowed, and beyond the grant as an error', () => {
    const problems = checkFlowGraph(chain, [], limits);
    expect(problems.filter((p) => p.code === 'W101').map((p) => p.nodeId)).toEqual(['r2', 'q']);
    const strict = checkFlowGraph(chain, [], { grant: 4, maxReplies: 3 });
    expect(strict.find((p) => p.code === 'E008')).toMatchObject({
      nodeId: 'q',
      severity: 'error',
      params: { count: 5, limit: 4 },
    });
  });

  it('takes the worst path when paths join', () => {
    const f = structuredClone(chain);
    f.edges.push({ id: 'g', source: 'r3', target: 'q' });
    expect(computeReplyCosts(f, limits).get('q')?.total).toBe(5);
  });
});

describe('checkConnection', () => {
  const graph = { nodes: good.nodes, edges: good.edges };
  it('refuses edges into a trigger, from a reply into a trigger, to itself, and wrong handles', () => {
    expect(checkConnection({ source: 'r', target: 't' }, graph)).toBe('intoTrigger');
    expect(checkConnection({ source: 'k', target: 'k', sourceHandle: 'match' }, graph)).toBe('self');
    expect(checkConnection({ source: 'k', target: 'r', sourceHandle: 'true' }, graph)).toBe('badHandle');
    expect(checkConnection({ source: 'k', target: 'r', sourceHandle: null }, graph)).toBe('badHandle');
    expect(checkConnection({ source: 'k', target: 'r', sourceHandle: 'match' }, graph)).toBe('duplicate');
    expect(checkConnection({ source: 'r', target: 'k' }, graph)).toBe('cycle');
    expect(checkConnection({ source: 'k', target: 'r', sourceHandle: 'else' }, graph)).toBeNull();
  });
  it('lets nothing leave a hand-off', () => {
    const g = { nodes: [...good.nodes, { id: 'h', type: 'handoff' }], edges: good.edges };
    expect(checkConnection({ source: 'h', target: 'r' }, g)).toBe('noOutput');
    expect(checkConnection({ source: 'r', target: 'h' }, g)).toBeNull();
  });
});

describe('document mapping and schema', () => {
  it('round-trips a flow through React Flow objects unchanged', () => {
    const { meta, nodes, edges } = flowToEditor(good);
    nodes[0]!.selected = true;
    expect(editorToFlow(meta, nodes, edges)).toEqual(good);
  });
  it('ties schema errors to their node', () => {
    const bad = structuredClone(good);
    bad.nodes[2] = { id: 'r', type: 'reply', position: at, data: { replies: [] as unknown as [never] } };
    const issues = checkFlowSchema(bad);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.nodeId === 'r')).toBe(true);
    expect(checkFlowSchema(good)).toEqual([]);
  });
});
