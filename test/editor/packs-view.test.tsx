// @vitest-environment jsdom
/**
 * The 「规则包」 view against the real server (started on a port; the editor's fetch goes to it): a
 * catalog card installs the beauty pack (its self-tests run on the server) and shows it
 * installed and enabled, switches it off and on, uninstalls only after the confirmation; an
 * import shows its dry run as a diff in words before 「确认导入」, and a pack whose self-test
 * fails is refused with the failing scenario and step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { ConfirmDialog } from '../../editor/src/documents/ConfirmDialog.js';
import { Notices } from '../../editor/src/documents/Notices.js';
import { PacksView } from '../../editor/src/packs/PacksView.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { startServer, type RunningServer } from '../e2e/helpers/start-server.js';
import { ROOT } from '../e2e/helpers/ensure-editor-build.js';

const BEAUTY = JSON.parse(readFileSync(path.join(ROOT, 'examples/packs/beauty.json'), 'utf8')) as {
  id: string;
  version: string;
  lexicons: { id: string }[];
  rules: { id: string; message: string }[];
  keywordGroups: { id: string; name: string; keywords: string[] }[];
  tests: { name: string; steps: { expect?: { verdict?: string } }[] }[];
};

/** The beauty pack under another id: its codes are namespaced `pack:<id>/…`, so they move with it. */
function beautyAs(id: string): typeof BEAUTY {
  return { ...(JSON.parse(JSON.stringify(BEAUTY).replaceAll('pack:beauty/', `pack:${id}/`)) as typeof BEAUTY), id };
}

let server: RunningServer;
// Node's own fetch, kept before the editor's calls are pointed at the server.
const nodeFetch = globalThis.fetch;

