/** Builds the real app on a fresh embedded store in a temp dir (the example workspace seeded), with a virtual clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { openStore } from '../../server/src/store/open-store.js';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { seededDataDir } from './seeded-data-dir.js';

export const ADMIN = 'test-admin-token';
export const ROOT = path.resolve(import.meta.dirname, '../..');
export const T0 = Date.parse('2026-11-24T10:00:00+08:00');

/** `serverClock`: the store's server time (what dates expiry), default the real clock. */
export async function startTestApp(options: { seed?: boolean; serverClock?: () => number } = {}) {
  const prefix = 'replyflow-test-';
  const dataDir = options.seed === false ? mkdtempSync(path.join(tmpdir(), prefix)) : seededDataDir(prefix);
  const store = await openStore({ dataDir, ...(options.serverClock ? { clock: options.serverClock } : {}) });
  let now = T0;
  const app = createApp({ store, log: createLogger('silent'), adminToken: ADMIN, clock: () => now, bodyLimit: '1mb' });
  const http = supertest(app);
  const auth = { Authorization: `Bearer ${ADMIN}` };
  return {
    app,
    store,
    dataDir,
    http,
    auth,
    setNow(ms: number) {
      now = ms;
    },
    post: (url: string, body: unknown, token = ADMIN) =>
      http
        .post(url)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
    get: (url: string, token = ADMIN) => http.get(url).set('Authorization', `Bearer ${token}`),
    put: (url: string, body: unknown, token = ADMIN) =>
      http
        .put(url)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
    async close() {
      await store.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;

export const MIN = 60_000;
export const HOUR = 60 * MIN;

export function text(from: string, content: string, at: number, msgId?: string) {
  return { account: 'default', message: { ...(msgId ? { msgId } : {}), from, type: 'text', content, at } };
}

export function event(from: string, name: string, at: number, eventKey?: string) {
  return { account: 'default', message: { from, type: 'event', event: name, ...(eventKey ? { eventKey } : {}), at } };
}

export function check(to: string, content: string, at: number, commit = true) {
  return { account: 'default', to, reply: { type: 'text', content }, at, commit };
}

/** The reason codes of a check answer, in order. */
export const codes = (body: { reasons: Array<{ code: string }> }) => body.reasons.map((r) => r.code);
