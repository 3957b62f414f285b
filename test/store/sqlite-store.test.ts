import { spawnSync } from 'node:child_process';
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
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

describeStoreContract('nedb', () => {
  let dir = '';
  return {
    async open(clock) {
      dir = await mkdtemp(path.join(tmpdir(), 'rf-contract-'));
      return openStore({ dataDir: dir, clock });
    },
    rawDump: (collection) => readFile(path.join(dir, `${collection}.db`), 'utf8'),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('nedb store specifics', () => {
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
    expect((await stat(path.join(dir, 'accounts.db'))).mode & 0o777).toBe(0o600);
    store = await openStore({ dataDir: dir });
    expect(await store.accounts.getSecrets('a')).toEqual({ appSecret: 'SEKRIT-VALUE' });
    expect(await readFile(key, 'utf8')).toBe(keyText);
    expect(await readFile(path.join(dir, 'accounts.db'), 'utf8')).not.toContain('SEKRIT-VALUE');
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
    await store.close(); // the reopen is what nedb gets wrong: TTL is not restored from the file
    store = await openStore({ dataDir: dir, clock });
    const real = Date.now();
    serverNow = real - 8 * day;
    expect(await store.inbound.claim('a', 'old')).toEqual({ status: 'claimed' });
    serverNow = real - 6 * day;
    await store.inbound.claim('a', 'recent');
    await store.replies.append({ account: 'a', openid: 'u', at: new Date(real), reply: { n: 'recent' }, verdict: 'allow', codes: [] });
    serverNow = real - 31 * day;
    await store.replies.append({ account: 'a', openid: 'u', at: new Date(real), reply: { n: 'old' }, verdict: 'allow', codes: [] });
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
    await store.inbound.complete('a', 'm', { ok: 1 }, { from: 'u', message: {}, at: weeksAgo });
    await store.replies.append({ account: 'a', openid: 'u', at: weeksAgo, reply: {}, verdict: 'allow', codes: [] });
    await store.close();
    store = await openStore({ dataDir: dir });
    expect(await store.inbound.claim('a', 'm')).toEqual({ status: 'done', body: { ok: 1 } });
    expect(await store.replies.listForUser('a', 'u', 10)).toHaveLength(1);
  });

  it('the maintenance sweep removes expired records from disk', async () => {
    const dir = await tempDir();
    const stamped = Date.now() - 40 * 24 * 3600 * 1000;
    store = await openStore({ dataDir: dir, compactEveryMs: 60_000, clock: () => stamped });
    await store.replies.append({ account: 'a', openid: 'u', at: new Date(), reply: { t: 'GONE' }, verdict: 'allow', codes: [] });
    expect(await readFile(path.join(dir, 'replies.db'), 'utf8')).toContain('GONE');
    await store.close(); // close runs the same sweep + compaction as the timer
    store = undefined;
    expect(await readFile(path.join(dir, 'replies.db'), 'utf8')).not.toContain('GONE');
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

  it('opens a datafile whose last line is torn, keeping every complete line', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    for (let i = 0; i < 3; i += 1) await store.documents.create('a', 'flow', `f${i}`, { i }, 'x');
    await store.close();
    store = undefined;
    await appendFile(path.join(dir, 'drafts.db'), '{"_id":"torn","account":"a","kind":"fl');
    store = await openStore({ dataDir: dir });
    expect((await store.documents.list('a', 'flow')).map((d) => d.id)).toEqual(['f0', 'f1', 'f2']);
    expect((await readdir(dir)).some((f) => f.startsWith('drafts.db.torn-'))).toBe(true);
    // Unique indexes are back after the reopen too.
    await expect(store.documents.create('a', 'flow', 'f0', {}, 'x')).rejects.toBeInstanceOf(DuplicateKeyError);
  });

  it('keeps a complete last line that only lost its newline', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    await store.close();
    store = undefined;
    const line = JSON.stringify({ _id: 'z', hash: 'h', name: 'n', role: 'viewer', createdAt: { $$date: 0 }, createdBy: 'x', revoked: false });
    await appendFile(path.join(dir, 'tokens.db'), line);
    store = await openStore({ dataDir: dir });
    expect((await store.tokens.list()).map((t) => t.id)).toEqual(['z']);
  });

  it('refuses to load real corruption instead of dropping it', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    for (let i = 0; i < 30; i += 1) await store.audit.append({ at: new Date(), account: 'a', actor: 'x', action: 'y', target: `${i}` });
    await store.close();
    store = undefined;
    const file = path.join(dir, 'audit.db');
    await writeFile(file, `garbage that is not json\n${await readFile(file, 'utf8')}`);
    await expect(openStore({ dataDir: dir })).rejects.toBeInstanceOf(StoreCorruptError);
    // The failed open released its lock: fix the file and it opens.
    await writeFile(file, (await readFile(file, 'utf8')).split('\n').slice(1).join('\n'));
    store = await openStore({ dataDir: dir });
    expect(await store.audit.list('a', { limit: 100 })).toHaveLength(30);
  });

  it('after a failed disk write answers STORE_UNAVAILABLE until reopened', async () => {
    const dir = await tempDir();
    store = await openStore({ dataDir: dir });
    await store.audit.append({ at: new Date(), account: 'a', actor: 'x', action: 'kept', target: 't' });
    // Make the next append fail (root ignores file modes, so put a directory in the file's place).
    await rm(path.join(dir, 'audit.db'));
    await mkdir(path.join(dir, 'audit.db'));
    const write = store.audit.append({ at: new Date(), account: 'a', actor: 'x', action: 'lost', target: 't' });
    await expect(write).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.audit.list('a')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
    store = undefined;
  });

  it('refuses calls after close', async () => {
    const dir = await tempDir();
    const s = await openStore({ dataDir: dir });
    await s.close();
    await expect(s.tokens.count()).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
