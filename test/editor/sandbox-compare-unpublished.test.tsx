// @vitest-environment jsdom
/**
 * 对比 before anything is published: the live side cannot run (the server refuses a live run
 * with nothing published), and the drafts' run still shows beside the reason, instead of the
 * whole comparison giving way to the error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { SandboxPanel } from '../../editor/src/sandbox/SandboxPanel.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { emptySession } from '../../editor/src/store/sandbox-slice.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const DRAFT_REPLY = '发票请在「我的订单」里申请';

let server: EditorServer;
/** Deletes every document of a kind: a delete takes the document off what is live too. */
async function deleteAll(kind: 'flows' | 'keyword-groups' | 'policies') {
  const { items } = (await (await server.api('GET', `/api/v1/${kind}?account=default`)).json()) as {
    items: { id: string }[];
  };
  for (const { id } of items)
    expect((await server.api('DELETE', `/api/v1/${kind}/${id}?account=default`)).status).toBe(204);
}

beforeAll(async () => {
  server = await startEditorServer();
  // A first start publishes the example workspace; take all of it away so nothing is live.
  for (const kind of ['flows', 'keyword-groups', 'policies'] as const) await deleteAll(kind);
  expect((await server.api('POST', '/api/v1/keyword-groups?account=default', invoiceGroup(['发票']))).status).toBe(201);
  expect((await server.api('POST', '/api/v1/flows?account=default', invoiceFlow(DRAFT_REPLY))).status).toBe(201);
}, 60_000);
afterAll(() => server.stop());

describe('对比 with nothing published', () => {
  it('shows the drafts’ run and says why the live side did not run', async () => {
    server.serveEditor();
    useEditorStore.setState({ me: { name: 'ops', role: 'editor' }, sandboxOpen: true });
    useEditorStore.getState().loadSession({
      ...emptySession(),
      start: '2026-01-05T09:00:00+08:00',
      steps: [{ inbound: { from: 'u1', type: 'text', content: '我要开发票' } }],
    });
    render(<SandboxPanel />);
    await act(async () => {
      fireEvent.click(screen.getByTestId('sandbox-source-compare'));
    });
    const reason = await screen.findByTestId('compare-live-error', {}, { timeout: 15_000 });
    expect(reason.textContent).toContain('线上版本没有运行，只显示草稿');
    expect(reason.textContent).toContain('还没有发布任何内容');
    const row = screen.getByTestId('compare-row');
    const drafts = within(row).getByTestId('compare-drafts');
    expect(
      within(drafts)
        .queryAllByTestId('reply-bubble')
        .map((b) => b.querySelector('.bubble-text')?.textContent),
    ).toEqual([DRAFT_REPLY]);
    expect(within(row).getByTestId('compare-live').textContent).toBe('');
    expect(row.getAttribute('data-differs')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
