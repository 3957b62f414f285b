// @vitest-environment jsdom
/**
 * Opening flows against the real server when answers come back out of order: the flow the
 * operator asked for last stays open, whether the earlier request was another click or the
 * first flow the editor opens by itself while the workspace loads.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import './setup-editor-test.js';
import { loadWorkspace, newFlow, openFlow } from '../../editor/src/documents/doc-actions.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

let server: EditorServer;
let flowIds: string[] = [];
beforeAll(async () => {
  server = await startEditorServer();
  const listed = (await (await server.api('GET', '/api/v1/flows?account=default')).json()) as {
    items: { id: string }[];
  };
  flowIds = listed.items.map((f) => f.id);
}, 60_000);
afterAll(() => server.stop());

/**
 * Routes the editor's fetch to the server, holding each request whose URL contains one of
 * `patterns` until that pattern's `release`: its answer then arrives after later ones.
 */
function serveHolding(...patterns: string[]) {
  server.serveEditor();
  const real = globalThis.fetch;
  const holds = patterns.map((pattern) => {
    let release!: () => void;
    let requested!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const asked = new Promise<void>((resolve) => (requested = resolve));
    return { pattern, gate, release, requested, asked };
  });
  vi.stubGlobal('fetch', async (target: string, init?: RequestInit) => {
    const hold = holds.find((h) => target.includes(h.pattern));
    if (hold) {
      hold.requested();
      await hold.gate;
    }
    return real(target, init);
  });
  return holds;
}

const openId = () => useEditorStore.getState().meta?.id;

describe('opening flows out of order', () => {
  it('keeps the flow clicked last when the earlier click answers later', async () => {
    expect(flowIds.length).toBeGreaterThanOrEqual(2);
    const [first, second] = flowIds as [string, string];
    const [hold] = serveHolding(`/flows/${first}`);
    const slow = openFlow(first);
    await hold!.asked;
    await openFlow(second);
    expect(openId()).toBe(second);
    hold!.release();
    await slow;
    expect(openId()).toBe(second);
  });

  it('keeps a flow clicked while the workspace loads instead of opening the first flow over it', async () => {
    const [first, second] = flowIds as [string, string];
    // The click is still on its way when the workspace has loaded; were the first flow opened
    // then, its answer would come last.
    const [autoOpen, click] = serveHolding(`/flows/${first}`, `/flows/${second}`);
    const loading = loadWorkspace();
    await vi.waitFor(() => expect(useEditorStore.getState().flowSummaries.length).toBeGreaterThan(1));
    const clicked = openFlow(second);
    await click!.asked;
    await Promise.race([loading, autoOpen!.asked]);
    click!.release();
    await clicked;
    autoOpen!.release();
    await loading;
    expect(openId()).toBe(second);
  });

  it('keeps a new flow when a flow still loading answers after it', async () => {
    const [first] = flowIds as [string];
    const [hold] = serveHolding(`/flows/${first}`);
    const slow = openFlow(first);
    await hold!.asked;
    newFlow('新流程');
    hold!.release();
    await slow;
    expect(useEditorStore.getState().meta?.name).toBe('新流程');
  });
});
