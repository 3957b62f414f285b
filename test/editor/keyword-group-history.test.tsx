// @vitest-environment jsdom
/**
 * A keyword group's 历史版本 against the real server: the versions listed, what changed since
 * v1 in words (keywords added and removed, the match mode and 整词匹配), a rollback only after a
 * confirmation naming the new version, and then v3 everywhere: the editor's badge, the groups
 * table, the draft's keywords and the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import { ConfirmDialog } from '../../editor/src/documents/ConfirmDialog.js';
import { loadWorkspace } from '../../editor/src/documents/doc-actions.js';
import { GroupsTable } from '../../editor/src/keywords/GroupsTable.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const V1 = {
  schemaVersion: 1,
  id: 'kg-invoice',
  name: '发票问题',
  mode: 'contains',
  keywords: ['发票', '开票'],
  enabled: true,
};
const V2 = { ...V1, mode: 'exact', keywords: ['发票', '专票', '抬头'], wholeWords: true };

let server: EditorServer;
beforeAll(async () => {
  server = await startEditorServer();
  const created = await server.api('POST', '/api/v1/keyword-groups?account=default', V1);
  expect(created.status).toBe(201);
  expect(
    (await server.api('POST', '/api/v1/keyword-groups/kg-invoice/publish?account=default', { note: '第一版' })).status,
  ).toBe(201);
  const revision = ((await created.json()) as { revision: number }).revision;
  expect(
    (await server.api('PUT', '/api/v1/keyword-groups/kg-invoice?account=default', { ...V2, revision })).status,
  ).toBe(200);
  expect(
    (await server.api('POST', '/api/v1/keyword-groups/kg-invoice/publish?account=default', { note: '加专票' })).status,
  ).toBe(201);
}, 60_000);
afterAll(async () => {
  await server.stop();
});

/** The row of the groups table showing this group. */
const tableRow = () => within(screen.getByTestId('groups-table')).getByText('发票问题').closest('tr') as HTMLElement;

describe('keyword group history', () => {
  it('lists versions, says what changed in words, rolls back after a confirmation and refreshes every indicator', async () => {
    server.serveEditor();
    await act(() => loadWorkspace());
    render(
      <>
        <GroupsTable />
        <ConfirmDialog />
      </>,
    );
    expect(tableRow().textContent).toContain('v2');
    fireEvent.click(tableRow());
    const editor = screen.getByTestId('group-editor');
    expect(editor.textContent).toContain('v2');

    fireEvent.click(within(editor).getByTestId('group-history'));
    const dialog = await screen.findByTestId('history-dialog');
    const v1 = await within(dialog).findByRole('button', { name: /^v1 ·/ });
    expect(within(dialog).getByRole('button', { name: /^v2 ·/ })).toBeTruthy();
    expect(dialog.textContent).toContain('第一版');

    fireEvent.click(v1);
    const diff = await within(dialog).findByTestId('version-diff');
    await waitFor(() => expect(diff.querySelectorAll('li.change').length).toBeGreaterThan(0));
    const lines = [...diff.querySelectorAll('li.change')].map((li) => li.textContent ?? '');
    expect(lines).toContain('新增关键词：专票、抬头');
    expect(lines).toContain('删除关键词：开票');
    expect(lines.find((l) => l.startsWith('匹配方式'))).toMatch(/包含即可.*完全一致/);
    expect(lines.find((l) => l.startsWith('整词匹配'))).toBeDefined();
    expect(diff.textContent).not.toMatch(/"keywords"|\{/);

    fireEvent.click(within(dialog).getByRole('button', { name: '回滚到 v1' }));
    const confirm = screen.getByTestId('confirm-dialog');
    expect(confirm.textContent).toContain('新版本 v3');
    // Nothing happens before the operator confirms.
    expect(
      (
        (await (await server.api('GET', '/api/v1/keyword-groups/kg-invoice/versions?account=default')).json()) as {
          items: unknown[];
        }
      ).items,
    ).toHaveLength(2);
    fireEvent.click(within(confirm).getByRole('button', { name: '确定回滚' }));

    await waitFor(() => expect(screen.queryByTestId('history-dialog')).toBeNull());
    expect(
      useEditorStore
        .getState()
        .notices.map((n) => n.text)
        .join(),
    ).toContain('已回滚到 v1（新版本 v3）');
    expect(screen.getByTestId('group-editor').textContent).toContain('v3');
    expect(screen.getByTestId('group-editor').textContent).not.toContain('v2');
    expect(tableRow().textContent).toContain('v3');
    expect(useEditorStore.getState().groups['kg-invoice']?.doc.keywords).toEqual(['发票', '开票']);
    const versions = (await (
      await server.api('GET', '/api/v1/keyword-groups/kg-invoice/versions?account=default')
    ).json()) as { items: Array<{ version: number }> };
    expect(versions.items.map((v) => v.version).sort()).toEqual([1, 2, 3]);
  });
});
