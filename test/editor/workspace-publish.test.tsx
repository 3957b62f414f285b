// @vitest-environment jsdom
/**
 * The header's workspace publish against the real server (the app built on a store on disk,
 * the editor's fetch answered by it): the 「线上版本 vN」 marker and what is pending, the dialog's
 * summary by name, the content gate with its node one click away (opening the flow), the
 * reviewed override with its note, and the marker moving to the new version after publishing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { WorkspacePublish } from '../../editor/src/workspace/WorkspacePublish.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const CURE = '我们的产品能治疗高血压';
/*
 * One real server for the file (jsdom cannot load the server in-process: Vite rewrites its
 * file URLs), so the tests run in order on one workspace: first as seeded, then with drafts.
 */
let server: EditorServer;
beforeAll(async () => {
  server = await startEditorServer();
}, 60_000);
afterAll(() => server.stop());

/** The editor's requests go to the real server, as the admin unless a token is sent. */
function serveEditor(role: 'editor' | 'viewer' = 'editor') {
  server.serveEditor();
  useEditorStore.setState({ me: { name: 'ops', role } });
}

const api = (method: string, url: string, body?: unknown) =>
  server.api(method, url, body).then(async (r) => ({ status: r.status, body: await r.json() }));
const liveVersion = async () =>
  (await api('GET', '/api/v1/workspace/changes?account=default')).body.workspaceVersion as number;

/** How long to wait for the real server's answers (a cold server compiles the workspace first). */
const SLOW = { timeout: 15_000 };
const marker = () => screen.getByTestId('workspace-version').textContent ?? '';

