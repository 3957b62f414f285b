import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { openSqliteDatabase, SQLITE_FILE } from '../../server/src/store/open-sqlite-database.js';
import { SqliteCheckpointer } from '../../server/src/store/sqlite-checkpointer.js';
import { openStore } from '../../server/src/store/open-store.js';

const openStorePath = fileURLToPath(new URL('../../server/src/store/open-store.ts', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'replyflow-ckpt-'));
  dirs.push(d);
  return d;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it("the worker copies committed WAL pages into the database file, while the writer's own checkpoint has not run", async () => {
  const dir = await tempDir();
  const file = path.join(dir, SQLITE_FILE);
  const db = openSqliteDatabase(dir);
  const checkpointer = SqliteCheckpointer.start(file, 'normal', 20);
  try {
    db.exec('CREATE TABLE t (x TEXT)');
    const sizeBefore = (await stat(file)).size;
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    // About 500 pages: far below the writer's automatic checkpoint (10,000 pages).
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run('x'.repeat(1000));
    })();
    await until(() => (checkpointer.lastPass?.checkpointed ?? 0) >= 500);
    expect(checkpointer.lastPass?.checkpointed).toBe(checkpointer.lastPass?.log);
    expect((await stat(file)).size).toBeGreaterThan(sizeBefore + 500 * 4096);
    expect(checkpointer.lastError).toBeNull();
    // What the writer committed reads back from another connection, as before.
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2000);
    reader.close();
  } finally {
    await checkpointer.stop();
    db.close();
  }
});

it('a failing checkpointer changes nothing for the writer: it reports why', async () => {
  const dir = await tempDir();
  const checkpointer = SqliteCheckpointer.start(path.join(dir, 'missing', SQLITE_FILE), 'normal', 20);
  await until(() => checkpointer.lastError !== null);
  expect(checkpointer.lastError).toMatch(/unable to open|directory/i);
  await checkpointer.stop();
});

it('a store on disk stops its checkpointer on close, and a process that never closes its store still ends', async () => {
  const dir = await tempDir();
  const store = await openStore({ dataDir: dir });
  await store.conversations.put('a', 'u', { n: 1 }, null);
  await store.close();
  // A program that opens the store, writes and returns without closing it ends by itself.
  const script = `const { openStore } = await import(${JSON.stringify(openStorePath)});
    const s = await openStore({ dataDir: ${JSON.stringify(dir)} });
    await s.conversations.put('a', 'u', { n: 2 }, 1);`;
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(run.error).toBeUndefined();
  expect(run.status, run.stderr).toBe(0);
  expect(Date.now() - started).toBeLessThan(20_000);
  const again = await openStore({ dataDir: dir });
  expect((await again.conversations.get('a', 'u'))?.state).toEqual({ n: 2 });
  await again.close();
});
