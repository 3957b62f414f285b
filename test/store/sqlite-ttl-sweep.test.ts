/**
 * The SQLite TTL sweep runs only when an expired row can exist, and still never serves one: not
 * after a write of an already expired row, and not after an operation whose failure undid the
 * sweep that ran inside it.
 */
import { describe, expect, it } from 'vitest';
import { SqliteCollection } from '../../server/src/store/sqlite-collection.js';
import { openSqliteDatabase } from '../../server/src/store/open-sqlite-database.js';
import { DuplicateKeyError } from '../../server/src/store/store-errors.js';

async function ttlCollection() {
  const c = new SqliteCollection(openSqliteDatabase(null), 'swept');
  await c.ensureIndexes([{ fields: ['at'], expireAfterSeconds: 60 }]);
  return c;
}

const ago = (ms: number) => new Date(Date.now() - ms);

describe('sqlite TTL sweep', () => {
  it('a row written already expired is never read', async () => {
    const c = await ttlCollection();
    await c.insertOne({ _id: 'fresh', at: ago(0) });
    await c.insertOne({ _id: 'stale', at: ago(120_000) });
    expect((await c.find({})).map((d) => d['_id'])).toEqual(['fresh']);
  });

  it('an updated TTL field that is already past expires the row', async () => {
    const c = await ttlCollection();
    await c.insertOne({ _id: 'a', at: ago(0) });
    await c.updateOne({ _id: 'a' }, { $set: { at: ago(120_000) } });
    expect(await c.findOne({ _id: 'a' })).toBeNull();
  });

  it('a sweep undone by the failed operation it ran in is run again', async () => {
    const c = await ttlCollection();
    await c.insertOne({ _id: 'keep', at: ago(0) });
    await c.insertOne({ _id: 'stale', at: ago(120_000) });
    // This insert's savepoint sweeps 'stale' away, then fails: the rollback brings 'stale' back.
    await expect(c.insertOne({ _id: 'keep', at: ago(0) })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await c.find({})).map((d) => d['_id'])).toEqual(['keep']);
  });
});
