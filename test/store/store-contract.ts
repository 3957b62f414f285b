import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import type { Store } from '../../server/src/store/open-store.js';
import { DuplicateKeyError } from '../../server/src/store/store-errors.js';

/** How a backend is opened for the contract suite; `rawDump` returns every stored byte as text. */
export interface ContractBackend {
  /** `clock`: the store's server clock, which the suite moves to test leases. */
  open(clock: () => number): Promise<Store>;
  rawDump(collection: string): Promise<string>;
  cleanup(): Promise<void>;
}

let seq = 0;
/** A fresh account per test, so tests share one store without seeing each other. */
const acct = (): string => `acct-${Date.now().toString(36)}-${(seq += 1)}`;
const T0 = new Date('2026-11-24T02:00:00.000Z');
const plus = (ms: number): Date => new Date(T0.getTime() + ms);

/** The store contract, written once and run against every backend. */
export function describeStoreContract(label: string, backend: () => ContractBackend): void {
  describe(`store contract: ${label}`, () => {
    let b: ContractBackend;
    let store: Store;
    // The store's server clock starts at the real time and only moves forward.
    let serverNow = Date.now();
    const advance = (ms: number): void => {
      serverNow += ms;
    };
    beforeAll(async () => {
      b = backend();
      store = await b.open(() => serverNow);
    });
    afterAll(async () => {
      await store?.close();
      await b.cleanup();
    });

    describe('conversations', () => {
      it('creates once, then compare-and-sets on v', async () => {
        const a = acct();
        expect(await store.conversations.get(a, 'u1')).toBeNull();
        expect(await store.conversations.put(a, 'u1', { n: 1 }, null)).toBe(true);
        expect(await store.conversations.put(a, 'u1', { n: 9 }, null)).toBe(false);
        expect(await store.conversations.get(a, 'u1')).toEqual({ state: { n: 1 }, v: 1 });
        expect(await store.conversations.put(a, 'u1', { n: 2 }, 1)).toBe(true);
        expect(await store.conversations.put(a, 'u1', { n: 3 }, 1)).toBe(false);
        expect(await store.conversations.put(a, 'nobody', { n: 3 }, 1)).toBe(false);
        expect(await store.conversations.get(a, 'u1')).toEqual({ state: { n: 2 }, v: 2 });
        expect(await store.conversations.get(acct(), 'u1')).toBeNull();
      });

      it('keeps any JSON state, keys with $ and . included', async () => {
        const a = acct();
        const state = { $schema: 'x', 'a.b': [1, null, { $c: 'd' }], s: '退钱\n' };
        await store.conversations.put(a, 'u', state, null);
        expect((await store.conversations.get(a, 'u'))?.state).toEqual(state);
      });

      it('20 concurrent read-compute-CAS writers keep every increment', async () => {
        const a = acct();
        const writer = async (i: number): Promise<void> => {
          for (;;) {
            const cur = await store.conversations.get(a, 'hot');
            const prev = cur?.state as { seen: number[] } | undefined;
            const next = { seen: [...(prev?.seen ?? []), i] };
            if (await store.conversations.put(a, 'hot', next, cur?.v ?? null)) return;
          }
        };
        await Promise.all(Array.from({ length: 20 }, (_, i) => writer(i)));
        const end = await store.conversations.get(a, 'hot');
        expect(end?.v).toBe(20);
        const seen = (end?.state as { seen: number[] }).seen;
        expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
      });
    });

    describe('profiles', () => {
      it('records tags as a set and one topic hit per message key, however often the key is recorded', async () => {
        const a = acct();
        expect(await store.profiles.get(a, 'u')).toBeNull();
        await store.profiles.record(a, 'u', 'm1', { tags: ['vip'], topics: ['refund'], nickname: '小明' }, T0);
        await store.profiles.record(
          a,
          'u',
          'm2',
          { tags: ['vip', 'new'], topics: ['refund', 'ship'], nickname: null },
          plus(1),
        );
        // m2 again (a retry, or a recompute after a lost race) replaces its own hits.
        await store.profiles.record(a, 'u', 'm2', { tags: [], topics: ['refund'], nickname: null }, plus(2));
        expect(await store.profiles.get(a, 'u')).toEqual({
          tags: ['vip', 'new'],
          topics: { refund: 2 },
          preferences: {},
          nickname: '小明',
          updatedAt: plus(2),
        });
        // What a retry of m2 computes from: the profile before m2's hits.
        expect((await store.profiles.get(a, 'u', 'm2'))?.topics).toEqual({ refund: 1 });
        expect(await store.profiles.get(acct(), 'u')).toBeNull();
      });

      it('20 concurrent messages of one user all count', async () => {
        const a = acct();
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            store.profiles.record(a, 'u', `m${i}`, { tags: [`t${i % 3}`], topics: ['g'], nickname: null }, T0),
          ),
        );
        const p = await store.profiles.get(a, 'u');
        expect(p?.topics).toEqual({ g: 20 });
        expect(p?.tags.sort()).toEqual(['t0', 't1', 't2']);
      });

      it('adopts an earlier copy only when the user has no profile yet', async () => {
        const a = acct();
        expect(await store.profiles.adopt(a, 'u', { tags: ['old'], topics: { g: 3 } }, T0)).toMatchObject({
          tags: ['old'],
          topics: { g: 3 },
        });
        expect(await store.profiles.adopt(a, 'u', { tags: ['stale'], topics: { g: 1 } }, T0)).toMatchObject({
          tags: ['old'],
          topics: { g: 3 },
        });
      });
    });

    describe('inbound log', () => {
      it('claims once; a second claim sees pending, then done with the first body', async () => {
        const a = acct();
        expect(await store.inbound.claim(a, 'm1')).toEqual({ status: 'claimed' });
        advance(1000);
        expect(await store.inbound.claim(a, 'm1')).toEqual({ status: 'pending' });
        const body = { duplicate: false, replies: [{ reply: { type: 'text', content: 'hi' } }] };
        await store.inbound.stage(a, 'm1', body, { from: 'u', message: { type: 'text' }, at: T0 });
        // Staged, not yet done: a duplicate still waits (the state that applies it may not be written).
        expect(await store.inbound.claim(a, 'm1')).toEqual({ status: 'pending' });
        expect(await store.inbound.complete(a, 'm1')).toBe(true);
        advance(1000);
        expect(await store.inbound.claim(a, 'm1')).toEqual({ status: 'done', body });
        expect(await store.inbound.release(a, 'm1')).toBe(false); // done records stay
        expect(await store.inbound.claim(acct(), 'm1')).toEqual({ status: 'claimed' });
      });

      it('a message dated long ago (or far ahead) is deduplicated all the same', async () => {
        const a = acct();
        const body = { duplicate: false };
        for (const at of [new Date('2001-01-01T00:00:00Z'), new Date('2099-01-01T00:00:00Z')]) {
          const key = `old-${at.getTime()}`;
          expect(await store.inbound.claim(a, key)).toEqual({ status: 'claimed' });
          await store.inbound.stage(a, key, body, { from: 'u', message: { type: 'text' }, at });
          await store.inbound.complete(a, key);
          expect(await store.inbound.claim(a, key)).toEqual({ status: 'done', body });
        }
      });

      it('exactly one of 10 concurrent claims wins', async () => {
        const a = acct();
        const r = await Promise.all(Array.from({ length: 10 }, () => store.inbound.claim(a, 'k')));
        expect(r.filter((x) => x.status === 'claimed')).toHaveLength(1);
        expect(r.filter((x) => x.status === 'pending')).toHaveLength(9);
      });

      it('release lets a retry process; a stale pending claim is taken over', async () => {
        const a = acct();
        await store.inbound.claim(a, 'k');
        expect(await store.inbound.release(a, 'k')).toBe(true);
        expect(await store.inbound.claim(a, 'k')).toEqual({ status: 'claimed' });
        advance(30_000);
        expect(await store.inbound.claim(a, 'k')).toEqual({ status: 'pending' });
        // The claimant died: after the 60 s lease one retry (and only one) takes over.
        advance(40_000);
        const r = await Promise.all([store.inbound.claim(a, 'k'), store.inbound.claim(a, 'k')]);
        expect(r.map((x) => x.status).sort()).toEqual(['claimed', 'pending']);
      });

      it('a released claim keeps its staged result for the retry; completing drops it', async () => {
        const a = acct();
        expect(await store.inbound.claim(a, 's')).toEqual({ status: 'claimed' });
        await store.inbound.stage(a, 's', { replies: ['first'] }, { from: 'u', message: {}, at: T0 });
        expect(await store.inbound.release(a, 's')).toBe(true);
        // The retry takes the claim over at once (no lease wait) and finds what was staged.
        expect(await store.inbound.claim(a, 's')).toEqual({ status: 'claimed' });
        expect(await store.inbound.staged(a, 's')).toEqual({ replies: ['first'] });
        expect(await store.inbound.complete(a, 's')).toBe(true);
        expect(await store.inbound.claim(a, 's')).toEqual({ status: 'done', body: { replies: ['first'] } });
        expect(await store.inbound.staged(a, 's')).toBeUndefined();
        expect(await store.inbound.complete(a, 's')).toBe(false); // once
        expect(await store.inbound.staged(a, 'never-claimed')).toBeUndefined();
      });

      it('a message not seen before is claimed with its answer staged, in one write; a second claim of it loses', async () => {
        const a = acct();
        expect(await store.inbound.seen(a, 'n1')).toBe(false);
        const record = { from: 'u', message: { type: 'text', content: '退钱' }, at: T0 };
        expect(await store.inbound.claimStaged(a, 'n1', { replies: ['r'] }, record)).toBe(true);
        expect(await store.inbound.seen(a, 'n1')).toBe(true);
        expect(await store.inbound.claimStaged(a, 'n1', { replies: ['other'] }, record)).toBe(false);
        expect(await store.inbound.claim(a, 'n1')).toEqual({ status: 'pending' });
        expect(await store.inbound.staged(a, 'n1')).toEqual({ replies: ['r'] });
        expect(await store.inbound.complete(a, 'n1')).toBe(true);
        expect(await store.inbound.claim(a, 'n1')).toEqual({ status: 'done', body: { replies: ['r'] } });
        expect(await store.inbound.listBetween(a, T0, plus(1), 10)).toEqual([
          { key: 'n1', from: 'u', message: record.message, at: T0, body: { replies: ['r'] } },
        ]);
        // Released (the attempt failed): a retry takes the claim at once and finds what was staged.
        expect(await store.inbound.claimStaged(a, 'n2', { replies: ['s'] }, record)).toBe(true);
        expect(await store.inbound.release(a, 'n2')).toBe(true);
        expect(await store.inbound.claim(a, 'n2')).toEqual({ status: 'claimed' });
        expect(await store.inbound.staged(a, 'n2')).toEqual({ replies: ['s'] });
      });

      it('lists completed messages between two times, oldest first, limited', async () => {
        const a = acct();
        for (let i = 0; i < 5; i += 1) {
          await store.inbound.claim(a, `k${i}`);
          await store.inbound.stage(
            a,
            `k${i}`,
            { i },
            { from: `u${i}`, message: { content: `m${i}` }, at: plus((5 - i) * 1000) },
          );
          await store.inbound.complete(a, `k${i}`);
        }
        // Staged but never completed (its state was not written): not a message the account handled.
        await store.inbound.claim(a, 'pending');
        await store.inbound.stage(a, 'pending', { i: 9 }, { from: 'u9', message: { content: 'm9' }, at: plus(3000) });
        const got = await store.inbound.listBetween(a, plus(2000), plus(5000), 10);
        expect(got.map((g) => g.key)).toEqual(['k3', 'k2', 'k1']);
        expect(got[0]).toEqual({ key: 'k3', from: 'u3', message: { content: 'm3' }, at: plus(2000), body: { i: 3 } });
        expect(await store.inbound.listBetween(a, T0, plus(10_000), 2)).toHaveLength(2);
      });
    });

    describe('documents', () => {
      it('creates at revision 1 and refuses a second create', async () => {
        const a = acct();
        const d = await store.documents.create(a, 'flow', 'f1', { name: 'F', $schema: 's' }, 'alice', T0);
        expect(d).toMatchObject({ kind: 'flow', id: 'f1', revision: 1, createdBy: 'alice', updatedAt: T0 });
        await expect(store.documents.create(a, 'flow', 'f1', {}, 'bob')).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await store.documents.create(a, 'policy', 'f1', {}, 'bob')).toMatchObject({ revision: 1 });
        expect((await store.documents.get(a, 'flow', 'f1'))?.doc).toEqual({ name: 'F', $schema: 's' });
      });

      it('saves by revision: conflict with the current one, not_found when absent', async () => {
        const a = acct();
        await store.documents.create(a, 'flow', 'f', { v: 1 }, 'alice');
        expect(await store.documents.save(a, 'flow', 'f', { v: 2 }, 1, 'bob', T0)).toEqual({ ok: true, revision: 2 });
        expect(await store.documents.save(a, 'flow', 'f', { v: 3 }, 1, 'carol')).toEqual({
          ok: false,
          reason: 'conflict',
          current: 2,
        });
        expect(await store.documents.save(a, 'flow', 'nope', {}, 1, 'bob')).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.documents.get(a, 'flow', 'f')).toMatchObject({
          revision: 2,
          doc: { v: 2 },
          updatedBy: 'bob',
          createdBy: 'alice',
        });
      });

      it('of 10 concurrent saves of one revision exactly one wins', async () => {
        const a = acct();
        await store.documents.create(a, 'keyword-group', 'g', {}, 'x');
        const r = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.documents.save(a, 'keyword-group', 'g', { i }, 1, `u${i}`)),
        );
        expect(r.filter((x) => x.ok)).toHaveLength(1);
        expect(r.filter((x) => !x.ok && x.reason === 'conflict' && x.current === 2)).toHaveLength(9);
      });

      it('lists a kind by id and removes by revision', async () => {
        const a = acct();
        await store.documents.create(a, 'flow', 'b', { b: 1 }, 'x');
        await store.documents.create(a, 'flow', 'a', { a: 1 }, 'x');
        await store.documents.create(a, 'policy', 'p', {}, 'x');
        const list = await store.documents.list(a, 'flow');
        expect(list.map((d) => [d.id, d.doc])).toEqual([
          ['a', { a: 1 }],
          ['b', { b: 1 }],
        ]);
        expect(await store.documents.remove(a, 'flow', 'a', 7)).toEqual({ ok: false, reason: 'conflict', current: 1 });
        expect(await store.documents.remove(a, 'flow', 'a', 1)).toEqual({ ok: true });
        expect(await store.documents.remove(a, 'flow', 'b')).toEqual({ ok: true });
        expect(await store.documents.remove(a, 'flow', 'b')).toEqual({ ok: false, reason: 'not_found' });
        expect(await store.documents.list(a, 'flow')).toEqual([]);
      });
    });

    describe('versions and workspace sequence', () => {
      it('publishes 1, 2… immutable versions and lists metadata', async () => {
        const a = acct();
        expect(await store.versions.publish(a, 'flow', 'f', { v: 1 }, 'alice', 'first', T0)).toEqual({
          version: 1,
          publishedAt: T0,
        });
        expect(await store.versions.publish(a, 'flow', 'f', { v: 2 }, 'bob', '', plus(1))).toEqual({
          version: 2,
          publishedAt: plus(1),
        });
        const list = await store.versions.list(a, 'flow', 'f');
        expect(list).toEqual([
          { kind: 'flow', id: 'f', version: 1, publishedAt: T0, publishedBy: 'alice', note: 'first' },
          { kind: 'flow', id: 'f', version: 2, publishedAt: plus(1), publishedBy: 'bob', note: '' },
        ]);
        expect(await store.versions.get(a, 'flow', 'f', 1)).toMatchObject({ version: 1, doc: { v: 1 } });
        expect(await store.versions.get(a, 'flow', 'f', 3)).toBeNull();
        expect(await store.versions.list(a, 'flow', 'other')).toEqual([]);
      });

      it('10 concurrent publishes are numbered 1..10 without gaps or duplicates', async () => {
        const a = acct();
        const r = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.versions.publish(a, 'policy', 'p', { i }, 'x', `n${i}`)),
        );
        expect(r.map((x) => x.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        const list = await store.versions.list(a, 'policy', 'p');
        expect(list.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      });

      it('latestAll gives the head of every document of the account', async () => {
        const a = acct();
        await store.versions.publish(a, 'flow', 'f1', { f1: 1 }, 'x', '');
        await store.versions.publish(a, 'flow', 'f1', { f1: 2 }, 'x', '');
        await store.versions.publish(a, 'flow', 'f2', { f2: 1 }, 'x', '');
        await store.versions.publish(a, 'policy', 'p', { p: 1 }, 'x', '');
        await store.versions.publish(acct(), 'flow', 'f1', { other: 1 }, 'x', '');
        const heads = await store.versions.latestAll(a);
        expect(heads.map((h) => [h.kind, h.id, h.version, h.doc])).toEqual([
          ['flow', 'f1', 2, { f1: 2 }],
          ['flow', 'f2', 1, { f2: 1 }],
          ['policy', 'p', 1, { p: 1 }],
        ]);
        expect(await store.versions.latestAll(acct())).toEqual([]);
      });

      it('the workspace sequence rises atomically on publish, bump and pack changes', async () => {
        const a = acct();
        expect(await store.versions.workspaceSeq(a)).toBe(0);
        await store.versions.publish(a, 'flow', 'f', {}, 'x', '');
        expect(await store.versions.workspaceSeq(a)).toBe(1);
        const r = await Promise.all(Array.from({ length: 10 }, () => store.versions.bumpWorkspace(a)));
        expect(r.sort((x, y) => x - y)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        await store.packs.install(a, 'medical-health', '1.0.0', {}, 'x');
        await store.packs.setEnabled(a, 'medical-health', false);
        await store.packs.uninstall(a, 'medical-health');
        expect(await store.versions.workspaceSeq(a)).toBe(14);
        await store.packs.uninstall(a, 'medical-health'); // nothing changed, no bump
        expect(await store.versions.workspaceSeq(a)).toBe(14);
      });

      it('a pack change or a time zone change and its sequence are one head: never one without the other', async () => {
        const a = acct();
        await store.versions.publish(a, 'flow', 'f', {}, 'x', '');
        const heads = [await store.versions.head(a)];
        const step = async (change: () => Promise<unknown>) => {
          await change();
          heads.push(await store.versions.head(a));
        };
        await step(() => store.packs.install(a, 'beauty', '1.0.0', { id: 'beauty' }, 'x', T0));
        await step(() => store.packs.setEnabled(a, 'beauty', false));
        await step(() => store.accounts.put(a, { timezone: 'America/New_York' }, 'x', T0));
        await step(() => store.accounts.put(a, { name: 'shop' }, 'x', T0)); // not evaluated: no move
        await step(() => store.accounts.put(a, { timezone: null }, 'x', T0));
        await step(() => store.packs.uninstall(a, 'beauty'));
        expect(
          heads.map((h) => [h.seq, h.packs.map((p) => `${p.packId}:${p.enabled}`), h.timezone, h.published.length]),
        ).toEqual([
          [1, [], null, 1],
          [2, ['beauty:true'], null, 1],
          [3, ['beauty:false'], null, 1],
          [4, ['beauty:false'], 'America/New_York', 1],
          [4, ['beauty:false'], 'America/New_York', 1],
          [5, ['beauty:false'], null, 1],
          [6, [], null, 1],
        ]);
        expect((await store.accounts.get(a))?.timezone).toBeUndefined();
      });

      it('concurrent pack changes and publishes all land, each with its own sequence', async () => {
        const a = acct();
        const packs = ['p1', 'p2', 'p3', 'p4', 'p5'];
        await Promise.all([
          ...packs.map((id) => store.packs.install(a, id, '1.0.0', { id }, 'x', T0)),
          store.versions.publish(a, 'flow', 'f', {}, 'x', ''),
          store.accounts.put(a, { timezone: 'Asia/Tokyo' }, 'x', T0),
        ]);
        const head = await store.versions.head(a);
        expect(head.seq).toBe(7);
        expect(head.packs.map((p) => p.packId).sort()).toEqual(packs);
        expect(head.published.map((p) => p.id)).toEqual(['f']);
        expect(head.timezone).toBe('Asia/Tokyo');
        expect((await store.packs.list(a)).map((p) => p.packId)).toEqual(packs);
      });
    });

    describe('tokens', () => {
      it('returns the token once, stores only its hash, finds live tokens only', async () => {
        const before = await store.tokens.count();
        const t = await store.tokens.create('ci', 'runtime', 'admin', T0);
        expect(t).toMatchObject({ name: 'ci', role: 'runtime', createdAt: T0 });
        expect(t.token).toMatch(/^rf_[A-Za-z0-9_-]{43}$/);
        expect(await store.tokens.findByToken(t.token)).toMatchObject({ id: t.id, role: 'runtime', revoked: false });
        expect(await store.tokens.findByToken(`${t.token}x`)).toBeNull();
        expect(await store.tokens.count()).toBe(before + 1);
        const listed = (await store.tokens.list()).find((x) => x.id === t.id);
        expect(listed).toEqual({
          id: t.id,
          name: 'ci',
          role: 'runtime',
          createdAt: T0,
          createdBy: 'admin',
          revoked: false,
        });
        expect(JSON.stringify(await store.tokens.list())).not.toContain(t.token.slice(3));
        expect(await b.rawDump('tokens')).not.toContain(t.token.slice(3));

        expect(await store.tokens.revoke(t.id, plus(5))).toBe(true);
        expect(await store.tokens.revoke(t.id)).toBe(false);
        expect(await store.tokens.revoke('unknown')).toBe(false);
        expect(await store.tokens.findByToken(t.token)).toBeNull();
        expect(await store.tokens.count()).toBe(before);
        expect((await store.tokens.list()).find((x) => x.id === t.id)).toMatchObject({
          revoked: true,
          revokedAt: plus(5),
        });
      });
    });

    describe('accounts', () => {
      it('encrypts secrets at rest, shows only has* flags, merges and clears', async () => {
        const id = acct();
        const secrets = {
          token: 'tok-PLAINTEXT-1',
          encodingAESKey: 'aeskey-PLAINTEXT-2',
          appSecret: 'appsecret-PLAINTEXT-3',
        };
        const pub = await store.accounts.put(
          id,
          { appId: 'wx123', apiBase: 'https://api.example', ...secrets },
          'admin',
          T0,
        );
        expect(pub).toEqual({
          id,
          appId: 'wx123',
          apiBase: 'https://api.example',
          hasToken: true,
          hasEncodingAESKey: true,
          hasAppSecret: true,
          createdAt: T0,
          updatedAt: T0,
          updatedBy: 'admin',
        });
        expect(await store.accounts.get(id)).toEqual(pub);
        expect(await store.accounts.getSecrets(id)).toEqual(secrets);
        const raw = await b.rawDump('accounts');
        expect(raw).toContain('wx123');
        for (const s of Object.values(secrets)) expect(raw).not.toContain(s);

        // Secrets are write-only: a later put without them keeps them; null clears one.
        const pub2 = await store.accounts.put(id, { apiBase: 'https://other', appSecret: null }, 'bob', plus(1));
        expect(pub2).toMatchObject({
          appId: 'wx123',
          apiBase: 'https://other',
          hasToken: true,
          hasAppSecret: false,
          createdAt: T0,
          updatedBy: 'bob',
        });
        expect(await store.accounts.getSecrets(id)).toEqual({
          token: secrets.token,
          encodingAESKey: secrets.encodingAESKey,
        });
        expect(await store.accounts.getPublic('missing')).toBeNull();
        expect(await store.accounts.getSecrets('missing')).toBeNull();
        expect((await store.accounts.list()).map((x) => x.id)).toContain(id);
      });
    });

    describe('packs', () => {
      it('installs, replaces, enables and uninstalls per account', async () => {
        const a = acct();
        await store.packs.install(a, 'ecommerce', '1.0.0', { id: 'ecommerce', v: 1 }, 'x', T0);
        await store.packs.install(a, 'beauty', '2.0.0', { id: 'beauty' }, 'x', T0);
        expect(await store.packs.setEnabled(a, 'ecommerce', false)).toBe(true);
        expect((await store.packs.list(a)).map((p) => [p.packId, p.version, p.enabled])).toEqual([
          ['beauty', '2.0.0', true],
          ['ecommerce', '1.0.0', false],
        ]);
        const up = await store.packs.install(a, 'ecommerce', '1.1.0', { id: 'ecommerce', v: 2 }, 'y', plus(1));
        expect(up).toEqual({
          packId: 'ecommerce',
          version: '1.1.0',
          enabled: true,
          doc: { id: 'ecommerce', v: 2 },
          installedAt: plus(1),
          installedBy: 'y',
        });
        expect((await store.packs.list(a)).find((p) => p.packId === 'ecommerce')).toEqual(up);
        expect(await store.packs.uninstall(a, 'beauty')).toBe(true);
        expect(await store.packs.uninstall(a, 'beauty')).toBe(false);
        expect(await store.packs.setEnabled(a, 'beauty', true)).toBe(false);
        expect((await store.packs.list(a)).map((p) => p.packId)).toEqual(['ecommerce']);
        expect(await store.packs.list(acct())).toEqual([]);
      });
    });

    describe('audit', () => {
      it('lists newest first with limit and before', async () => {
        const a = acct();
        for (let i = 0; i < 5; i += 1) {
          await store.audit.append({
            at: plus(i * 1000),
            account: a,
            actor: 'alice',
            action: 'flow.save',
            target: `f${i}`,
            detail: { i },
          });
        }
        await store.audit.append({ at: T0, account: acct(), actor: 'x', action: 'y', target: 'z' });
        const all = await store.audit.list(a);
        expect(all.map((e) => e.target)).toEqual(['f4', 'f3', 'f2', 'f1', 'f0']);
        expect(all[0]).toEqual({
          at: plus(4000),
          account: a,
          actor: 'alice',
          action: 'flow.save',
          target: 'f4',
          detail: { i: 4 },
        });
        expect((await store.audit.list(a, { limit: 2 })).map((e) => e.target)).toEqual(['f4', 'f3']);
        expect((await store.audit.list(a, { before: plus(3000), limit: 2 })).map((e) => e.target)).toEqual([
          'f2',
          'f1',
        ]);
      });
    });

    describe('reply log', () => {
      it('lists a user’s committed replies newest first', async () => {
        const a = acct();
        const now = Date.now(); // recent, so the 30-day TTL keeps them
        for (let i = 0; i < 3; i += 1) {
          const reply = { type: 'text', content: `r${i}` };
          await store.replies.append({
            account: a,
            openid: 'u',
            at: new Date(now + i),
            reply,
            verdict: 'warn',
            codes: ['PROMOTION'],
          });
        }
        await store.replies.append({
          account: a,
          openid: 'other',
          at: new Date(now),
          reply: {},
          verdict: 'allow',
          codes: [],
        });
        const got = await store.replies.listForUser(a, 'u', 2);
        expect(got).toEqual([
          {
            account: a,
            openid: 'u',
            at: new Date(now + 2),
            reply: { type: 'text', content: 'r2' },
            verdict: 'warn',
            codes: ['PROMOTION'],
          },
          {
            account: a,
            openid: 'u',
            at: new Date(now + 1),
            reply: { type: 'text', content: 'r1' },
            verdict: 'warn',
            codes: ['PROMOTION'],
          },
        ]);
      });
    });

    describe('events', () => {
      it('appends one message’s events in one write, each counted; an empty list writes nothing', async () => {
        const a = acct();
        const place = { account: a, openid: 'u', t: T0, day: '2026-11-24', hour: '2026-11-24T10' };
        const range = { from: T0, to: plus(1000) };
        await store.events.appendAll(place, []);
        await store.events.appendAll(place, [
          { kind: 'message', message: { from: 'u', type: 'text', content: '退钱' }, type: 'text', matched: true },
          { kind: 'match', group: '退款' },
          { kind: 'match', group: '物流' },
          { kind: 'reason', code: 'PROMOTION', severity: 'warn' },
          { kind: 'reply', by: 'auto' },
        ]);
        // A long list: all of it.
        await store.events.appendAll(
          place,
          Array.from({ length: 150 }, () => ({ kind: 'reply' as const, by: 'auto' as const })),
        );
        expect(await store.events.count(a, 'message', range)).toBe(1);
        expect(await store.events.countBy(a, 'match', range, 'group')).toEqual([
          { value: '物流', count: 1 },
          { value: '退款', count: 1 },
        ]);
        expect(await store.events.countBy(a, 'reason', range, 'code', { severity: 'warn' })).toEqual([
          { value: 'PROMOTION', count: 1 },
        ]);
        expect(await store.events.count(a, 'reply', range, { by: 'auto' })).toBe(151);
        expect(await store.events.lastMessages(a, 'u', 5)).toEqual([{ from: 'u', type: 'text', content: '退钱' }]);
      });

      it('counts a match or an auto reply alike on its message row or on a row of its own (as written before folding)', async () => {
        const a = acct();
        const place = { account: a, openid: 'u', t: T0, day: '2026-11-24', hour: '2026-11-24T10' };
        const range = { from: T0, to: plus(1000) };
        const text = (content: string, matched: boolean) => ({
          kind: 'message' as const,
          message: { from: 'u', type: 'text', content },
          type: 'text',
          matched,
        });
        // Folded: the group and the auto reply ride on the message's row.
        await store.events.appendAll(place, [
          text('退钱', true),
          { kind: 'match', group: '退款' },
          { kind: 'reply', by: 'auto' },
        ]);
        // One row per fact, as an earlier version wrote them.
        await store.events.append(place, text('退款', true));
        await store.events.append(place, { kind: 'match', group: '退款' });
        await store.events.append(place, { kind: 'reply', by: 'auto' });
        await store.events.append(place, { kind: 'reply', by: 'human', agent: 'li' });
        await store.events.appendAll(place, [text('你好', false)]);
        expect(await store.events.count(a, 'message', range)).toBe(3);
        expect(await store.events.count(a, 'message', range, { type: 'text', matched: false })).toBe(1);
        expect(await store.events.countBy(a, 'match', range, 'group')).toEqual([{ value: '退款', count: 2 }]);
        expect(await store.events.count(a, 'reply', range, { by: 'auto' })).toBe(2);
        expect(await store.events.count(a, 'reply', range, { by: 'human' })).toBe(1);
        expect(await store.events.count(a, 'reply', range)).toBe(3);
        expect(await store.events.countBy(a, 'reply', range, 'day', { by: 'auto' })).toEqual([
          { value: '2026-11-24', count: 2 },
        ]);
        expect(await store.events.recentUnmatchedTexts(a, range, 10)).toEqual(['你好']);
        // All at one time: their order among themselves is not defined.
        const last = (await store.events.lastMessages(a, 'u', 5)) as Array<{ content: string }>;
        expect(last.map((m) => m.content).sort()).toEqual(['你好', '退款', '退钱']);
      });
    });

    describe('indexes', () => {
      it('has the unique and TTL indexes', async () => {
        const ix = await store.describeIndexes();
        const has = (c: string, fields: string[], extra: object): void => {
          expect(ix[c]).toEqual(expect.arrayContaining([expect.objectContaining({ fields, ...extra })]));
        };
        has('conversations', ['account', 'openid'], { unique: true });
        has('conversations', ['expiresAt'], { expireAfterSeconds: 0 });
        has('profiles', ['account', 'openid'], { unique: true });
        has('inbound', ['account', 'key'], { unique: true });
        has('inbound', ['at'], { expireAfterSeconds: 7 * 24 * 3600 });
        has('replies', ['at'], { expireAfterSeconds: 30 * 24 * 3600 });
        has('drafts', ['account', 'kind', 'id'], { unique: true });
        has('versions', ['account', 'kind', 'id', 'version'], { unique: true });
        has('tokens', ['hash'], { unique: true });
        has('packs', ['account', 'packId'], { unique: true });
      });

      it('pings', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
      });
    });
  });
}
