/**
 * The set-up every browser test file shares: the editor built, the real server and Chromium
 * started once per file, a screenshot of every open page when a test fails, and helpers to
 * open a page (collecting console errors) and to call the API as the admin.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureEditorBuild } from './ensure-editor-build.js';
import { startServer, type RunningServer } from './start-server.js';
import { artifact, launchBrowser, watchErrors } from './browser.js';

export interface BrowserSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  newPage(expected?: RegExp[]): Promise<{ page: Page; errors: string[] }>;
  api<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; json: T }>;
}

export function browserSuite(label: string): BrowserSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await ensureEditorBuild();
    server = await startServer();
    browser = await launchBrowser();
  }, 240_000);
  afterEach(async (ctx) => {
    // On failure, keep what each open page showed.
    if (ctx.task.result?.state !== 'fail' || !browser) return;
    for (const [i, page] of browser
      .contexts()
      .flatMap((c) => c.pages())
      .entries()) {
      await page
        .screenshot({ path: artifact(`failure-${label}-${ctx.task.name.slice(0, 20)}-${i}.png`) })
        .catch(() => undefined);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} did not start`);
    return value;
  };
  return {
    get server() {
      return started(server, 'the server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
    async newPage(expected: RegExp[] = []) {
      const context = await started(browser, 'Chromium').newContext({
        viewport: { width: 1600, height: 1000 },
        locale: 'zh-CN',
      });
      const page = await context.newPage();
      return { page, errors: watchErrors(page, expected) };
    },
    async api<T>(method: string, route: string, body?: unknown) {
      const s = started(server, 'the server');
      const res = await fetch(`${s.baseUrl}/api/v1${route}`, {
        method,
        headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: (text ? JSON.parse(text) : undefined) as T };
    },
  };
}
