// @vitest-environment jsdom
/**
 * A flow's, group's or policy's publish refused because what is live moved between the server's
 * checks and its write (409 线上版本已被他人更改): the editor says so plainly — no generic
 * 「发布失败」 — reads the live versions again, and reopens the publish dialog, whose 发布 checks
 * against what is live now. Against the real server; the other operator's change lands at the
 * server's publish write (startEditorServer's `interleave`), never by timing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { loadWorkspace, publish, publishGroup } from '../../editor/src/documents/doc-actions.js';
import { Notices } from '../../editor/src/documents/Notices.js';
import { PublishGateDialog } from '../../editor/src/documents/PublishGateDialog.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const LIVE_MOVED =
  '线上版本在你发布时被其他人更改了（发布、回滚、删除或扩展包变动），这次没有发布任何内容。已重新读取线上版本；再次发布会按现在的线上版本重新检查。';
const SLOW = { timeout: 15_000 };

let server: EditorServer;
beforeAll(async () => {
  server = await startEditorServer({ interleave: true });
  expect((await api('POST', '/api/v1/keyword-groups?account=default', invoiceGroup(['发票']))).status).toBe(201);
  expect((await api('POST', '/api/v1/flows?account=default', invoiceFlow('发票在订单详情页申请。'))).status).toBe(201);
}, 60_000);
afterAll(() => server.stop());

const api = (method: string, url: string, body?: unknown) =>
  server.api(method, url, body).then(async (r) => ({ status: r.status, body: await r.json() }));
const liveVersionOf = async (route: string) =>
  ((await api('GET', `/api/v1/${route}/versions?account=default`)).body.items as Array<{ version: number }>).map(
    (v) => v.version,
  );

/** The other operator saves the group's draft with `keywords`; the interleaved publish puts it live. */
async function otherSavesGroup(keywords: string[]) {
  const draft = (await api('GET', '/api/v1/keyword-groups/invoice?account=default')).body;
  expect(
    (
      await api('PUT', '/api/v1/keyword-groups/invoice?account=default', {
        ...invoiceGroup(keywords),
        revision: draft.revision,
      })
    ).status,
  ).toBe(200);
}

async function openEditor() {
  server.serveEditor();
  useEditorStore.setState({ me: { name: 'ops', role: 'editor' } });
  render(
    <>
      <PublishGateDialog />
      <Notices />
    </>,
  );
  await act(() => loadWorkspace());
}

describe('a publish refused because live moved meanwhile', () => {
  it('a flow: says live changed, shows the group version the other operator put live, and publishes on 发布 again', async () => {
    expect(
      (await api('POST', '/api/v1/keyword-groups/invoice/publish?account=default', { note: '发票上线' })).status,
    ).toBe(201);
    await openEditor();
    expect(useEditorStore.getState().groups['invoice']?.publishedVersion).toBe(1);

    await otherSavesGroup(['报销']);
    server.beforeNextPublishWrite('POST', '/api/v1/keyword-groups/invoice/publish?account=default', {
      note: '同事发布',
    });
    expect(await act(() => publish('flows', 'invoice-flow', '上线'))).toBeNull();

    const dialog = screen.getByTestId('publish-dialog');
    expect(within(dialog).getByTestId('publish-live-moved').textContent).toBe(LIVE_MOVED);
    expect(screen.queryByText(/发布失败/)).toBeNull();
    expect(await liveVersionOf('flows/invoice-flow')).toEqual([]);
    // What is live was read again: the group's live version is the colleague's.
    expect(useEditorStore.getState().groups['invoice']?.publishedVersion).toBe(2);

    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('publish-confirm'));
    });
    await vi.waitFor(() => expect(screen.queryByTestId('publish-dialog')).toBeNull(), SLOW);
    expect(screen.getByText('已发布为 v1')).toBeTruthy();
    expect(await liveVersionOf('flows/invoice-flow')).toEqual([1]);
  });

  it('a keyword group: the same message and dialog; the policy version the other operator put live is read again', async () => {
    await openEditor();
    const policy = useEditorStore.getState().policy;
    expect(policy).not.toBeNull();
    const before = policy?.publishedVersion ?? 0;

    await otherSavesGroup(['发票', '开票']);
    server.beforeNextPublishWrite('POST', '/api/v1/policies/default/allowances?account=default', {
      code: 'ABSOLUTE_TERM',
      phrase: '最佳拍档套餐',
    });
    expect(await act(() => publishGroup('invoice', '加开票'))).toBeNull();

    const dialog = screen.getByTestId('publish-dialog');
    expect(within(dialog).getByTestId('publish-live-moved').textContent).toBe(LIVE_MOVED);
    expect(dialog.textContent).toContain('发布「发票」');
    expect(useEditorStore.getState().policy?.publishedVersion).toBe(before + 1);
    const groupVersions = await liveVersionOf('keyword-groups/invoice');

    await act(async () => {
      fireEvent.click(within(dialog).getByTestId('publish-confirm'));
    });
    await vi.waitFor(() => expect(screen.queryByTestId('publish-dialog')).toBeNull(), SLOW);
    expect(await liveVersionOf('keyword-groups/invoice')).toEqual([...groupVersions, groupVersions.length + 1]);
    expect(useEditorStore.getState().groups['invoice']?.publishedVersion).toBe(groupVersions.length + 1);
  });
});
