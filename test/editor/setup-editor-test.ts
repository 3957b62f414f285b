/** Shared by the component tests: Chinese UI strings and a clean store between tests. */
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setupI18n } from '../../editor/src/i18n/setup-i18n.js';
import { useEditorStore } from '../../editor/src/store/editor-store.js';

setupI18n('zh-CN');
const initial = useEditorStore.getState();

afterEach(() => {
  cleanup();
  useEditorStore.setState(initial, true);
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** A fetch stub answering `POST /api/v1/lint` (and nothing else) from `answer`. */
export function stubLintFetch(answer: (body: { reply: { content?: string } }) => unknown) {
  const calls: { url: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, body });
    if (!url.startsWith('/api/v1/lint'))
      return new Response('{"error":{"code":"NOT_FOUND","message":"x"}}', { status: 404 });
    return new Response(JSON.stringify(answer(body)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return calls;
}
