// @vitest-environment jsdom
/**
 * The canvas marks a reply the publish gate will refuse, with the real server deciding (default
 * policy and installed packs): the node carries an icon and 发出会被拦截, the problems list names
 * it by its label with the reason in words and selects it in one click, and 发布 says why it will
 * be refused while staying clickable (the refusal offers the audited override). A fixed text
 * loses its mark; a pack installed later marks what only the pack blocks; a drag asks nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import './setup-editor-test.js';
import type { Flow } from '../../rules-schema/index.js';
import { LINT_DEBOUNCE_MS } from '../../editor/src/lint/use-live-lint.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { refundFlow, renderFlowEditor } from './render-flow-editor.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

const CURE = '我们的产品能治疗高血压';
const BEAUTY = '这款精华瞬间美白';
const CURE_NODE = 'reply-873tl4yv3t';
const BEAUTY_NODE = 'reply-orphan9';

/**
 * The refund flow with the default policy's blocked claim in one reply and a beauty-pack claim in
 * the other, which the group's 否则 exit reaches: no graph error, so 发布 is on.
 */
const flow: Flow = {
  ...refundFlow,
  edges: [...refundFlow.edges, { id: 'e3', source: 'kg-x7', target: BEAUTY_NODE, sourceHandle: 'else' }],
  nodes: refundFlow.nodes.map((n) =>
    n.type !== 'reply'
      ? n
      : n.id === CURE_NODE
        ? { ...n, data: { mode: 'all', replies: [{ type: 'text', content: CURE }] } }
        : n.id === BEAUTY_NODE
          ? { ...n, data: { mode: 'all', replies: [{ type: 'text', content: BEAUTY }] } }
          : n,
  ),
};

let server: EditorServer;
beforeAll(async () => {
  server = await startEditorServer();
}, 60_000);
afterAll(async () => {
  await server.stop();
});

const nodeEl = (id: string) => document.querySelector(`[data-node-id="${id}"]`) as HTMLElement;
const badgeOf = (id: string) => within(nodeEl(id)).queryByTestId('blocked-badge');
const WAIT = { timeout: 5_000 };

/** Counts the editor's `/lint/flow` requests on their way to the server. */
function countFlowLints(): { count: number } {
  const counter = { count: 0 };
  const toServer = globalThis.fetch;
  globalThis.fetch = ((url: string, init?: RequestInit) => {
    if (String(url).startsWith('/api/v1/lint/flow')) counter.count += 1;
    return toServer(url, init);
  }) as typeof fetch;
  return counter;
}

describe('blocked replies on the canvas', () => {
  it('marks the node, lists it by label with the reason, focuses it in one click, and explains 发布', async () => {
    server.serveEditor();
    renderFlowEditor(flow);

    await waitFor(() => expect(badgeOf(CURE_NODE)).not.toBeNull(), WAIT);
    const badge = badgeOf(CURE_NODE)!;
    expect(badge.textContent).toContain('发出会被拦截');
    expect(badge.querySelector('svg')).not.toBeNull(); // a lucide icon, not a colour alone
    expect(nodeEl(CURE_NODE).className).toContain('is-blocked');
    expect(nodeEl(CURE_NODE).textContent).toContain('MEDICAL_CLAIM');
    // No beauty pack installed yet: only the default policy's block counts.
    expect(badgeOf(BEAUTY_NODE)).toBeNull();

    const problems = screen.getByTestId('problems');
    expect(problems.textContent).not.toContain('没有发现问题');
    expect(problems.textContent).toContain('1 个节点会被拦截');
    const entry = within(problems).getByRole('button', { name: /发出时会被拦截/ });
    expect(entry.textContent).toContain(`回复消息「${CURE}」`);
    expect(entry.textContent).toMatch(/MEDICAL_CLAIM/);
    expect(entry.textContent).not.toContain(CURE_NODE);
    // The reason in words, as the server words it, beside its code.
    expect(
      entry.textContent!.replace(/回复消息「[^」]*」/, '').replace(/MEDICAL_CLAIM|发出时会被拦截|[：（）；\s]/g, '')
        .length,
    ).toBeGreaterThan(2);

    const publish = screen.getByTestId('publish-flow') as HTMLButtonElement;
    expect(publish.disabled).toBe(false);
    expect(publish.title).toContain('1 个节点的回复发出时一定会被拦截');
    expect(publish.title).toContain('审核说明');

    expect(useEditorStore.getState().nodes.find((n) => n.id === CURE_NODE)?.selected).toBeFalsy();
    fireEvent.click(entry);
    expect(
      useEditorStore
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([CURE_NODE]);
    // The property panel of the selected node says it too.
    expect(screen.getByTestId('properties').textContent).toContain('发出时会被拦截');
  });

  it('drops the mark once the text is fixed, and a drag does not ask the server again', async () => {
    server.serveEditor();
    const lints = countFlowLints();
    renderFlowEditor(flow);
    await waitFor(() => expect(badgeOf(CURE_NODE)).not.toBeNull(), WAIT);
    const asked = lints.count;

    // The drag's frames on a fake clock: any lint it scheduled would be sent when the clock passes the debounce.
    vi.useFakeTimers();
    for (let i = 1; i <= 10; i++) {
      act(() =>
        useEditorStore
          .getState()
          .onNodesChange([{ type: 'position', id: CURE_NODE, position: { x: 600 + 10 * i, y: 60 }, dragging: true }]),
      );
    }
    act(() =>
      useEditorStore
        .getState()
        .onNodesChange([{ type: 'position', id: CURE_NODE, position: { x: 700, y: 60 }, dragging: false }]),
    );
    act(() => vi.advanceTimersByTime(LINT_DEBOUNCE_MS * 3));
    vi.useRealTimers();
    expect(lints.count).toBe(asked);
    expect(badgeOf(CURE_NODE)).not.toBeNull();

    act(() =>
      useEditorStore.getState().updateNodeData(CURE_NODE, {
        mode: 'all',
        replies: [{ type: 'text', content: '您好，订单已发货，请留意物流信息。' }],
      }),
    );
    await waitFor(() => expect(badgeOf(CURE_NODE)).toBeNull(), WAIT);
    expect(lints.count).toBeGreaterThan(asked);
    expect(screen.getByTestId('problems').textContent).not.toContain('会被拦截');
    const publish = screen.getByTestId('publish-flow') as HTMLButtonElement;
    expect(publish.title).not.toContain('拦截');
  });

  it('marks what only an installed pack blocks, as the publish gate would', async () => {
    expect((await server.api('POST', '/api/v1/packs/beauty/install?account=default', {})).status).toBeLessThan(300);
    server.serveEditor();
    renderFlowEditor(flow);
    await waitFor(() => expect(badgeOf(BEAUTY_NODE)).not.toBeNull(), WAIT);
    expect(badgeOf(CURE_NODE)).not.toBeNull();
    expect(nodeEl(BEAUTY_NODE).textContent).toContain('pack:beauty/EFFICACY_GUARANTEE');
    expect(screen.getByTestId('problems').textContent).toContain('2 个节点会被拦截');
    expect((screen.getByTestId('publish-flow') as HTMLButtonElement).title).toContain('2 个节点');
  });
});
