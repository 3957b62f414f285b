// @vitest-environment jsdom
/**
 * The publish dialog when a gate refused a flow: the blocked replies as a list of buttons that
 * select their node, the reviewed override with its required note, and the checkbox that
 * publishes the flow's groups with it; the request carries exactly what the operator chose.
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { publish } from '../../editor/src/documents/doc-actions.js';
import { PublishDialog } from '../../editor/src/documents/PublishDialog.js';
import { PublishGateDialog } from '../../editor/src/documents/PublishGateDialog.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { renderFlowEditor } from './render-flow-editor.js';

const BLOCKED = {
  path: '/nodes/2/data/replies/0/content',
  message: '“回复消息「退款请在订单页申请」”会被拦截：MEDICAL_CLAIM（疗效承诺）',
};
const MISSING_GROUP = {
  path: '/nodes/1/data/groupId',
  message: '“关键词组「退款」”用到的关键词组“退款”还没有发布，上线后这里永远不会命中',
};

/** Answers the publish route with each of `answers` in turn, recording the bodies sent. */
function stubPublish(...answers: Array<{ status: number; body: unknown }>) {
  const bodies: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (!url.startsWith('/api/v1/flows/flow-refund/publish'))
        return new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
      bodies.push(JSON.parse(String(init?.body)));
      const answer = answers[Math.min(bodies.length - 1, answers.length - 1)] ?? { status: 500, body: {} };
      return new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return bodies;
}

const refused = (details: unknown[]) => ({
  status: 400,
  body: { error: { code: 'VALIDATION_FAILED', message: '有 1 个节点的回复会被内容检查拦截', details } },
});

describe('publish gate: blocked replies', () => {
  it('lists each blocked reply by its node label; clicking one closes the dialog and selects that node', async () => {
    renderFlowEditor();
    render(<PublishGateDialog />);
    stubPublish(refused([BLOCKED]));
    await act(() => publish('flows', 'flow-refund', '上线'));

    const list = screen.getByTestId('content-gate');
    expect(list.textContent).toContain('有 1 处回复发出时一定会被拦截');
    const entry = within(list).getByRole('button', { name: /回复消息「退款请在订单页申请」/ });
    expect(entry.textContent).toContain('MEDICAL_CLAIM');
    expect(entry.textContent).not.toContain('reply-873tl4yv3t');
    expect(useEditorStore.getState().nodes.find((n) => n.id === 'reply-873tl4yv3t')?.selected).toBeFalsy();

    fireEvent.click(entry);
    expect(screen.queryByTestId('publish-dialog')).toBeNull();
    const s = useEditorStore.getState();
    expect(s.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['reply-873tl4yv3t']);
    expect(s.focusRequest).toBeNull(); // the canvas took the request
  });

  it('publishes anyway only with a review note, sending overrideContent and the note', async () => {
    renderFlowEditor();
    render(<PublishGateDialog />);
    const bodies = stubPublish(refused([BLOCKED]), {
      status: 201,
      body: { id: 'flow-refund', version: 1, publishedAt: '2026-12-02T08:00:00Z' },
    });
    await act(() => publish('flows', 'flow-refund', '上线'));

    const override = screen.getByRole('button', { name: '仍然发布（已人工审核）' }) as HTMLButtonElement;
    expect(override.disabled).toBe(true);
    expect(screen.queryByTestId('publish-confirm')).toBeNull();
    fireEvent.change(screen.getByLabelText('审核说明（必填）'), { target: { value: '   ' } });
    expect(override.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('审核说明（必填）'), { target: { value: '法务已审核' } });
    expect(override.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(override);
    });
    await vi.waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ note: '法务已审核', overrideContent: true });
    await vi.waitFor(() => expect(useEditorStore.getState().publishGate).toBeNull());
  });
});

describe('publish gate: groups not live', () => {
  it('needs 「同时发布用到的关键词组」 ticked, then sends withGroups', () => {
    const onPublish = vi.fn();
    render(<PublishDialog name="退款流程" groups={[MISSING_GROUP]} onPublish={onPublish} onClose={() => {}} />);
    expect(screen.getByTestId('group-gate').textContent).toContain('“退款”还没有发布');
    const confirm = screen.getByTestId('publish-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('同时发布用到的关键词组'));
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(onPublish).toHaveBeenCalledWith('编辑器发布', { withGroups: true });
  });

  it('with a blocked reply too, the override needs both the note and the groups', () => {
    const onPublish = vi.fn();
    render(
      <PublishDialog
        name="退款流程"
        content={[BLOCKED]}
        groups={[MISSING_GROUP]}
        onPublish={onPublish}
        onClose={() => {}}
      />,
    );
    const override = screen.getByRole('button', { name: '仍然发布（已人工审核）' }) as HTMLButtonElement;
    fireEvent.change(screen.getByLabelText('审核说明（必填）'), { target: { value: '已审核' } });
    expect(override.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('同时发布用到的关键词组'));
    fireEvent.click(override);
    expect(onPublish).toHaveBeenCalledWith('已审核', { overrideContent: true, withGroups: true });
  });
});
