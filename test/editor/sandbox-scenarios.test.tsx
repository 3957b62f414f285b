// @vitest-environment jsdom
/**
 * The sandbox panel's scenario saves, conflicts, composer kinds and pack choice, with fetch
 * stubbed at the network boundary (the real api-request, actions and store run).
 */
import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import { ConflictDialog } from '../../editor/src/documents/ConflictDialog.js';
import { en } from '../../editor/src/i18n/en.js';
import { Composer } from '../../editor/src/sandbox/Composer.js';
import { PackPicker } from '../../editor/src/sandbox/PackPicker.js';
import { SaveScenarioDialog } from '../../editor/src/sandbox/SaveScenarioDialog.js';
import { openScenario, runSession, saveScenario } from '../../editor/src/sandbox/sandbox-actions.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import type { SandboxStep } from '../../rules-schema/index.js';

type Body = Record<string, unknown>;
type Call = { method: string; url: string; body: Body };
type Answer = { status?: number; json?: unknown };

/** Stubs fetch: `routes` maps `METHOD path` (no query) to an answer; every call is recorded. */
function stubApi(routes: Record<string, (body: Body) => Answer>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ method, url, body });
      const route = routes[`${method} ${url.split('?')[0]}`];
      const answer = route ? route(body) : { status: 404, json: { error: { code: 'NOT_FOUND', message: url } } };
      return new Response(JSON.stringify(answer.json ?? {}), {
        status: answer.status ?? 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
  return calls;
}

const RUN_OK = () => ({ json: { passed: true, steps: [] } });
const STEPS: SandboxStep[] = [{ inbound: { from: 'u1', type: 'text', content: '退钱' }, expect: { group: '退款' } }];
/** A scenario written by hand (or by a pack test) that carries its own documents. */
const FULL = {
  schemaVersion: 1,
  id: 'sc-1',
  name: '自带规则的场景',
  revision: 3,
  flows: [{ schemaVersion: 1, id: 'f1', name: '退款', enabled: true, nodes: [], edges: [] }],
  keywordGroups: [{ schemaVersion: 1, id: 'kg1', name: '退款', mode: 'contains', keywords: ['退钱'], enabled: true }],
  policy: { schemaVersion: 1, id: 'default', name: '默认策略' },
  packs: ['medical-health'],
  start: '2026-01-05T09:00:00+08:00',
  users: { u1: { nickname: '小明' } },
  steps: STEPS,
};
const CONFLICT = {
  status: 409,
  json: {
    error: {
      code: 'CONFLICT',
      message: 'stale',
      details: [{ path: '/revision', message: 'stale: current revision is 5' }],
    },
  },
};
const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');

describe('saving a scenario', () => {
  it('keeps the flows, keyword groups, policy and packs the panel does not edit', async () => {
    const calls = stubApi({
      'GET /api/v1/scenarios/sc-1': () => ({ json: FULL }),
      'GET /api/v1/scenarios': () => ({ json: { items: [] } }),
      'POST /api/v1/sandbox/run': RUN_OK,
      'PUT /api/v1/scenarios/sc-1': (body) => ({ json: { ...body, revision: 4 } }),
    });
    await openScenario('sc-1');
    expect(useEditorStore.getState().session.packs).toEqual(['medical-health']);
    render(<SaveScenarioDialog onClose={() => {}} />);
    fireEvent.change(screen.getByLabelText('场景名称'), { target: { value: '自带规则的场景（改）' } });
    fireEvent.click(screen.getByTestId('save-scenario-confirm'));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const { body } = puts(calls)[0]!;
    expect(body).toEqual({ ...FULL, name: '自带规则的场景（改）' });
    await waitFor(() => expect(useEditorStore.getState().session.scenario?.revision).toBe(4));
  });
});

describe('a stale scenario save (409)', () => {
  function openStale() {
    useEditorStore.setState((s) => ({
      session: { ...s.session, scenario: { id: 'sc-1', name: '退钱场景', revision: 3 }, steps: STEPS },
    }));
    return render(
      <>
        <SaveScenarioDialog onClose={() => {}} />
        <ConflictDialog />
      </>,
    );
  }

  it('opens the conflict dialog, and "keep mine" saves over their revision', async () => {
    let first = true;
    const calls = stubApi({
      'PUT /api/v1/scenarios/sc-1': (body) =>
        first ? ((first = false), CONFLICT) : { json: { ...body, revision: 6 } },
      'GET /api/v1/scenarios': () => ({ json: { items: [] } }),
    });
    openStale();
    fireEvent.change(screen.getByLabelText('场景名称'), { target: { value: '退钱场景 v2' } });
    fireEvent.click(screen.getByTestId('save-scenario-confirm'));
    const dialog = await screen.findByTestId('conflict-dialog');
    expect(dialog.textContent).toContain('「退钱场景 v2」在你编辑期间已被其他人保存');
    // Never a silent error: no notice, the dialog asks.
    expect(useEditorStore.getState().notices).toEqual([]);

    fireEvent.click(within(dialog).getByTestId('conflict-mine'));
    await waitFor(() => expect(screen.queryByTestId('conflict-dialog')).toBeNull());
    expect(useEditorStore.getState().session.scenario).toMatchObject({ id: 'sc-1', name: '退钱场景 v2', revision: 5 });

    fireEvent.click(screen.getByTestId('save-scenario-confirm'));
    await waitFor(() => expect(puts(calls)).toHaveLength(2));
    expect(puts(calls)[1]!.body).toMatchObject({ id: 'sc-1', name: '退钱场景 v2', revision: 5, steps: STEPS });
    await waitFor(() => expect(useEditorStore.getState().session.scenario?.revision).toBe(6));
  });

  it('"reload theirs" opens their saved scenario in the simulator', async () => {
    const theirs = {
      ...FULL,
      name: '同事改过的场景',
      revision: 5,
      steps: [{ inbound: { from: 'u1', type: 'text', content: '快递到哪了' } }],
    };
    stubApi({
      'PUT /api/v1/scenarios/sc-1': () => CONFLICT,
      'GET /api/v1/scenarios/sc-1': () => ({ json: theirs }),
      'POST /api/v1/sandbox/run': RUN_OK,
    });
    openStale();
    fireEvent.click(screen.getByTestId('save-scenario-confirm'));
    fireEvent.click(await screen.findByTestId('conflict-theirs'));
    await waitFor(() =>
      expect(useEditorStore.getState().session.scenario).toMatchObject({ name: '同事改过的场景', revision: 5 }),
    );
    expect(screen.queryByTestId('conflict-dialog')).toBeNull();
    expect(useEditorStore.getState().session.steps).toEqual(theirs.steps);
  });
});

describe('composer kinds', () => {
  function compose(kind: string) {
    const onStep = vi.fn();
    render(<Composer onStep={onStep} />);
    fireEvent.change(screen.getByTestId('compose-kind'), { target: { value: kind } });
    const send = screen.getByTestId('compose-send') as HTMLButtonElement;
    return { onStep, send };
  }

  it('offers every kind with a plain Chinese label (and an English one)', () => {
    render(<Composer onStep={() => {}} />);
    const labels = [...screen.getByTestId('compose-kind').querySelectorAll('option')].map((o) => o.textContent);
    expect(labels).toEqual([
      '文字消息',
      '图片消息',
      '位置消息',
      '链接消息',
      '关注',
      '扫码（已关注的用户）',
      '点击菜单',
      '点击菜单打开网页',
      '自动上报位置',
      '取消关注',
      '客服回复',
    ]);
    expect(Object.keys(en.sandbox.compose.kinds)).toHaveLength(labels.length);
  });

  it('sends an image with a placeholder picture, which opens the 48 h window', () => {
    const { onStep, send } = compose('image');
    expect(screen.getByText(/会开启 48 小时回复窗口/)).toBeTruthy();
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: {
        from: 'u1',
        type: 'image',
        mediaId: 'SANDBOX_MEDIA_ID',
        picUrl: 'https://mmbiz.qpic.cn/sandbox/placeholder.jpg',
      },
    });
  });

  it('sends a location with its label and coordinates, refusing coordinates out of range', () => {
    const { onStep, send } = compose('location');
    fireEvent.change(screen.getByLabelText('地点名称'), { target: { value: '南京路步行街' } });
    fireEvent.change(screen.getByLabelText('纬度'), { target: { value: '95' } });
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('纬度'), { target: { value: '31.2355' } });
    fireEvent.change(screen.getByLabelText('经度'), { target: { value: '121.4751' } });
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: { from: 'u1', type: 'location', latitude: 31.2355, longitude: 121.4751, label: '南京路步行街' },
    });
  });

  it('sends a link once it has a title and a URL', () => {
    const { onStep, send } = compose('link');
    fireEvent.change(screen.getByLabelText('链接标题'), { target: { value: '我的订单' } });
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('链接地址'), { target: { value: 'https://shop.example.com/o/1' } });
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: { from: 'u1', type: 'link', title: '我的订单', url: 'https://shop.example.com/o/1' },
    });
  });

  it('sends SCAN with its scene value', () => {
    const { onStep, send } = compose('SCAN');
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('二维码场景值'), { target: { value: 'store-42' } });
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: { from: 'u1', type: 'event', event: 'SCAN', eventKey: 'store-42' },
    });
  });

  it('sends VIEW with the page URL as its key, and says it grants nothing', () => {
    const { onStep, send } = compose('VIEW');
    expect(screen.getByText(/不算互动：不会开启回复窗口/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('打开的网页地址'), { target: { value: 'https://shop.example.com' } });
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: { from: 'u1', type: 'event', event: 'VIEW', eventKey: 'https://shop.example.com' },
    });
  });

  it('sends a LOCATION report with coordinates and no label', () => {
    const { onStep, send } = compose('LOCATION');
    expect(screen.queryByLabelText('地点名称')).toBeNull();
    fireEvent.click(send);
    expect(onStep).toHaveBeenCalledWith({
      inbound: { from: 'u1', type: 'event', event: 'LOCATION', latitude: 31.2304, longitude: 121.4737 },
    });
  });
});