/** The API as the admin, outside the editor. */
async function api(method: string, route: string, body?: unknown) {
  const res = await nodeFetch(`${server.baseUrl}/api/v1${route}`, {
    method,
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

beforeAll(async () => {
  server = await startServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});
beforeEach(async () => {
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => nodeFetch(`${server.baseUrl}${url}`, init));
  useEditorStore.getState().setSession(server.token, { name: 'admin', role: 'admin' });
  // Each test starts without the beauty pack (404 when it is not installed).
  await api('DELETE', '/packs/beauty?account=default');
});

function renderView() {
  render(
    <>
      <PacksView />
      <ConfirmDialog />
      <Notices />
    </>,
  );
}

/** The server runs self-tests on a machine shared with other work: waits are generous, never timed assertions. */
const until = <T,>(check: () => T) => vi.waitFor(check, { timeout: 60_000, interval: 50 });
const card = async (id: string) => {
  await until(() => expect(document.querySelector(`[data-pack-id="${id}"]`)).not.toBeNull());
  return document.querySelector<HTMLElement>(`[data-pack-id="${id}"]`)!;
};
const stateOf = (id: string) => document.querySelector(`[data-pack-id="${id}"]`)?.getAttribute('data-state');
const installedOnServer = async (id: string) => {
  const items = (await api('GET', '/packs?account=default')).json['items'] as {
    id: string;
    installed: boolean;
    enabled: boolean;
  }[];
  return items.find((p) => p.id === id);
};
const chooseFile = (doc: unknown, name = 'pack.json') =>
  fireEvent.change(screen.getByTestId('pack-file'), {
    target: { files: [new File([JSON.stringify(doc)], name, { type: 'application/json' })] },
  });

describe('packs view: catalog', () => {
  it('installs 美妆 (self-tested on the server), switches it off and on, and uninstalls only after the confirmation', async () => {
    renderView();
    const beauty = await card('beauty');
    expect(document.querySelectorAll('[data-testid="pack-card"]').length).toBeGreaterThanOrEqual(6);
    expect(within(beauty).getByText('美妆个护与医美')).toBeTruthy();
    expect(within(beauty).getByText('美妆个护')).toBeTruthy();
    expect(within(beauty).getByTestId('pack-state').textContent).toBe('未安装');
    // Sources: the law and its article.
    await until(() => expect(within(beauty).getByTestId('pack-sources').textContent).toContain('法规依据（5 条）'));
    expect(within(beauty).getByTestId('pack-sources').textContent).toContain(
      '第十六条：医疗、药品、医疗器械广告不得含有表示功效',
    );

    fireEvent.click(within(beauty).getByRole('button', { name: '安装' }));
    await until(() => expect(stateOf('beauty')).toBe('enabled'));
    expect(within(await card('beauty')).getByTestId('pack-state').textContent).toBe('已安装 v1.0.0 · 已启用');
    expect(screen.getByTestId('notice-success').textContent).toContain(
      `已安装「美妆个护与医美」v1.0.0，自检 ${BEAUTY.tests.length} 个场景全部通过`,
    );
    expect(await installedOnServer('beauty')).toMatchObject({ installed: true, enabled: true });

    fireEvent.click(within(await card('beauty')).getByRole('button', { name: '停用' }));
    await until(() => expect(stateOf('beauty')).toBe('disabled'));
    expect(await installedOnServer('beauty')).toMatchObject({ installed: true, enabled: false });
    fireEvent.click(within(await card('beauty')).getByRole('button', { name: '启用' }));
    await until(() => expect(stateOf('beauty')).toBe('enabled'));

    // Cancelled: nothing changes.
    fireEvent.click(within(await card('beauty')).getByRole('button', { name: '卸载' }));
    const dialog = screen.getByTestId('confirm-dialog');
    expect(dialog.textContent).toContain('卸载规则包「美妆个护与医美」？');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    expect(await installedOnServer('beauty')).toMatchObject({ installed: true });

    fireEvent.click(within(await card('beauty')).getByRole('button', { name: '卸载' }));
    fireEvent.click(within(screen.getByTestId('confirm-dialog')).getByRole('button', { name: '确定删除' }));
    await until(() => expect(stateOf('beauty')).toBe('absent'));
    expect(await installedOnServer('beauty')).toMatchObject({ installed: false });
  }, 180_000);

  it('runs a pack’s self-tests and lists every scenario as passed', async () => {
    renderView();
    fireEvent.click(within(await card('beauty')).getByRole('button', { name: '运行自检' }));
    await until(() => expect(screen.getByTestId('selftest-report')).toBeTruthy());
    const report = screen.getByTestId('selftest-report');
    expect(report.getAttribute('data-passed')).toBe('true');
    expect(report.textContent).toContain(`${BEAUTY.tests.length} 个自检场景全部通过`);
    expect(report.querySelectorAll('li[data-passed="true"]')).toHaveLength(BEAUTY.tests.length);
  }, 180_000);
});

describe('packs view: import', () => {
  it('shows an upgrade’s dry run as added / changed / in conflict, in words, and installs on 确认导入', async () => {
    // Its own id, so the built-in beauty entry of the catalog stays as it is for the other tests.
    const first = beautyAs('beauty-next');
    // A spare copy of a lexicon, for the next version to drop (the self-tests need the others).
    first.lexicons.push({ ...first.lexicons[0]!, id: 'spare-terms' });
    expect((await api('POST', '/packs/import?account=default', first)).status).toBe(201);
    const next = structuredClone(first);
    next.version = '1.1.0';
    next.lexicons.pop();
    next.rules[0]!.message = `${next.rules[0]!.message}（更严格）`;
    next.keywordGroups.push({ ...next.keywordGroups[0]!, id: 'beauty-extra', name: '额外', keywords: ['退款'] });
    renderView();
    await card('beauty-next');
    chooseFile(next, 'beauty-1.1.0.json');

    const preview = await until(() => screen.getByTestId('import-preview'));
    expect(preview.getAttribute('data-action')).toBe('upgrade');
    expect(preview.textContent).toContain('将把 beauty-next 从 v1.0.0 升级到 v1.1.0');
    expect(within(preview).getByTestId('preview-added').textContent).toContain('+ 关键词组（1）：beauty-extra');
    const changed = within(preview).getByTestId('preview-changed');
    expect(changed.querySelector(`[data-change="removed"]`)?.textContent).toBe('− 词库 spare-terms：将被删除');
    expect(changed.querySelector(`[data-change="modified"]`)?.textContent).toBe(
      `~ 规则 ${next.rules[0]!.id}：内容有修改`,
    );
    const conflict = within(preview).getByTestId('preview-conflicts').querySelector('[data-conflict="keyword"]');
    expect(conflict?.textContent).toMatch(
      /关键词“退款”（包内关键词组 beauty-extra）已在关键词组 \S+ 中，同一句话会同时命中两个组/,
    );
    // A preview changes nothing.
    expect((await api('GET', '/packs/beauty-next?account=default')).json['version']).toBe('1.0.0');

    fireEvent.click(screen.getByTestId('import-confirm'));
    await until(() =>
      expect(document.querySelector('[data-pack-id="beauty-next"] [data-testid="pack-state"]')?.textContent).toBe(
        '已安装 v1.1.0 · 已启用',
      ),
    );
    expect(screen.queryByTestId('import-preview')).toBeNull();
    expect(within(await card('beauty-next')).getByText('自行导入')).toBeTruthy();
  }, 180_000);

  it('refuses a pack whose self-test fails, naming the scenario and the step', async () => {
    const broken = beautyAs('beauty-broken');
    broken.version = '0.1.0';
    // The first scenario's reply is blocked; expecting it allowed makes its step 2 fail.
    broken.tests[0]!.steps[1]!.expect = { verdict: 'allow' };
    renderView();
    await card('beauty');
    chooseFile(broken);
    await until(() => expect(screen.getByTestId('import-preview').getAttribute('data-action')).toBe('install'));
    fireEvent.click(screen.getByTestId('import-confirm'));

    const refusal = await until(() => screen.getByTestId('install-refusal'));
    const step = refusal.querySelector('li')!;
    expect(step.getAttribute('data-scenario')).toBe(BEAUTY.tests[0]!.name);
    expect(step.textContent).toContain(`场景「${BEAUTY.tests[0]!.name}」第 2 步`);
    expect(screen.getByTestId('notice-error').textContent).toContain('的自检有 1 步没有通过，没有安装');
    expect(await installedOnServer('beauty-broken')).toBeUndefined();
  }, 180_000);

  it('says so when the file is not JSON, without asking the server', async () => {
    renderView();
    await card('beauty');
    fireEvent.change(screen.getByTestId('pack-file'), { target: { files: [new File(['{ not json'], 'notes.txt')] } });
    await until(() => expect(screen.getByRole('alert').textContent).toContain('notes.txt 不是有效的 JSON'));
    expect(screen.queryByTestId('import-preview')).toBeNull();
  });
});
