import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase, SQLITE_FILE } from '../../server/src/store/open-sqlite-database.js';
import { SqliteCollection } from '../../server/src/store/sqlite-collection.js';
import { DuplicateKeyError, StoreUnavailableError } from '../../server/src/store/store-errors.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function open(): Promise<{ dir: string; db: Database.Database; c: SqliteCollection }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rf-group-'));
  dirs.push(dir);
  const db = openSqliteDatabase(dir);
  const c = new SqliteCollection(db, 'things');
  await c.ensureIndexes([{ fields: ['key'], unique: true }]);
  return { dir, db, c };
}

/** What another connection to the file sees: committed rows only. */
function committedIds(dir: string): string[] {
  const other = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
  try {
    return other.prepare('SELECT id FROM c_things ORDER BY id').pluck().all() as string[];
  } finally {
    other.close();
  }
}

describe('sqlite group commit (operations issued in one turn share a transaction)', () => {
  it('settles each operation only once its write is committed, visible to another connection', async () => {
    const { dir, db, c } = await open();
    const seen: string[][] = [];
    const writes = ['a', 'b', 'c'].map((id) =>
      c.insertOne({ _id: id, key: id, v: 1 }).then(() => seen.push(committedIds(dir))),
    );
    await Promise.all(writes);
    expect(seen).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
    ]);
    c.close();
    db.close();
  });

  it('a failing operation undoes only itself, and compare-and-set stays atomic within the turn', async () => {
    const { dir, db, c } = await open();
    const first = c.insertOne({ _id: 'a', key: 'k1', v: 1 });
    const dup = c.insertOne({ _id: 'b', key: 'k1', v: 1 });
    const win = c.updateOne({ key: 'k1', v: 1 }, { $set: { v: 2 } });
    const lose = c.updateOne({ key: 'k1', v: 1 }, { $set: { v: 3 } });
    const other = c.insertOne({ _id: 'c', key: 'k2', v: 1 });
    await first;
    await expect(dup).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await win).toEqual({ matched: 1, upserted: false });
    expect(await lose).toEqual({ matched: 0, upserted: false });
    await other;
    expect(committedIds(dir)).toEqual(['a', 'c']);
    expect((await c.findOne({ _id: 'a' }))?.['v']).toBe(2);
    c.close();
    db.close();
  });

  it('when the turn cannot commit, every operation of it is rejected and none took effect', async () => {
    const { dir, db, c } = await open();
    await c.insertOne({ _id: 'kept', key: 'k0' });
    const lost = [c.insertOne({ _id: 'x', key: 'k1' }), c.updateOne({ _id: 'kept' }, { $set: { key: 'changed' } })];
    db.close(); // the connection goes away before the turn's COMMIT
    for (const p of lost) await expect(p).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(committedIds(dir)).toEqual(['kept']);
    const reopened = openSqliteDatabase(dir);
    expect(reopened.prepare(`SELECT json_extract(doc, '$.key') FROM c_things`).pluck().all()).toEqual(['k0']);
    reopened.close();
  });

  it('when an error rolls the whole transaction back (disk full), no operation of that turn is acknowledged or committed alone', async () => {
    const { dir, db, c } = await open();
    await c.insertOne({ _id: 'kept', key: 'k0' });
    // SQLite rolls the transaction back on SQLITE_FULL; the file may grow by two pages only.
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
    const before = c.insertOne({ _id: 'a', key: 'k1' });
    const full = c.insertOne({ _id: 'b', key: 'k2', blob: 'x'.repeat(200_000) });
    const after = c.insertOne({ _id: 'c', key: 'k3' });
    for (const p of [before, full, after]) await expect(p).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(committedIds(dir)).toEqual(['kept']);
    db.pragma('max_page_count = 1073741823');
    await c.insertOne({ _id: 'd', key: 'k4' });
    expect(committedIds(dir)).toEqual(['d', 'kept']);
    c.close();
    db.close();
  });
  it('under load the operations of the next turns share a commit; idle, each turn commits on its own', async () => {
    const { db, c } = await open();
    let commits = 0;
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      if (sql === 'COMMIT') commits++;
      return exec(sql);
    };
    const nextTurn = () => new Promise((r) => setImmediate(r));
    /** Two writes one turn apart: how many commits they took. */
    const twoTurns = async (tag: string) => {
      const before = commits;
      const first = c.insertOne({ _id: `${tag}1`, key: `${tag}1` });
      await nextTurn();
      await Promise.all([first, c.insertOne({ _id: `${tag}2`, key: `${tag}2` })]);
      return commits - before;
    };
    // Idle: the last commit carried one operation.
    await c.insertOne({ _id: 'idle', key: 'idle' });
    expect(await twoTurns('a')).toBe(2);
    // Busy: a commit of many operations opens a window of about a millisecond for the next ones
    // (a turn on a loaded machine can outlast it, so a few tries).
    let shared = false;
    for (let attempt = 0; attempt < 5 && !shared; attempt++) {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => c.insertOne({ _id: `b${attempt}-${i}`, key: `b${attempt}-${i}` })),
      );
      shared = (await twoTurns(`s${attempt}-`)) === 1;
    }
    expect(shared).toBe(true);
    c.close();
    db.close();
  });
});
