// @vitest-environment jsdom
/**
 * Saves run one at a time, against the real server: two saves started together (Ctrl+S twice,
 * or the workspace publish dialog's read run twice by React's StrictMode) create a new flow and
 * group once, and never show the operator a conflict with their own save.
 */
import { StrictMode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import './setup-editor-test.js';
import { newFlow, newGroup, saveAll } from '../../editor/src/documents/doc-actions.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';
import { WorkspacePublish } from '../../editor/src/workspace/WorkspacePublish.js';
import { startEditorServer, type EditorServer } from '../support/stub-fetch.js';

let server: EditorServer;
beforeAll(async () => {
  server = await startEditorServer();
}, 60_000);
afterAll(() => server.stop());

/** Routes the editor's fetch to the server and lists every request it sends, as `METHOD path`. */
function serveCounting(): string[] {
  server.serveEditor();
  const routed = globalThis.fetch;
  const sent: string[] = [];
  vi.stubGlobal('fetch', (target: string, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${target.replace(/\?.*$/, '')}`);
    return routed(target, init);
  });
  useEditorStore.setState({ me: { name: 'ops', role: 'editor' } });
  return sent;
}

describe('saving one at a time', () => {
  it('creates a new flow and group once when two saves start together', async () => {
    const sent = serveCounting();
    newGroup('开票', ['开票']);
    newFlow('开票问题');
    const flowId = useEditorStore.getState().meta?.id;
    const [a, b] = await Promise.all([saveAll(), saveAll()]);
    expect([a, b]).toEqual([true, true]);
    expect(sent.filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/keyword-groups', 'POST /api/v1/flows']);
    expect(useEditorStore.getState().conflict).toBeNull();
    expect(useEditorStore.getState()).toMatchObject({ persisted: true, dirty: false });
    expect((await server.api('GET', `/api/v1/flows/${flowId}?account=default`)).status).toBe(200);
  });

  it('opens the workspace publish dialog on a new flow under StrictMode without a conflict', async () => {
    const sent = serveCounting();
    newFlow('发票问题');
    render(
      <StrictMode>
        <WorkspacePublish />
      </StrictMode>,
    );
    fireEvent.click(screen.getByTestId('workspace-publish'));
    const added = await screen.findByTestId('workspace-added', {}, { timeout: 15_000 });
    expect(within(added).getByText('发票问题')).toBeTruthy();
    expect(sent.filter((r) => r === 'POST /api/v1/flows')).toHaveLength(1);
    expect(useEditorStore.getState().conflict).toBeNull();
  });
});
