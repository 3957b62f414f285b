// @vitest-environment jsdom
/**
 * 「一键改写」 in the reply panel's live lint: the fetch answers with the server's real content
 * checks and suggestions (default policy), so the click changes the reply and the verdict for real.
 */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Flow, Policy } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { attachSuggestions } from '../../server/src/core/rewrite/attach-suggestions.js';
import { verdictOf } from '../../server/src/core/reason.js';
import { stubLintFetch } from './setup-editor-test.js';
import { PropertyPanel } from '../../editor/src/panels/PropertyPanel.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

const policy = validate<Policy>('policy', structuredClone(policyJson));
if (!policy.ok) throw new Error(JSON.stringify(policy.problems));
const checks = compileContentChecks(resolvePolicy(policy.value));
const scan = scannerFor(checks.termPatterns);

/** What POST /lint answers: the content checks, then the suggestions. */
function serverLint({ reply }: { reply: unknown }) {
  const reasons = attachSuggestions(reply, checks.check(reply, scan).reasons);
  return { verdict: verdictOf(reasons), reasons };
}

const BEFORE = '今天有满减券。';
const TYPED = '今天有满减券，转发给朋友能再领一张。';

function openReplyNode(content: string) {
  const flow: Flow = {
    schemaVersion: 1,
    id: 'f1',
    name: '测试',
    nodes: [
      {
        id: 'r1',
        type: 'reply',
        position: { x: 0, y: 0 },
        data: { mode: 'all', replies: [{ type: 'text', content }] },
      },
    ],
    edges: [],
  };
  useEditorStore.getState().loadFlow(flow, true);
  useEditorStore.getState().selectNode('r1');
}

const contentOfNode = () =>
  (useEditorStore.getState().nodes[0]?.data as { replies: Array<{ content: string }> }).replies[0]?.content;
const verdict = () => screen.getByTestId('lint-result').getAttribute('data-verdict');

describe('一键改写 in the reply panel', () => {
  it('replaces the reply with the rewrite, the lint re-runs, and undo takes back exactly the rewrite', async () => {
    // Date stands still (timers run), so the typing and the click fall in one coalescing burst of the undo history.
    vi.useFakeTimers({ toFake: ['Date'] });
    stubLintFetch(serverLint);
    openReplyNode(BEFORE);
    render(<PropertyPanel />);
    fireEvent.change(screen.getByTestId('reply-text'), { target: { value: TYPED } });
    await waitFor(() => expect(verdict()).toBe('block'));
    const sharing = screen.getByTestId('lint-result').querySelector('[data-code="INDUCED_SHARING"]')!;
    expect(sharing.textContent).toContain('奖励');

    fireEvent.click(screen.getByRole('button', { name: '一键改写' }));
    expect(contentOfNode()).toBe(BEFORE);
    expect(screen.getByTestId<HTMLTextAreaElement>('reply-text').value).toBe(BEFORE);
    // 满减券 is still a promotion (a warning), but nothing blocks any more.
    await waitFor(() => expect(verdict()).toBe('warn'));
    expect(screen.getByTestId('lint-result').querySelector('[data-code="INDUCED_SHARING"]')).toBeNull();
    const promotion = screen.getByTestId('lint-result').querySelector('[data-code="PROMOTION"]')!;
    expect(promotion.querySelector('[data-testid="lint-suggestion"]')?.textContent).toContain('菜单');
    expect(promotion.querySelector('button')).toBeNull();

    // The rewrite is its own undo step, not merged into the typing just before it.
    useEditorStore.getState().undo();
    expect(contentOfNode()).toBe(TYPED);
    useEditorStore.getState().undo();
    expect(contentOfNode()).toBe(BEFORE);
  });

  it('offers no rewrite while a newer text waits for its check', async () => {
    stubLintFetch(serverLint);
    openReplyNode('这是最佳选择');
    render(<PropertyPanel />);
    await waitFor(() => expect(verdict()).toBe('warn'));
    expect(screen.getByRole('button', { name: '一键改写' }).getAttribute('title')).toBe('改写为：这是优质选择');
    fireEvent.change(screen.getByTestId('reply-text'), { target: { value: '这是最佳选择！' } });
    expect(screen.queryByRole('button', { name: '一键改写' })).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: '一键改写' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: '一键改写' }));
    expect(contentOfNode()).toBe('这是优质选择！');
    await waitFor(() => expect(verdict()).toBe('allow'));
  });
});
