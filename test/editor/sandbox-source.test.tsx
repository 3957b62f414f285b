// @vitest-environment jsdom
/**
 * The sandbox's source switch against the real server (the app on a store on disk, the
 * editor's fetch answered by it): 线上版本（vN） names the live version, a reply edited in a
 * draft shows under 草稿 and not under 线上版本, and 对比 puts both side by side with the
 * changed step marked 「不同」 — until the edit is published.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { SandboxPanel } from '../../editor/src/sandbox/SandboxPanel.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { emptySession } from '../../editor/src/store/sandbox-slice.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const LIVE_REPLY = '发票请在订单页申请';
const DRAFT_REPLY = '发票请在「我的订单」里申请，三个工作日内开出';

let server: EditorServer;
const api = (method: string, url: string, body?: unknown) =>
  server.api(method, url, body).then(async (r) => ({ status: r.status, body: await r.json() }));
const publish = async () => {
  const res = await api('POST', '/api/v1/workspace/publish?account=default', {});
  expect(res.status).toBe(201);
  return res.body.workspaceVersion as number;
};

/** The invoice flow live with LIVE_REPLY; its draft's reply then edited to DRAFT_REPLY. */
let version: number;
beforeAll(async () => {
  server = await startEditorServer();
  expect((await api('POST', '/api/v1/keyword-groups?account=default', invoiceGroup(['发票']))).status).toBe(201);
  expect((await api('POST', '/api/v1/flows?account=default', invoiceFlow(LIVE_REPLY))).status).toBe(201);
  version = await publish();
  const draft = (await api('GET', '/api/v1/flows/invoice-flow?account=default')).body;
  expect(
    (
      await api('PUT', '/api/v1/flows/invoice-flow?account=default', {
        ...invoiceFlow(DRAFT_REPLY),
        revision: draft.revision,
      })
    ).status,
  ).toBe(200);
}, 60_000);
afterAll(() => server.stop());

/** How long to wait for the real server's answers (a cold server compiles the workspace first). */
const SLOW = { timeout: 15_000 };

/** The panel with one step: a user asking for an invoice. */
function renderPanel() {
  server.serveEditor();
  useEditorStore.setState({ me: { name: 'ops', role: 'editor' }, sandboxOpen: true });
  useEditorStore.getState().loadSession({
    ...emptySession(),
    start: '2026-01-05T09:00:00+08:00',
    steps: [{ inbound: { from: 'u1', type: 'text', content: '我要开发票' } }],
  });
  render(<SandboxPanel />);
}
const choose = async (mode: 'drafts' | 'live' | 'compare') => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(`sandbox-source-${mode}`));
  });
};
const replyTexts = (root: HTMLElement) =>
  within(root)
    .queryAllByTestId('reply-bubble')
    .map((b) => b.querySelector('.bubble-text')?.textContent);

describe('the sandbox source switch', () => {
  it('runs the drafts by default, and says plainly which live version 线上版本 runs', async () => {
    renderPanel();
    const drafts = screen.getByTestId('sandbox-source-drafts');
    expect(drafts.getAttribute('aria-checked')).toBe('true');
    await vi.waitFor(
      () => expect(screen.getByTestId('sandbox-source-live').textContent).toBe(`线上版本（v${version}）`),
      SLOW,
    );
    await vi.waitFor(() => expect(replyTexts(screen.getByTestId('step-list'))).toEqual([DRAFT_REPLY]), SLOW);

    await choose('live');
    expect(screen.getByTestId('sandbox-source-live').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByTestId('sandbox-live-hint')).toBeTruthy();
    await vi.waitFor(() => expect(replyTexts(screen.getByTestId('step-list'))).toEqual([LIVE_REPLY]), SLOW);
  });

  it('compares the drafts with what is live side by side, marking the changed step 不同 until it is published', async () => {
    renderPanel();
    await choose('compare');
    const row = await screen.findByTestId('compare-row', {}, SLOW);
    await vi.waitFor(() => expect(row.getAttribute('data-differs')).toBe('true'), SLOW);
    expect(within(row).getByTestId('differs-badge').textContent).toBe('不同');
    expect(row.textContent).toContain('不同之处：回复');
    expect(replyTexts(within(row).getByTestId('compare-drafts'))).toEqual([DRAFT_REPLY]);
    expect(replyTexts(within(row).getByTestId('compare-live'))).toEqual([LIVE_REPLY]);
    expect(screen.getByTestId('compare-drafts-title').textContent).toBe('草稿');
    expect(screen.getByTestId('compare-live-title').textContent).toBe(`线上版本 v${version}`);
    expect(screen.getByTestId('compare-summary').textContent).toContain('1 步结果不同');

    const next = await publish();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重新运行' }));
    });
    await vi.waitFor(
      () => expect(screen.getByTestId('compare-live-title').textContent).toBe(`线上版本 v${next}`),
      SLOW,
    );
    expect(screen.getByTestId('compare-row').getAttribute('data-differs')).toBe('false');
    expect(screen.queryByTestId('differs-badge')).toBeNull();
    expect(replyTexts(screen.getByTestId('compare-live'))).toEqual([DRAFT_REPLY]);
    expect(screen.getByTestId('sandbox-source-live').textContent).toBe(`线上版本（v${next}）`);
  });
});
