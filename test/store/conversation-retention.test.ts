/**
 * Conversation states expire CONVERSATION_RETENTION_DAYS after the user's last grant closed, by
 * server time, and leave the disk; the user's profile stays. The server clock is injected and
 * set back relative to now: the store sweeps by the real clock, as MongoDB's TTL monitor does.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../server/src/store/open-store.js';
import { SQLITE_FILE } from '../../server/src/store/open-sqlite-database.js';

const DAY = 24 * 3600 * 1000;
const WINDOW = 2 * DAY;
let dir = '';
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await rm(dir, { recursive: true, force: true });
});

function storedOpenids(): string[] {
  const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
  try {
    return db.prepare(`SELECT json_extract(doc, '$.openid') FROM c_conversations ORDER BY 1`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

async function openWithClock(clock: () => number, retentionDays?: number): Promise<Store> {
  dir ||= await mkdtemp(path.join(tmpdir(), 'rf-retention-'));
  return openStore({
    dataDir: dir,
    clock,
    ...(retentionDays === undefined ? {} : { conversationRetentionDays: retentionDays }),
  });
}

it('removes a state written more than the window plus 30 days ago, keeps a younger one and every profile', async () => {
  let serverNow = Date.now() - (WINDOW + 31 * DAY);
  store = await openWithClock(() => serverNow);
  await store.conversations.put('a', 'gone', { grants: [] }, null, WINDOW);
  await store.profiles.record(
    'a',
    'gone',
    'm1',
    { tags: ['vip'], topics: ['refund'], nickname: null },
    new Date(serverNow),
  );
  serverNow = Date.now() - (WINDOW + 29 * DAY);
  await store.conversations.put('a', 'kept', { grants: [] }, null, WINDOW);
  serverNow = Date.now();

  expect(await store.conversations.get('a', 'gone')).toBeNull();
  expect(await store.conversations.get('a', 'kept')).not.toBeNull();
  expect(await store.profiles.get('a', 'gone')).toMatchObject({ tags: ['vip'], topics: { refund: 1 } });
  await store.close();
  store = undefined;
  expect(storedOpenids()).toEqual(['kept']);
});

it('follows CONVERSATION_RETENTION_DAYS, also across a reopen', async () => {
  let serverNow = Date.now() - 11 * DAY;
  store = await openWithClock(() => serverNow, 10);
  await store.conversations.put('a', 'eleven-days', {}, null, 0);
  serverNow = Date.now() - 9 * DAY;
  await store.conversations.put('a', 'nine-days', {}, null, 0);
  await store.close();
  store = await openWithClock(() => Date.now(), 10);
  expect(await store.conversations.get('a', 'eleven-days')).toBeNull();
  expect(await store.conversations.get('a', 'nine-days')).not.toBeNull();
});

it('a state that expired can be created again from nothing', async () => {
  let serverNow = Date.now() - 40 * DAY;
  store = await openWithClock(() => serverNow);
  expect(await store.conversations.put('a', 'u', { n: 1 }, null, WINDOW)).toBe(true);
  serverNow = Date.now();
  expect(await store.conversations.get('a', 'u')).toBeNull();
  expect(await store.conversations.put('a', 'u', { n: 2 }, null, WINDOW)).toBe(true);
  expect(await store.conversations.get('a', 'u')).toMatchObject({ state: { n: 2 }, v: 1 });
});
