// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { ConnectMenu } from '../../editor/src/canvas/ConnectMenu.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { refundFlow, renderFlowEditor } from './render-flow-editor.js';

describe('nodes named by label', () => {
  it('names the node of each problem by its kind and words, never its id', () => {
    renderFlowEditor();
    const problems = screen.getByTestId('problems');
    const orphan = within(problems).getByRole('button', { name: /永远不会运行/ });
    expect(orphan.textContent).toContain('回复消息「感谢您的耐心等待」：');
    expect(problems.textContent).not.toMatch(/reply-orphan9|reply-873tl4yv3t/);
  });

  it("lists the next-step choices by label in the node's panel", () => {
    renderFlowEditor();
    act(() => useEditorStore.getState().selectNode('kg-x7'));
    const select = screen.getByLabelText('连接“命中”到') as HTMLSelectElement;
    const options = [...select.options].map((o) => o.textContent);
    expect(options).toContain('回复消息「感谢您的耐心等待」');
    expect(options.join()).not.toMatch(/reply-|kg-x7/);
    expect(screen.getByTestId('properties').textContent).toContain('回复消息「退款请在订单页申请」');
  });
});

describe('an edge dropped on empty canvas', () => {
  it('offers the kinds an exit may lead to and makes the picked one, connected, in one undo step', () => {
    useEditorStore.getState().loadFlow(refundFlow, true);
    let picked = '';
    render(
      <ConnectMenu
        at={{ x: 10, y: 10 }}
        fromLabel="关键词组「退款」 · 未命中"
        onPick={(k) => (picked = k)}
        onClose={() => {}}
      />,
    );
    const menu = screen.getByRole('menu', { name: /关键词组「退款」 · 未命中/ });
    const kinds = within(menu)
      .getAllByRole('menuitem')
      .map((b) => b.textContent?.trim());
    expect(kinds).toEqual(['关键词组', '条件判断', '回复消息', '转人工', '打标签', '记录偏好', '追问', '取消']);
    fireEvent.click(within(menu).getByRole('menuitem', { name: '转人工' }));
    expect(picked).toBe('handoff');

    const s = useEditorStore.getState();
    const id = s.addConnectedNode('handoff', { x: 600, y: 500 }, { source: 'kg-x7', sourceHandle: 'else' });
    const after = useEditorStore.getState();
    expect(after.nodes.find((n) => n.id === id)).toMatchObject({
      type: 'handoff',
      selected: true,
      position: { x: 600, y: 500 },
    });
    expect(after.edges.find((e) => e.target === id)).toMatchObject({ source: 'kg-x7', sourceHandle: 'else' });
    after.undo();
    expect(useEditorStore.getState().nodes.some((n) => n.id === id)).toBe(false);
    expect(useEditorStore.getState().edges).toHaveLength(2);
  });

  it('refuses an exit that may not lead anywhere new (a hand-off ends the path)', () => {
    useEditorStore.getState().loadFlow(refundFlow, true);
    const s = useEditorStore.getState();
    const handoff = s.addConnectedNode('handoff', { x: 0, y: 600 }, { source: 'kg-x7', sourceHandle: 'else' })!;
    expect(
      useEditorStore.getState().addConnectedNode('reply', { x: 0, y: 800 }, { source: handoff, sourceHandle: null }),
    ).toBeNull();
    expect(useEditorStore.getState().nodes).toHaveLength(5);
  });
});
