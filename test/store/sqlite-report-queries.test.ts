import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../server/src/store/open-sqlite-database.js';
import { fieldColumn, fieldExpr, SqliteCollection } from '../../server/src/store/sqlite-collection.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'rf-report-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Twelve rows: kind a/b alternating, code by i mod 3, value 11 - i (so sorting by it reverses i). */
async function filled(dir: string) {
  const db = openSqliteDatabase(dir);
  const c = new SqliteCollection(db, 'facts');
  await c.ensureIndexes([{ fields: ['kind', 't', 'code', 'value'] }]);
  for (let i = 0; i < 12; i++) {
    await c.insertOne({
      _id: `f${i}`,
      kind: i % 2 === 0 ? 'a' : 'b',
      t: new Date(1_000 + i),
      code: `C${i % 3}`,
      value: 11 - i,
    });
  }
  return { db, c };
}

describe('sqlite report queries (countBy, a sorted read at an offset) from an index holding their fields', () => {
  it('countBy groups the matching rows by a field, most frequent first, ties by value, limited', async () => {
    const { db, c } = await filled(await tempDir());
    try {
      // Kind a: i = 0,2,4,6,8,10 → codes C0,C2,C1,C0,C2,C1; with t >= 1002: C2,C1,C0,C2,C1.
      expect(await c.countBy({ kind: 'a', t: { $gte: new Date(1_002) } }, 'code')).toEqual([
        { value: 'C1', count: 2 },
        { value: 'C2', count: 2 },
        { value: 'C0', count: 1 },
      ]);
      expect(await c.countBy({ kind: 'a', t: { $gte: new Date(1_002) } }, 'code', { limit: 1 })).toEqual([
        { value: 'C1', count: 2 },
      ]);
      expect(await c.countBy({ kind: 'b' }, 'missing')).toEqual([{ value: null, count: 6 }]);
    } finally {
      db.close();
    }
  });

  it('a sorted read at an offset returns the rows at that rank, with their projection', async () => {
    const { db, c } = await filled(await tempDir());
    try {
      // Kind b: i = 1,3,5,7,9,11 → value 10,8,6,4,2,0; ascending: 0,2,4,6,8,10.
      expect(await c.find({ kind: 'b' }, { sort: { value: 1 }, skip: 2, limit: 2, projection: { value: 1 } })).toEqual([
        { _id: 'f7', value: 4 },
        { _id: 'f5', value: 6 },
      ]);
      expect(await c.find({ kind: 'b' }, { sort: { value: -1 }, skip: 4 })).toEqual([
        { _id: 'f9', kind: 'b', t: new Date(1_009), code: 'C0', value: 2 },
        { _id: 'f11', kind: 'b', t: new Date(1_011), code: 'C2', value: 0 },
      ]);
      expect(await c.find({ kind: 'b' }, { sort: { value: 1 }, skip: 6, limit: 1 })).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('answers both from the index alone: the plan reads no document', async () => {
    const { db, c } = await filled(await tempDir());
    try {
      const where = `${fieldColumn('kind')} = 'a' AND ${fieldColumn('t')} >= 0`;
      const plan = (sql: string) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' / ');
      expect(plan(`SELECT count(*) FROM c_facts WHERE ${where} AND ${fieldColumn('value')} > 3`)).toMatch(
        /COVERING INDEX ixc_c_facts_kind_t_code_value/,
      );
      expect(plan(`SELECT ${fieldColumn('code')} FROM c_facts WHERE ${where}`)).toMatch(
        /COVERING INDEX ixc_c_facts_kind_t_code_value/,
      );
      // What makes "covering" real: on a rowid table the row is only sought when a column is read.
      const code = db
        .prepare(`EXPLAIN SELECT count(*) FROM c_facts WHERE ${where} AND ${fieldColumn('value')} > 3`)
        .all() as Array<{ opcode: string }>;
      expect(code.map((op) => op.opcode)).not.toContain('NotFound');
      expect(await c.count({ kind: 'a', value: { $gt: 3 } })).toBe(4);
    } finally {
      db.close();
    }
  });

  it('a table of the earlier WITHOUT ROWID layout is copied into a rowid table once, documents and indexes intact', async () => {
    const dir = await tempDir();
    const old = openSqliteDatabase(dir);
    old.exec('CREATE TABLE c_facts (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID');
    old
      .prepare('INSERT INTO c_facts (id, doc) VALUES (?, ?)')
      .run('x1', JSON.stringify({ _id: 'x1', kind: 'a', t: { $date: 5 } }));
    old.exec(`CREATE INDEX ix_c_facts_kind ON c_facts (${fieldExpr('kind')})`);
    old.close();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'facts');
      await c.ensureIndexes([{ fields: ['kind'] }]);
      const ddl = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'c_facts'`).pluck().get();
      expect(ddl).not.toMatch(/WITHOUT ROWID/i);
      expect(
        db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name LIKE 'c_facts%' ORDER BY name`).pluck().all(),
      ).toEqual(['c_facts', 'ixc_c_facts_kind', 'sqlite_autoindex_c_facts_1']);
      expect(await c.find({ kind: 'a' })).toEqual([{ _id: 'x1', kind: 'a', t: new Date(5) }]);
      await c.insertOne({ _id: 'x2', kind: 'a' });
      expect(await c.count({ kind: 'a' })).toBe(2);
    } finally {
      db.close();
    }
  });
});
