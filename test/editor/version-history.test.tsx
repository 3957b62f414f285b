// @vitest-environment jsdom
/**
 * The history panel as an operator uses it: pick v1, read what changed in words (the reply's
 * old and new text, no coordinates), roll back only after a confirmation naming the new version,
 * and then see v3 everywhere: the toolbar, the flow list and the draft on the canvas. Unsaved
 * edits are kept, and the notice says so. The API is a small in-memory stand-in for the routes.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { Flow } from '../../rules-schema/index.js';
import { ConfirmDialog } from '../../editor/src/documents/ConfirmDialog.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { refundFlow, renderFlowEditor } from './render-flow-editor.js';

const V1_TEXT = '退款请在订单页申请';
const V2_TEXT = '退款请在订单页申请，3个工作日内到账';
const withReply = (content: string, revision: number, dx = 0): Flow => ({
  ...refundFlow,
  revision,
  nodes: refundFlow.nodes.map((n) =>
    n.type === 'reply' && n.id === 'reply-873tl4yv3t'
      ? {
          ...n,
          position: { x: n.position.x + dx, y: n.position.y },
          data: { mode: 'all', replies: [{ type: 'text', content }] },
        }
      : n,
  ),
});

/** Versions v1 and v2 of the flow; a rollback makes v3 and puts the old version in the draft, as the server does. */
function stubDocumentRoutes() {
  const state = { draft: withReply(V2_TEXT, 1), published: 2, rollbacks: [] as unknown[] };
  const v1 = withReply(V1_TEXT, 0, 137); // moved since: a move is no change
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0];
      if (path === '/api/v1/flows')
        return json({
          items: [
            {
              id: refundFlow.id,
              name: refundFlow.name,
              revision: state.draft.revision,
              publishedVersion: state.published,
            },
          ],
        });
      if (path === '/api/v1/flows/flow-refund') return json(state.draft);
      if (path === '/api/v1/flows/flow-refund/versions')
        return json({
          items: [1, 2].map((version) => ({
            id: refundFlow.id,
            version,
            publishedAt: new Date(Date.now() - (3 - version) * 3_600_000).toISOString(),
            note: '',
          })),
        });
      if (path === '/api/v1/flows/flow-refund/versions/1')
        return json({ id: refundFlow.id, version: 1, publishedAt: new Date().toISOString(), document: v1 });
      if (path === '/api/v1/flows/flow-refund/rollback' && init?.method === 'POST') {
        state.rollbacks.push(JSON.parse(String(init.body)));
        state.draft = { ...v1, revision: (state.draft.revision ?? 0) + 1 };
        state.published = 3;
        return json({ id: refundFlow.id, version: 3, publishedAt: new Date().toISOString(), note: '回滚到 v1' });
      }
      return new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 });
    }),
  );
  return state;
}

/** Opens the history, picks v1 and answers the confirmation. */
async function rollBackToV1() {
  fireEvent.click(screen.getByRole('button', { name: '历史版本' }));
  const dialog = await screen.findByTestId('history-dialog');
  fireEvent.click(await within(dialog).findByRole('button', { name: /^v1 ·/ }));
  return dialog;
}

describe('version history: rollback', () => {
  it('shows the reply text change in words, asks before rolling back, then every indicator says v3', async () => {
    const server = stubDocumentRoutes();
    renderFlowEditor(server.draft);
    useEditorStore
      .getState()
      .setFlowSummaries([{ id: refundFlow.id, name: refundFlow.name, revision: 1, publishedVersion: 2 }]);
    render(<ConfirmDialog />);
    expect(screen.getByTestId('publish-status').textContent).toBe('已发布 v2');

    const dialog = await rollBackToV1();
    const diff = await within(dialog).findByTestId('version-diff');
    await waitFor(() => expect(diff.textContent).toContain('的第 1 条回复'));
    // v1's text and the draft's in full (the node label shortens it; the change never does), the added part marked.
    expect(diff.textContent).toContain(`原：${V1_TEXT}新：${V2_TEXT}`);
    expect(within(diff).getByText('，3个工作日内到账').tagName).toBe('INS');
    expect(diff.textContent).not.toMatch(/position|"x"|\d{3}\b/);

    fireEvent.click(within(dialog).getByRole('button', { name: '回滚到 v1' }));
    const confirm = await screen.findByTestId('confirm-dialog');
    expect(confirm.textContent).toContain('回滚到 v1 会生成新版本 v3，线上立即生效');
    expect(server.rollbacks).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: '确定回滚' }));

    await waitFor(() => expect(screen.getByTestId('publish-status').textContent).toBe('已发布 v3'));
    expect(server.rollbacks).toEqual([{ version: 1, note: '回滚到 v1' }]);
    expect(within(screen.getByRole('navigation', { name: '流程' })).getByText('v3', { exact: false })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('history-dialog')).toBeNull());
    const s = useEditorStore.getState();
    expect(s.nodes.find((n) => n.id === 'reply-873tl4yv3t')?.data).toEqual({
      mode: 'all',
      replies: [{ type: 'text', content: V1_TEXT }],
    });
    expect(s.dirty).toBe(false);
    expect(s.meta?.revision).toBe(2);
    expect(s.notices.map((n) => n.text)).toEqual(['已回滚到 v1（新版本 v3）']);
  });

  it('keeps unsaved edits on the canvas, on the new revision, and says so', async () => {
    const server = stubDocumentRoutes();
    renderFlowEditor(server.draft);
    render(<ConfirmDialog />);
    const mine = { mode: 'all', replies: [{ type: 'text', content: '我刚改的还没保存' }] };
    useEditorStore.getState().updateNodeData('reply-873tl4yv3t', mine);

    const dialog = await rollBackToV1();
    fireEvent.click(await within(dialog).findByRole('button', { name: '回滚到 v1' }));
    fireEvent.click(within(await screen.findByTestId('confirm-dialog')).getByRole('button', { name: '确定回滚' }));

    await waitFor(() => expect(screen.getByTestId('publish-status').textContent).toBe('已发布 v3'));
    await waitFor(() => expect(useEditorStore.getState().notices.length).toBe(1));
    const s = useEditorStore.getState();
    expect(s.nodes.find((n) => n.id === 'reply-873tl4yv3t')?.data).toEqual(mine);
    expect(s.dirty).toBe(true);
    expect(s.meta?.revision).toBe(2);
    expect(s.notices[0]?.text).toContain('你未保存的修改仍保留在画布上');
  });
});
