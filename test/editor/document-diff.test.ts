/**
 * The history's diff in the operator's words: positions never count, a reply's text shows old
 * and new with the changed part marked, connections are named by node labels and exits, a
 * keyword group's words and options, and the policy's settings by name.
 */
import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import type { Flow, KeywordGroup, Policy } from '../../rules-schema/index.js';
import { setupI18n } from '../../editor/src/i18n/setup-i18n.js';
import { documentDiff } from '../../editor/src/documents/document-diff.js';
import { textChange } from '../../editor/src/documents/text-change.js';

setupI18n('zh-CN');
const ctx = { t: i18n.t.bind(i18n), groupName: (id: string) => ({ 'kg-refund': '退款', 'kg-return': '退货' })[id] };

const flow: Flow = {
  schemaVersion: 1,
  id: 'flow-refund',
  name: '退款',
  nodes: [
    { id: 'trigger', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    { id: 'kg', type: 'keywordGroup', position: { x: 200, y: 0 }, data: { groupId: 'kg-refund' } },
    {
      id: 'reply',
      type: 'reply',
      position: { x: 400, y: 0 },
      data: { replies: [{ type: 'text', content: '退款将在3个工作日内到账' }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'kg' },
    { id: 'e2', source: 'kg', sourceHandle: 'match', target: 'reply' },
  ],
};
const withNodes = (nodes: Flow['nodes'], edges = flow.edges): Flow => ({ ...flow, nodes, edges });

describe('flow diff', () => {
  it('ignores moved nodes and re-drawn connections (new edge ids, same ends)', () => {
    const moved = withNodes(
      flow.nodes.map((n) => ({ ...n, position: { x: n.position.x + 137, y: n.position.y - 40 } })),
      flow.edges.map((e) => ({ ...e, id: `${e.id}-redrawn` })),
    );
    expect(documentDiff('flows', flow, moved, ctx)).toEqual([]);
  });

  it('shows a reply text change in full, old and new, with the changed part found', () => {
    const edited = withNodes(
      flow.nodes.map((n) =>
        n.type === 'reply' ? { ...n, data: { replies: [{ type: 'text', content: '退款将在5个工作日内到账' }] } } : n,
      ),
    );
    const lines = documentDiff('flows', flow, edited, ctx);
    expect(lines).toEqual([
      {
        tone: 'change',
        text: '回复消息「退款将在5个工作日内到账」的第 1 条回复',
        before: '退款将在3个工作日内到账',
        after: '退款将在5个工作日内到账',
      },
    ]);
    expect(textChange(lines[0]!.before!, lines[0]!.after!)).toEqual({
      before: [
        { op: 'same', text: '退款将在' },
        { op: 'del', text: '3' },
        { op: 'same', text: '个工作日内到账' },
      ],
      after: [
        { op: 'same', text: '退款将在' },
        { op: 'ins', text: '5' },
        { op: 'same', text: '个工作日内到账' },
      ],
    });
  });

  it('names an added node and its connection by labels and the exit, never by ids', () => {
    const handoff = {
      id: 'handoff-x7q',
      type: 'handoff' as const,
      position: { x: 400, y: 200 },
      data: { queue: '售后' },
    };
    const grown = withNodes(
      [...flow.nodes, handoff],
      [...flow.edges, { id: 'e3', source: 'kg', sourceHandle: 'else', target: 'handoff-x7q' }],
    );
    const texts = documentDiff('flows', flow, grown, ctx).map((l) => l.text);
    expect(texts).toEqual([
      '新增节点 转人工「转给：售后」',
      '新增连线：关键词组「退款」（未命中） → 转人工「转给：售后」',
    ]);
    expect(texts.join('\n')).not.toMatch(/handoff-x7q|kg\b/);
  });

  it('says which group a keyword-group node now uses and a removed condition in words', () => {
    const before = withNodes([
      ...flow.nodes,
      {
        id: 'c',
        type: 'condition',
        position: { x: 0, y: 0 },
        data: {
          conditions: [
            { fact: 'withinBusinessHours', operator: 'equal', value: true },
            { fact: 'quotaLeft', operator: 'greaterThan', value: 0 },
          ],
        },
      },
    ]);
    const after = withNodes([
      ...flow.nodes.map((n) => (n.type === 'keywordGroup' ? { ...n, data: { groupId: 'kg-return' } } : n)),
      {
        id: 'c',
        type: 'condition',
        position: { x: 0, y: 0 },
        data: { conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] },
      },
    ]);
    const texts = documentDiff('flows', before, after, ctx).map((l) => l.text);
    expect(texts).toContain('关键词组节点改用「退货」（原为「退款」）');
    expect(texts.some((s) => s.includes('删除条件') && !s.includes('quotaLeft'))).toBe(true);
  });
});

describe('keyword group diff', () => {
  const group: KeywordGroup = {
    schemaVersion: 1,
    id: 'kg-refund',
    name: '退款',
    mode: 'contains',
    keywords: ['退款', '退钱'],
    wholeWords: true,
  };
  it('lists keywords added and removed, and options switched, by their names', () => {
    const lines = documentDiff(
      'keyword-groups',
      group,
      { ...group, keywords: ['退款', '退货', '退费'], pinyin: true, mode: 'exact' },
      ctx,
    );
    expect(lines).toEqual([
      { tone: 'change', text: '匹配方式', before: '包含即可', after: '完全一致' },
      { tone: 'change', text: '拼音/首字母', before: '关', after: '开' },
      { tone: 'add', text: '新增关键词：退货、退费' },
      { tone: 'remove', text: '删除关键词：退钱' },
    ]);
  });
});

describe('policy diff', () => {
  const policy: Policy = {
    schemaVersion: 1,
    id: 'default',
    name: '默认策略',
    window: { message: { quota: 5, minutes: 2880 } },
    frequency: { maxRepliesPerInteraction: 3 },
  };
  it('names a changed setting and shows durations in hours', () => {
    const lines = documentDiff(
      'policies',
      policy,
      { ...policy, window: { message: { quota: 5, minutes: 1440 } }, frequency: { maxRepliesPerInteraction: 2 } },
      ctx,
    );
    expect(lines).toEqual([
      { tone: 'change', text: '用户发消息 · 有效时长', before: '48 小时', after: '24 小时' },
      { tone: 'change', text: '每次互动最多回复条数', before: '3', after: '2' },
    ]);
  });
  it('reports a check switched off by its Chinese name', () => {
    const lines = documentDiff('policies', policy, { ...policy, checks: { EXTERNAL_LINK: { enabled: false } } }, ctx);
    expect(lines).toEqual([{ tone: 'change', text: '检查项「外部链接」', before: '开 · 默认', after: '关 · 默认' }]);
  });
});
