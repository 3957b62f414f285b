import { describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../server/src/store/open-sqlite-database.js';
import { SqliteCollection } from '../../server/src/store/sqlite-collection.js';
import { TurnRepository, type Turn } from '../../server/src/store/turn-repository.js';

/** A turn as `update` starts it, at `at`. */
function started(at: number): Omit<Turn, 'id' | 'account' | 'openid' | 'seq' | 'v'> {
  return {
    startedAt: at,
    lastMessageAt: at,
    deadline: at + 1000,
    firstResponseMs: null,
    answeredBy: null,
    handoffAt: null,
    promisedAt: null,
    humanFirstResponseMs: null,
    nickname: null,
    tags: [],
    topics: {},
    day: '1970-01-01',
    hour: '1970-01-01T00',
  };
}

async function repository() {
  const db = openSqliteDatabase(null);
  const c = new SqliteCollection(db, 'turns');
  await c.ensureIndexes(TurnRepository.indexes(3600));
  // Stamped by the server clock, as in the runtime: the TTL sweep compares it with Date.now().
  return { db, turns: new TurnRepository(c, () => Date.now()) };
}

describe('TurnRepository.update with a latest turn read early (inbound reads it beside the claim)', () => {
  it('a stale early read of "no turn" makes the update read again and change the turn another writer started', async () => {
    const { db, turns } = await repository();
    try {
      const early = turns.latest('a', 'u');
      expect(await early).toBeNull();
      await turns.update('a', 'u', () => ({ start: started(10) }));
      const seen: Array<number | null> = [];
      await turns.update(
        'a',
        'u',
        (latest) => {
          seen.push(latest ? latest.seq : null);
          return latest ? { change: { lastMessageAt: 20 } } : { start: started(20) };
        },
        early,
      );
      // First attempt on the stale read (null) collides on the unique sequence; the second reads turn 1.
      expect(seen).toEqual([null, 1]);
      const latest = await turns.latest('a', 'u');
      expect(latest).toMatchObject({ seq: 1, v: 2, startedAt: 10, lastMessageAt: 20 });
    } finally {
      db.close();
    }
  });

  it('a stale early read of a turn fails the compare-and-set and the change applies to the fresh turn', async () => {
    const { db, turns } = await repository();
    try {
      await turns.update('a', 'u', () => ({ start: started(10) }));
      const early = turns.latest('a', 'u');
      await early;
      await turns.update('a', 'u', () => ({ change: { nickname: 'other writer' } }));
      const versions: number[] = [];
      await turns.update(
        'a',
        'u',
        (latest) => {
          if (latest) versions.push(latest.v);
          return { change: { lastMessageAt: 30 } };
        },
        early,
      );
      expect(versions).toEqual([1, 2]);
      expect(await turns.latest('a', 'u')).toMatchObject({ seq: 1, v: 3, nickname: 'other writer', lastMessageAt: 30 });
    } finally {
      db.close();
    }
  });
});
