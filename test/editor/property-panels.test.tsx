// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { stubLintFetch } from './setup-editor-test.js';
import type { NodeDataOf, NodeKind } from '../../editor/src/model/flow-types.js';
import { nodeSpecs } from '../../editor/src/nodes/node-specs.js';
import { NodePanel } from '../../editor/src/nodes/node-views.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

/** Renders a kind's panel over live state and exposes the latest data. */
function mount<K extends NodeKind>(kind: K, initial?: NodeDataOf<K>) {
  const latest: { data: unknown } = { data: initial ?? nodeSpecs[kind].defaults() };
  function Harness() {
    const [data, setData] = useState(latest.data as Record<string, unknown>);
    return (
      <NodePanel
        kind={kind}
        nodeId="n1"
        data={data}
        onChange={(d) => {
          latest.data = d;
          setData(d);
        }}
      />
    );
  }
  render(<Harness />);
  return latest as { data: NodeDataOf<K> };
}

describe('trigger panel', () => {
  it('offers message types and events as plain Chinese choices', () => {
    const state = mount('trigger');
    fireEvent.click(screen.getByLabelText('关注'));
    fireEvent.click(screen.getByLabelText('图片'));
    fireEvent.click(screen.getByLabelText('仅当其他流程都没有命中时运行'));
    expect(state.data).toEqual({ messageTypes: ['text', 'image'], events: ['subscribe'], onlyIfUnmatched: true });
  });
});

describe('condition panel', () => {
  it('changes the operators and value input with the fact, never showing JSON', () => {
    const state = mount('condition');
    expect(screen.getByLabelText('值')).toHaveProperty('value', 'yes');
    fireEvent.change(screen.getByLabelText('判断什么'), { target: { value: 'repliesSinceInteraction' } });
    fireEvent.change(screen.getByLabelText('怎么比'), { target: { value: 'greaterThanInclusive' } });
    fireEvent.change(screen.getByLabelText('值'), { target: { value: '3' } });
    expect(state.data.conditions).toEqual([
      { fact: 'repliesSinceInteraction', operator: 'greaterThanInclusive', value: 3 },
    ]);

    fireEvent.click(screen.getByRole('button', { name: '+ 添加条件' }));
    fireEvent.click(screen.getByLabelText('满足任意一个'));
    const facts = screen.getAllByLabelText('判断什么');
    fireEvent.change(facts[1]!, { target: { value: 'windowState' } });
    fireEvent.change(screen.getAllByLabelText('值')[1]!, { target: { value: 'closing' } });
    expect(state.data).toMatchObject({
      match: 'any',
      conditions: [{}, { fact: 'windowState', operator: 'equal', value: 'closing' }],
    });
    expect(document.body.textContent).not.toMatch(/[{}]"/);
  });

  it('asks for a keyword group when counting a topic', () => {
    useEditorStore
      .getState()
      .setGroups([
        { doc: { id: 'refund', name: '退款', keywords: ['退款'] }, persisted: true, dirty: false, publishedVersion: 1 },
      ]);
    const state = mount('condition');
    fireEvent.change(screen.getByLabelText('判断什么'), { target: { value: 'topicCount' } });
    fireEvent.change(screen.getByLabelText('关键词组'), { target: { value: 'refund' } });
    expect(state.data.conditions[0]).toEqual({ fact: 'topicCount', operator: 'lessThan', value: 2, topic: 'refund' });
  });
});

describe('reply panel', () => {
  it('edits every reply type with plain fields and adds up to five messages', () => {
    stubLintFetch(() => ({ verdict: 'allow', reasons: [] }));
    const state = mount('reply');
    fireEvent.click(screen.getByRole('button', { name: '+ 再加一条消息' }));
    const types = screen.getAllByLabelText('消息类型');
    fireEvent.change(types[1]!, { target: { value: 'news' } });
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '退款指南' } });
    fireEvent.change(screen.getByLabelText('跳转链接'), { target: { value: 'https://mp.weixin.qq.com/s/abc' } });
    expect(state.data.replies[1]).toEqual({
      type: 'news',
      articles: [{ title: '退款指南', description: '', url: 'https://mp.weixin.qq.com/s/abc', picUrl: '' }],
    });
    expect(screen.getByText('这个节点会连续发送 2 条消息。')).toBeTruthy();

    fireEvent.change(screen.getAllByLabelText('消息类型')[1]!, { target: { value: 'msgmenu' } });
    fireEvent.change(screen.getByLabelText('选项 1'), { target: { value: '查物流' } });
    fireEvent.click(screen.getByLabelText('随机发送其中一条'));
    expect(state.data).toMatchObject({
      mode: 'random',
      replies: [{ type: 'text' }, { type: 'msgmenu', items: [{ id: '1', content: '查物流' }] }],
    });
    for (let i = 0; i < 3; i++) fireEvent.click(screen.getByRole('button', { name: '+ 再加一条消息' }));
    expect(state.data.replies).toHaveLength(5);
    expect(screen.getByRole('button', { name: '+ 再加一条消息' })).toHaveProperty('disabled', true);
  });
});

describe('keyword group panel', () => {
  it('creates a group in place and edits its keywords with chips', () => {
    const state = mount('keywordGroup');
    fireEvent.change(screen.getByLabelText('新关键词组名称，例如 退款'), { target: { value: '退款' } });
    fireEvent.click(screen.getByRole('button', { name: '新建关键词组' }));
    const id = state.data.groupId;
    expect(id).toMatch(/^kg-/);
    const input = screen.getAllByRole('textbox', { name: '关键词' })[0]!;
    fireEvent.paste(input, { clipboardData: { getData: () => '退款\n退货\n退钱' } });
    expect(useEditorStore.getState().groups[id]?.doc).toMatchObject({
      name: '退款',
      keywords: ['退款', '退货', '退钱'],
    });
    expect(useEditorStore.getState().groups[id]?.dirty).toBe(true);
  });
});

describe('hand-off, tag and follow-up panels', () => {
  it('edit their fields', () => {
    stubLintFetch(() => ({ verdict: 'allow', reasons: [] }));
    const handoff = mount('handoff');
    fireEvent.change(screen.getByLabelText('转给哪个客服组'), { target: { value: 'after-sales' } });
    expect(handoff.data.queue).toBe('after-sales');
    const tags = mount('recordTag');
    fireEvent.change(screen.getByRole('textbox', { name: '标签' }), { target: { value: 'vip' } });
    fireEvent.keyDown(screen.getByRole('textbox', { name: '标签' }), { key: 'Enter' });
    expect(tags.data.tags).toEqual(['咨询', 'vip']);
    const follow = mount('followUp');
    fireEvent.change(screen.getByLabelText('追问内容'), { target: { value: '还需要别的帮助吗？' } });
    expect(follow.data.question).toBe('还需要别的帮助吗？');
  });
});