describe('workspace publish in the header, as seeded', () => {
  it('shows a viewer the marker but no publish button', async () => {
    serveEditor('viewer');
    const live = await liveVersion();
    expect(live).toBeGreaterThan(0);
    render(<WorkspacePublish />);
    await vi.waitFor(() => expect(marker()).toBe(`线上版本 v${live}`), SLOW);
    expect(screen.queryByTestId('workspace-publish')).toBeNull();
  });

  it('says when the drafts are exactly what is live, with nothing to publish', async () => {
    serveEditor();
    const live = await liveVersion();
    render(<WorkspacePublish />);
    fireEvent.click(screen.getByTestId('workspace-publish'));
    expect((await screen.findByTestId('workspace-nothing', {}, SLOW)).textContent).toContain(`线上版本 v${live}`);
    expect((screen.getByTestId('workspace-publish-confirm') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('workspace publish in the header, with a new flow whose reply would be blocked', () => {
  beforeAll(async () => {
    expect((await api('POST', '/api/v1/keyword-groups?account=default', invoiceGroup(['发票']))).status).toBe(201);
    expect((await api('POST', '/api/v1/flows?account=default', invoiceFlow(CURE))).status).toBe(201);
  });

  it('puts each blocked reply one click away: the entry opens its flow and selects the node', async () => {
    serveEditor();
    render(<WorkspacePublish />);
    fireEvent.click(screen.getByTestId('workspace-publish'));
    const gate = await screen.findByTestId('content-gate', {}, SLOW);
    expect(useEditorStore.getState().meta).toBeNull();
    await act(async () => {
      fireEvent.click(within(gate).getByRole('button', { name: /MEDICAL_CLAIM/ }));
    });
    await vi.waitFor(() => expect(useEditorStore.getState().focusRequest?.nodeId).toBe('r'), SLOW);
    expect(useEditorStore.getState().meta?.id).toBe('invoice-flow');
    expect(useEditorStore.getState().tab).toBe('flows');
    expect(screen.queryByTestId('workspace-publish-dialog')).toBeNull();
  });

  it('publishes only what it shows: a reply blocked after the dialog read the drafts stops it, and the dialog shows it', async () => {
    serveEditor();
    const live = await liveVersion();
    render(<WorkspacePublish />);
    fireEvent.click(screen.getByTestId('workspace-publish'));
    const dialog = await screen.findByTestId('workspace-publish-dialog', {}, SLOW);
    await vi.waitFor(
      () =>
        expect(
          within(dialog)
            .getAllByRole('listitem')
            .filter((li) => /MEDICAL_CLAIM/.test(li.textContent ?? '')),
        ).toHaveLength(1),
      SLOW,
    );

    // A colleague saves a second blocked reply while the dialog is open.
    const flow = (await api('GET', '/api/v1/flows/invoice-flow?account=default')).body;
    const twoReplies = (contents: string[]) =>
      flow.nodes.map((n: { id: string }) =>
        n.id === 'r'
          ? { ...n, data: { mode: 'all', replies: contents.map((content) => ({ type: 'text', content })) } }
          : n,
      );
    const saved = await api('PUT', '/api/v1/flows/invoice-flow?account=default', {
      ...flow,
      nodes: twoReplies([CURE, '保证治愈，绝对有效']),
    });
    expect(saved.status).toBe(200);

    fireEvent.change(within(dialog).getByLabelText('审核说明（必填）'), { target: { value: '法务已审第一条' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('workspace-publish-override'));
    });
    await vi.waitFor(
      () =>
        expect(within(dialog).getByTestId('workspace-publish-error').textContent).toBe(
          '变更在你查看之后有了变化（草稿、线上版本或检查结果），未发布：下面是现在的变更，确认后再发布。',
        ),
      SLOW,
    );
    expect(await liveVersion()).toBe(live);
    // Read again: both blocked replies are listed now.
    await vi.waitFor(
      () =>
        expect(
          within(dialog)
            .getAllByRole('listitem')
            .filter((li) => /MEDICAL_CLAIM/.test(li.textContent ?? '')),
        ).toHaveLength(2),
      SLOW,
    );

    const restored = await api('PUT', '/api/v1/flows/invoice-flow?account=default', {
      ...saved.body,
      nodes: twoReplies([CURE]),
    });
    expect(restored.status).toBe(200);
  });

  it('lists the changes by name; a reviewed case published with its note moves the marker to the new version', async () => {
    serveEditor();
    const live = await liveVersion();
    render(<WorkspacePublish />);
    await vi.waitFor(() => expect(marker()).toBe(`线上版本 v${live} · 2 处待发布`), SLOW);

    fireEvent.click(screen.getByTestId('workspace-publish'));
    const dialog = await screen.findByTestId('workspace-publish-dialog', {}, SLOW);
    await vi.waitFor(
      () => expect(within(dialog).getByTestId('workspace-added').textContent).toContain('流程 发票问题'),
      SLOW,
    );
    const added = within(dialog).getByTestId('workspace-added').textContent ?? '';
    expect(added).toContain('关键词组 发票');
    expect(added).not.toContain('invoice');
    expect(within(dialog).queryByTestId('workspace-changed')).toBeNull();
    expect(dialog.textContent).toContain(`v${live} → v${live + 1}`);

    expect(within(dialog).getByTestId('content-gate').textContent).toContain('MEDICAL_CLAIM');
    expect(within(dialog).queryByTestId('workspace-publish-confirm')).toBeNull();
    const override = within(dialog).getByTestId('workspace-publish-override') as HTMLButtonElement;
    expect(override.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('审核说明（必填）'), { target: { value: '法务已审核' } });
    expect(override.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(override);
    });

    await vi.waitFor(() => expect(screen.queryByTestId('workspace-publish-dialog')).toBeNull(), SLOW);
    expect(await liveVersion()).toBe(live + 1);
    await vi.waitFor(() => expect(marker()).toBe(`线上版本 v${live + 1}`), SLOW);
    const audit = (await api('GET', '/api/v1/audit?account=default')).body.items as Array<{
      action: string;
      detail: { note?: string };
    }>;
    expect(audit.find((e) => e.action === 'workspace.publish-content-override')?.detail.note).toBe('法务已审核');
    expect(useEditorStore.getState().notices.map((n) => n.text)).toEqual([`已发布：线上版本 v${live + 1}（2 项）`]);
  });
});

describe('workspace publish in the header, after a pack is installed', () => {
  it('reads the live version again when the operator leaves the packs view (an install moves it)', async () => {
    serveEditor();
    act(() => useEditorStore.getState().setTab('packs'));
    const live = await liveVersion();
    render(<WorkspacePublish />);
    await vi.waitFor(() => expect(marker()).toBe(`线上版本 v${live}`), SLOW);

    const installed = await api('POST', '/api/v1/packs/beauty/install?account=default');
    expect(installed.status, JSON.stringify(installed.body)).toBeLessThan(300);
    expect(await liveVersion()).toBe(live + 1);
    act(() => useEditorStore.getState().setTab('flows'));
    await vi.waitFor(() => expect(marker()).toBe(`线上版本 v${live + 1}`), SLOW);
  });
});