describe('choosing packs for the run', () => {
  const CATALOG = {
    items: [
      { id: 'medical-health', name: '医疗健康', version: '1.0.0', industry: 'medical', installed: true, enabled: true },
      { id: 'ecommerce', name: '电商', version: '1.0.0', industry: 'ecommerce', installed: false },
      { id: 'education', name: '教育', version: '1.0.0', industry: 'education', installed: true, enabled: false },
    ],
  };

  it('starts from the account packs, sends the chosen ids as `packs` and saves them with the scenario', async () => {
    const calls = stubApi({
      'GET /api/v1/packs': () => ({ json: CATALOG }),
      'POST /api/v1/sandbox/run': RUN_OK,
      'POST /api/v1/scenarios': (body) => ({ status: 201, json: { ...body, revision: 1 } }),
      'GET /api/v1/scenarios': () => ({ json: { items: [] } }),
    });
    useEditorStore.setState((s) => ({ session: { ...s.session, steps: STEPS } }));
    render(<PackPicker />);
    const picker = screen.getByTestId('pack-picker');
    const box = (name: string) => within(picker).getByRole('checkbox', { name: new RegExp(name) }) as HTMLInputElement;
    await waitFor(() => expect(box('医疗健康').checked).toBe(true));
    expect(box('电商').checked).toBe(false);
    expect(box('教育').checked).toBe(false);
    expect(picker.textContent).toContain('使用账号已启用的规则包');

    fireEvent.click(box('电商'));
    expect(useEditorStore.getState().session.packs).toEqual(['medical-health', 'ecommerce']);
    expect(picker.textContent).toContain('本次预览选了 2 个');
    fireEvent.click(box('医疗健康'));
    expect(useEditorStore.getState().session.packs).toEqual(['ecommerce']);

    await act(() => runSession());
    const runs = () => calls.filter((c) => c.url === '/api/v1/sandbox/run');
    expect(runs().at(-1)!.body.packs).toEqual(['ecommerce']);
    expect(await saveScenario('电商场景', '', false)).toBe('saved');
    expect(calls.find((c) => c.method === 'POST' && c.url.startsWith('/api/v1/scenarios'))!.body).toMatchObject({
      name: '电商场景',
      packs: ['ecommerce'],
      steps: STEPS,
    });

    // Back to the account's packs: `packs` is left out and the server applies the enabled ones.
    fireEvent.click(within(picker).getByRole('button', { name: '恢复为账号已启用的' }));
    expect(useEditorStore.getState().session.packs).toBeNull();
    await act(() => runSession());
    expect(runs().at(-1)!.body).not.toHaveProperty('packs');
  });
});
