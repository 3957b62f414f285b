import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../server/src/store/open-store.js';
import { SecretBox } from '../../server/src/store/secret-box.js';
import {
  DuplicateKeyError,
  StoreConfigError,
  StoreCorruptError,
  StoreUnavailableError,
} from '../../server/src/store/store-errors.js';
import { describeStoreContract } from './store-contract.js';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../../server/src/store/open-sqlite-database.js';
import { fieldColumn, fieldExpr, SqliteCollection } from '../../server/src/store/sqlite-collection.js';
import type { Update } from '../../server/src/store/collection.js';
import { InboundLogRepository } from '../../server/src/store/inbound-log-repository.js';
import { openSqliteDatabase } from '../../server/src/store/open-sqlite-database.js';

/** Every stored document of a collection as text (the raw bytes a reader of the file would see). */
function rawDump(dir: string, collection: string): string {
  const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
  try {
    return (db.prepare(`SELECT doc FROM c_${collection}`).pluck().all() as string[]).join('\n');
  } finally {
    db.close();
  }
}

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'rf-store-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  // Contract dirs are removed by their own cleanup; these are the per-test ones.
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describeStoreContract('sqlite', () => {
  let dir = '';
  return {
    async open(clock) {
      dir = await mkdtemp(path.join(tmpdir(), 'rf-contract-'));
      return openStore({ dataDir: dir, clock });
    },
    rawDump: async (collection) => rawDump(dir, collection),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('sqlite store specifics', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close().catch(() => undefined);
    store = undefined;
  });

  it('creates DATA_DIR/secret.key once (0600) and reads secrets back after a reopen', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    await store.accounts.put('a', { appSecret: 'SEKRIT-VALUE' }, 'admin');
    await store.close();
    const key = path.join(dir, 'secret.key');
    expect((await stat(key)).mode & 0o777).toBe(0o600);
    const keyText = await readFile(key, 'utf8');
    expect((await stat(path.join(dir, SQLITE_FILE))).mode & 0o777).toBe(0o600);
    store = await openStore({ dataDir: dir });
    expect(await store.accounts.getSecrets('a')).toEqual({ appSecret: 'SEKRIT-VALUE' });
    expect(await readFile(key, 'utf8')).toBe(keyText);
    expect(rawDump(dir, 'accounts')).not.toContain('SEKRIT-VALUE');
  });

  it('uses SECRET_KEY when given (no key file) and rejects a malformed one', async () => {
    const dir = await tempDir();
    const hex = 'ab'.repeat(32);
    store = await openStore({ dataDir: dir, secretKey: hex });
    await store.accounts.put('a', { token: 't0k' }, 'admin');
    await store.close();
    await expect(stat(path.join(dir, 'secret.key'))).rejects.toThrow();
    store = await openStore({ dataDir: dir, secretKey: Buffer.from(hex, 'hex').toString('base64') });
    expect(await store.accounts.getSecrets('a')).toEqual({ token: 't0k' });
    await store.close();
    store = undefined;
    await expect(openStore({ dataDir: dir, secretKey: 'short' })).rejects.toBeInstanceOf(StoreConfigError);
  });

  it('binds a ciphertext to its account and field', () => {
    const box = SecretBox.fromString('cd'.repeat(32));
    const sealed = box.encrypt('s3cret', 'a:token');
    expect(box.decrypt(sealed, 'a:token')).toBe('s3cret');
    expect(() => box.decrypt(sealed, 'b:token')).toThrow();
    expect(() => SecretBox.fromString('ef'.repeat(32)).decrypt(sealed, 'a:token')).toThrow();
  });

  it('expires inbound records after 7 days and replies after 30 of server time, also after a reopen', async () => {
    const dir = await tempDir();
    const day = 24 * 3600 * 1000;
    // The store's server clock is set back; nedb expires by the real clock, so what was stamped
    // "8 days ago" is stale now. The messages' own times play no part.
    let serverNow = Date.now();
    const clock = (): number => serverNow;
    store = await openStore({ dataDir: dir, clock });
    await store.close(); // TTL must hold after a reopen too
    store = await openStore({ dataDir: dir, clock });
    const real = Date.now();
    serverNow = real - 8 * day;
    expect(await store.inbound.claim('a', 'old')).toEqual({ status: 'claimed' });
    serverNow = real - 6 * day;
    await store.inbound.claim('a', 'recent');
    await store.replies.append({
      account: 'a',
      openid: 'u',
      at: new Date(real),
      reply: { n: 'recent' },
      verdict: 'allow',
      codes: [],
    });
    serverNow = real - 31 * day;
    await store.replies.append({
      account: 'a',
      openid: 'u',
      at: new Date(real),
      reply: { n: 'old' },
      verdict: 'allow',
      codes: [],
    });
    serverNow = real;
    expect(await store.inbound.claim('a', 'old')).toEqual({ status: 'claimed' });
    expect(await store.inbound.claim('a', 'recent')).toEqual({ status: 'claimed' }); // stale lease, not expiry
    expect((await store.replies.listForUser('a', 'u', 10)).map((r) => r.reply)).toEqual([{ n: 'recent' }]);
  });

  it('records of messages dated weeks ago are kept: expiry follows server time only', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    const weeksAgo = new Date(Date.now() - 60 * 24 * 3600 * 1000);
    expect(await store.inbound.claim('a', 'm')).toEqual({ status: 'claimed' });
    await store.inbound.stage('a', 'm', { ok: 1 }, { from: 'u', message: {}, at: weeksAgo });
    await store.inbound.complete('a', 'm');
    await store.replies.append({ account: 'a', openid: 'u', at: weeksAgo, reply: {}, verdict: 'allow', codes: [] });
    await store.close();
    store = await openStore({ dataDir: dir });
    expect(await store.inbound.claim('a', 'm')).toEqual({ status: 'done', body: { ok: 1 } });
    expect(await store.replies.listForUser('a', 'u', 10)).toHaveLength(1);
  });

  it('refuses a DATA_DIR held by a live process, takes over a stale lock', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(StoreConfigError);
    await store.close();
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    await writeFile(path.join(dir, 'LOCK'), `${dead}\n`);
    store = await openStore({ dataDir: dir });
    await store.ping();
  });

  it('expired records leave the disk, not only the answers', async () => {
    const dir = await tempDir();
    const stamped = Date.now() - 40 * 24 * 3600 * 1000;
    let serverNow = stamped;
    store = await openStore({ dataDir: dir, clock: () => serverNow });
    await store.replies.append({
      account: 'a',
      openid: 'u',
      at: new Date(),
      reply: { t: 'GONE' },
      verdict: 'allow',
      codes: [],
    });
    serverNow = Date.now();
    await store.replies.append({
      account: 'a',
      openid: 'u',
      at: new Date(),
      reply: { t: 'KEPT' },
      verdict: 'allow',
      codes: [],
    });
    await store.close();
    store = undefined;
    expect(rawDump(dir, 'replies')).toContain('KEPT');
    expect(rawDump(dir, 'replies')).not.toContain('GONE');
  });

  it('a file of the earlier layout (indexes on document expressions) holding 20,000 users is upgraded once, then opens and answers', async () => {
    const dir = await tempDir();
    // 20,000 conversations written straight into a file as the earlier version laid it out.
    const db = new Database(path.join(dir, SQLITE_FILE));
    db.exec('CREATE TABLE c_conversations (id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    db.exec(
      `CREATE UNIQUE INDEX ix_c_conversations_account_openid_u ON c_conversations (${fieldExpr('account')}, ${fieldExpr('openid')})`,
    );
    const put = db.prepare('INSERT INTO c_conversations (id, doc) VALUES (?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i += 1)
        put.run(`a|u${i}`, JSON.stringify({ _id: `a|u${i}`, account: 'a', openid: `u${i}`, v: 1, state: '{"n":1}' }));
    })();
    db.close();
    store = await openStore({ dataDir: dir });
    expect(await store.conversations.get('a', 'u19999')).toEqual({ state: { n: 1 }, v: 1 });
    expect(await store.conversations.get('a', 'u20000')).toBeNull();
    await store.close();
    const upgraded = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
    const indexes = upgraded
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'c_conversations' AND name LIKE 'ix%'`,
      )
      .pluck()
      .all();
    expect(indexes).toEqual(['ixc_c_conversations_account_openid_u', 'ixc_c_conversations_expiresAt_ttl0']);
    expect(upgraded.prepare(`SELECT count(*) FROM c_conversations WHERE f_openid IS NULL`).pluck().get()).toBe(0);
    upgraded.close();
    store = await openStore({ dataDir: dir });
    expect(await store.conversations.get('a', 'u7')).toEqual({ state: { n: 1 }, v: 1 });
  });

  it('queries on indexed fields use the index on their columns', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    await store.close();
    store = undefined;
    const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
    const plan = (sql: string): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    const where = (table: string, fields: string[]): string =>
      `SELECT doc FROM ${table} WHERE ${fields.map((f) => `${fieldColumn(f)} = 'x'`).join(' AND ')}`;
    expect(plan(where('c_conversations', ['account', 'openid']))).toMatch(
      /USING INDEX ixc_c_conversations_account_openid/,
    );
    expect(plan(where('c_inbound', ['account', 'key']))).toMatch(/USING INDEX ixc_c_inbound_account_key/);
    db.close();
  });

  it("every write keeps an indexed field's column equal to the document: queries find the new value, never the old", async () => {
    const dir = await tempDir();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'kept');
      await c.ensureIndexes([{ fields: ['tag', 'n'] }, { fields: ['at'] }, { fields: ['on'] }]);
      await c.insertOne({ _id: 'a', tag: 'x', n: 1, at: new Date(5), on: true, note: 'first' });
      await c.insertMany([
        { _id: 'b', tag: 'y', n: 2 },
        { _id: 'c', tag: 'y', n: 3 },
      ]);
      await c.updateOne({ _id: 'a' }, { $set: { note: 'only the document' } });
      expect((await c.find({ tag: 'x', n: 1, at: new Date(5), on: true })).map((d) => d['note'])).toEqual([
        'only the document',
      ]);
      await c.updateOne({ _id: 'a' }, { $set: { tag: 'z', at: new Date(9), on: false }, $inc: { n: 10 } });
      expect(await c.count({ tag: 'x' })).toBe(0);
      expect(await c.count({ n: 1 })).toBe(0);
      expect((await c.find({ tag: 'z', n: 11, at: { $gt: new Date(8) }, on: false })).map((d) => d['_id'])).toEqual([
        'a',
      ]);
      await c.updateOne({ _id: 'b' }, { $unset: { tag: true } });
      expect((await c.find({ tag: null })).map((d) => d['_id'])).toEqual(['b']);
      await c.findOneAndUpdate({ _id: 'd', tag: 'w' }, { $set: { n: 4 } }, { upsert: true });
      expect((await c.find({ tag: 'w', n: 4 })).map((d) => d['_id'])).toEqual(['d']);
      expect(await c.countBy({}, 'tag')).toEqual([
        { value: null, count: 1 },
        { value: 'w', count: 1 },
        { value: 'y', count: 1 },
        { value: 'z', count: 1 },
      ]);
      // What the columns hold is what the documents say, row by row.
      const rows = db.prepare(`SELECT doc, f_tag, f_n, f_at, f_on FROM c_kept`).all() as Array<Record<string, unknown>>;
      for (const r of rows) {
        expect(r['f_tag']).toBe(
          db
            .prepare(`SELECT ${fieldExpr('tag')} FROM (SELECT ? AS doc)`)
            .pluck()
            .get(r['doc']),
        );
        expect(r['f_n']).toBe(
          db
            .prepare(`SELECT ${fieldExpr('n')} FROM (SELECT ? AS doc)`)
            .pluck()
            .get(r['doc']),
        );
        expect(r['f_at']).toBe(
          db
            .prepare(`SELECT ${fieldExpr('at')} FROM (SELECT ? AS doc)`)
            .pluck()
            .get(r['doc']),
        );
        expect(r['f_on']).toBe(
          db
            .prepare(`SELECT ${fieldExpr('on')} FROM (SELECT ? AS doc)`)
            .pluck()
            .get(r['doc']),
        );
      }
    } finally {
      db.close();
    }
  });

  it("a typical answered message's events are one row on disk: its group and auto reply ride on it", async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    const place = { account: 'a', openid: 'u', t: new Date(), day: '2026-11-24', hour: '2026-11-24T10' };
    await store.events.appendAll(place, [
      { kind: 'message', message: { type: 'text', content: '退钱' }, type: 'text', matched: true },
      { kind: 'match', group: '退款' },
      { kind: 'reply', by: 'auto' },
    ]);
    await store.events.appendAll(place, [
      { kind: 'message', message: { type: 'text', content: '退钱，物流' }, type: 'text', matched: true },
      { kind: 'match', group: '退款' },
      { kind: 'match', group: '物流' },
      { kind: 'reason', code: 'PROMOTION', severity: 'warn' },
      { kind: 'reply', by: 'auto' },
      { kind: 'reply', by: 'auto' },
    ]);
    const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true });
    const kinds = db.prepare(`SELECT json_extract(doc, '$.kind') FROM c_events ORDER BY rowid`).pluck().all();
    db.close();
    // The second message: its row, then its second group, its reason and its second reply.
    expect(kinds).toEqual(['message', 'message', 'match', 'reason', 'reply']);
  });

  it('a claim staged by an earlier version (before a crash and an upgrade) still answers its retry', async () => {
    const db = openSqliteDatabase(null);
    try {
      const c = new SqliteCollection(db, 'inbound');
      const inbound = new InboundLogRepository(c, () => Date.now());
      const at = new Date();
      await c.insertOne({
        _id: 'old',
        account: 'a',
        key: 'm',
        status: 'pending',
        at,
        claimedAt: at,
        staged: '{"n":1}',
      });
      expect(await inbound.staged('a', 'm')).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('updateOne rewrites a document inside SQLite exactly as the read-modify-write path does', async () => {
    const db = openSqliteDatabase(null);
    try {
      // findOneAndUpdate always reads, applies in JavaScript and writes back: the reference.
      const inPlace = new SqliteCollection(db, 'inplace');
      const reference = new SqliteCollection(db, 'reference');
      const indexes = [{ fields: ['k', 'n'] }, { fields: ['at'], expireAfterSeconds: 3600 }];
      await inPlace.ensureIndexes(indexes);
      await reference.ensureIndexes(indexes);
      const start = { k: 'a', n: 1, at: new Date(Date.now()), s: 'x', nested: { d: new Date(3), q: 'say "hi"' } };
      await inPlace.insertOne({ _id: 'd', ...start });
      await reference.insertOne({ _id: 'd', ...start });
      const updates: Update[] = [
        { $set: { s: 'it\'s "quoted" \\ 中文', list: [1, 'two', null, { at: new Date(7) }] } },
        { $set: { k: 'b', flag: true, none: null }, $inc: { n: 2, fresh: 5 } },
        { $unset: { nested: true, missing: true }, $inc: { n: -0.5 } },
        { $set: { at: new Date(Date.now() + 1000), obj: { $date: 'not a date', x: 1 } } },
        {
          $set: {
            big: 1e21,
            tiny: -0.000001,
            nan: Number.NaN,
            inf: Number.POSITIVE_INFINITY,
            json: '{"a":[1,"\\u4e2d"]}',
          },
        },
        { $unset: { k: true } },
      ];
      for (const u of updates) {
        expect(await inPlace.updateOne({ _id: 'd' }, u)).toEqual({ matched: 1, upserted: false });
        expect(await reference.findOneAndUpdate({ _id: 'd' }, u)).not.toBeNull();
        const [a, b] = await Promise.all([inPlace.findOne({ _id: 'd' }), reference.findOne({ _id: 'd' })]);
        expect(a).toEqual(b);
      }
      // The columns follow: the queries on indexed fields see the same documents.
      for (const filter of [{ k: null }, { n: 2.5 }, { at: { $gt: new Date(Date.now() + 500) } }])
        expect(await inPlace.count(filter)).toBe(await reference.count(filter));
      expect(await inPlace.count({ k: null, n: 2.5 })).toBe(1);
      // No match, and what only the JavaScript path decides, behave as before.
      expect(await inPlace.updateOne({ _id: 'd', n: 99 }, { $set: { s: 'y' } })).toEqual({
        matched: 0,
        upserted: false,
      });
      await expect(inPlace.updateOne({ _id: 'd' }, { $inc: { s: 1 } })).rejects.toThrow(/non-number/);
      await expect(inPlace.updateOne({ _id: 'd' }, { $inc: { none: 1 } })).rejects.toThrow(/non-number/);
      expect((await inPlace.findOne({ _id: 'd' }))?.['s']).toBe('it\'s "quoted" \\ 中文');
    } finally {
      db.close();
    }
  });

  it('stores Dates at any depth without changing the caller’s document, a key named __proto__ included', async () => {
    const db = openSqliteDatabase(null);
    try {
      const c = new SqliteCollection(db, 'dates');
      // JSON.parse makes __proto__ an own key, as a document read from anywhere may have it.
      const doc = JSON.parse('{"_id":"d","plain":["a","b"],"__proto__":{"x":1},"deep":[{"n":1}]}') as Record<
        string,
        unknown
      > & { _id: string };
      Object.defineProperty(doc, '__proto__', { value: new Date(5), enumerable: true, writable: true });
      (doc['deep'] as Array<Record<string, unknown>>).push({ at: new Date(9) });
      const before = JSON.stringify(doc);
      await c.insertOne(doc);
      expect(JSON.stringify(doc)).toBe(before);
      expect(doc['__proto__']).toBeInstanceOf(Date);
      const read = await c.findOne({ _id: 'd' });
      expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
      expect(Object.keys(read ?? {})).toEqual(['_id', 'plain', '__proto__', 'deep']);
      expect(Object.getOwnPropertyDescriptor(read, '__proto__')?.value).toEqual(new Date(5));
      expect(read?.['deep']).toEqual([{ n: 1 }, { at: new Date(9) }]);
      expect(read?.['plain']).toEqual(['a', 'b']);
    } finally {
      db.close();
    }
  });

  it('pages through a collection with one prepared statement per query shape, whatever the offset', async () => {
    const dir = await tempDir();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'paged');
      await c.ensureIndexes([{ fields: ['n'] }]);
      for (let n = 0; n < 30; n++) await c.insertOne({ _id: `d${n}`, n });
      const seen: number[] = [];
      for (let skip = 0; skip < 30; skip += 3)
        seen.push(...(await c.find({}, { sort: { n: 1 }, skip, limit: 3 })).map((d) => Number(d['n'])));
      expect(seen).toEqual([...Array(30).keys()]);
      const sizes = new Set<number>();
      for (let limit = 1; limit <= 5; limit++) sizes.add((await c.countBy({}, 'n', { limit })).length);
      expect([...sizes]).toEqual([1, 2, 3, 4, 5]);
      // The cache is private; a long-running server pages with ever new offsets, so its size is the point.
      const cached = (c as unknown as { statements: Map<string, unknown> }).statements;
      const before = cached.size;
      for (let skip = 0; skip < 200; skip++) await c.find({}, { sort: { n: 1 }, skip, limit: 2 });
      expect(cached.size).toBe(before);
    } finally {
      db.close();
    }
  });

  it('a cached statement serves only its own shape: other values, $in sizes, null and $ne, a new index, odd field names', async () => {
    const dir = await tempDir();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'shapes');
      await c.ensureIndexes([{ fields: ['k'] }]);
      await c.insertMany([
        { _id: 'a', k: 'x', n: 1, g: 'p' },
        { _id: 'b', k: 'y', n: 2 },
        { _id: 'c', k: 'z', n: 3, g: 'q' },
      ]);
      const ids = async (filter: Parameters<typeof c.find>[0]) =>
        (await c.find(filter, { sort: { n: 1 } })).map((d) => d['_id']);
      expect(await ids({ k: 'x' })).toEqual(['a']);
      expect(await ids({ k: 'y' })).toEqual(['b']);
      expect(await ids({ k: { $in: ['x', 'z'] } })).toEqual(['a', 'c']);
      expect(await ids({ k: { $in: ['y'] } })).toEqual(['b']);
      expect(await ids({ k: { $in: [] } })).toEqual([]);
      expect(await ids({ g: null })).toEqual(['b']);
      expect(await ids({ g: { $ne: null } })).toEqual(['a', 'c']);
      expect(await ids({ g: { $ne: 'p' } })).toEqual(['b', 'c']);
      expect(await ids({ n: { $gte: 2 } })).toEqual(['b', 'c']);
      expect(await ids({ n: { $gt: 2 } })).toEqual(['c']);
      // An update of one shape with a scalar, then an object value (bound as JSON), then the filter's other value.
      await c.updateOne({ k: 'x' }, { $set: { g: 'r' } });
      await c.updateOne({ k: 'y' }, { $set: { g: { deep: 1 } } });
      await c.updateOne({ k: 'z' }, { $set: { g: 's' } });
      expect((await c.find({}, { sort: { n: 1 } })).map((d) => d['g'])).toEqual(['r', { deep: 1 }, 's']);
      // A new index gives `n` a column: the same shapes now read it there, and still find the same rows.
      await c.ensureIndexes([{ fields: ['k'] }, { fields: ['n'] }]);
      expect(await ids({ n: { $gte: 2 } })).toEqual(['b', 'c']);
      await c.updateOne({ k: 'z' }, { $inc: { n: 10 } });
      expect(await ids({ n: 13 })).toEqual(['c']);
      // Field names that could pass for another shape's text are refused, not served a cached statement.
      await expect(c.find({ 'k=,n': 'x' })).rejects.toThrow(/unsupported field name/);
      await expect(c.find({}, { sort: { 'n+': 1 } })).rejects.toThrow(/unsupported field name/);
    } finally {
      db.close();
    }
  });

  it('imports a data directory written by the earlier NeDB store once, on first start', async () => {
    const dir = await tempDir();
    const nedbLine = (doc: Record<string, unknown>): string => `${JSON.stringify(doc)}\n`;
    await writeFile(
      path.join(dir, 'drafts.db'),
      nedbLine({
        _id: 'd1',
        account: 'a',
        kind: 'flow',
        id: 'f1',
        doc: '{"name":"old"}',
        revision: 1,
        createdAt: { $$date: 1000 },
        createdBy: 'x',
        updatedAt: { $$date: 1000 },
        updatedBy: 'x',
      }) +
        nedbLine({ $$indexCreated: { fieldName: 'account,kind,id', unique: true } }) +
        nedbLine({
          _id: 'd2',
          account: 'a',
          kind: 'flow',
          id: 'f2',
          doc: '{}',
          revision: 1,
          createdAt: { $$date: 1000 },
          createdBy: 'x',
          updatedAt: { $$date: 1000 },
          updatedBy: 'x',
        }) +
        nedbLine({
          _id: 'd1',
          account: 'a',
          kind: 'flow',
          id: 'f1',
          doc: '{"name":"new"}',
          revision: 2,
          createdAt: { $$date: 1000 },
          createdBy: 'x',
          updatedAt: { $$date: 2000 },
          updatedBy: 'y',
        }) +
        nedbLine({ $$deleted: true, _id: 'd2' }) +
        '{"_id":"torn","acc',
    );
    store = await openStore({ dataDir: dir });
    const docs = await store.documents.list('a', 'flow');
    expect(docs.map((d) => [d.id, d.revision, d.doc])).toEqual([['f1', 2, { name: 'new' }]]);
    expect(docs[0]?.updatedAt).toEqual(new Date(2000));
    expect(await readdir(dir)).toContain('drafts.db.imported');
    await store.close();
    store = await openStore({ dataDir: dir }); // not imported twice
    expect(await store.documents.list('a', 'flow')).toHaveLength(1);
  });

  it('refuses to import a NeDB file with real corruption instead of dropping it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'audit.db'), 'garbage that is not json\n{"_id":"x","account":"a"}\n');
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(StoreCorruptError);
  });

  it('answers STORE_UNAVAILABLE when the disk refuses a write, and nothing half-written shows', async () => {
    const dir = await tempDir();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'full');
      await c.ensureIndexes([{ fields: ['k'], unique: true }]);
      await c.insertOne({ _id: 'kept', k: 'kept' });
      // The file may not grow: the next page it needs is refused as SQLITE_FULL, a disk fault.
      const pages = Number(db.pragma('page_count', { simple: true }));
      db.pragma(`max_page_count = ${pages}`);
      const big = 'x'.repeat(200_000);
      await expect(c.insertOne({ _id: 'lost', k: 'lost', big })).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(c.updateOne({ _id: 'kept' }, { $set: { big } })).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await c.find({})).toEqual([{ _id: 'kept', k: 'kept' }]);
    } finally {
      db.close();
    }
  });

  it('insertMany writes all or none: a duplicate key at the end of a short or a long list leaves nothing of it', async () => {
    const dir = await tempDir();
    const db = openSqliteDatabase(dir);
    try {
      const c = new SqliteCollection(db, 'many');
      await c.ensureIndexes([{ fields: ['k'], unique: true }]);
      await c.insertOne({ _id: 'kept', k: 'kept' });
      const docs = (n: number, tag: string) =>
        Array.from({ length: n }, (_, i) => ({ _id: `${tag}${i}`, k: `${tag}${i}`, at: new Date(i) }));
      await expect(c.insertMany([...docs(3, 'a'), { _id: 'dup', k: 'kept' }])).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
      await expect(c.insertMany([...docs(200, 'b'), { _id: 'kept', k: 'other' }])).rejects.toBeInstanceOf(
        DuplicateKeyError,
      );
      expect(await c.count({})).toBe(1);
      await c.insertMany(docs(200, 'c'));
      expect(await c.count({})).toBe(201);
      expect(await c.findOne({ _id: 'c199' })).toEqual({ _id: 'c199', k: 'c199', at: new Date(199) });
    } finally {
      db.close();
    }
  });

  it('refuses calls after close', async () => {
    const dir = await tempDir();
    const s = await openStore({ dataDir: dir });
    await s.close();
    await expect(s.tokens.count()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
