/**
 * Coherent caches (issue 12, item 3): instances on one store serve the same published rules.
 * A deleted-then-re-created keyword group never brings back its old published keywords, a
 * publish, a pack change or a time zone change reaches every instance within the refresh bound,
 * and a crash before the workspace document moves leaves every instance on what was there.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { StoreUnavailableError } from '../../server/src/store/store-errors.js';
import type { Collection } from '../../server/src/store/collection.js';
import { ADMIN, startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let a: TestApp;
beforeEach(async () => {
  a = await startTestApp({ seed: false });
});
afterEach(async () => {
  await a.close();
});

type Instance = ReturnType<typeof instanceOnSameStore>;

/** Another app over A's store: its own compiled cache, only the store in common. */
function instanceOnSameStore() {
  const http = supertest(
    createApp({ store: a.store, log: createLogger('silent'), adminToken: ADMIN, clock: () => T0 }),
  );
  return {
    post: (url: string, body: object) => http.post(url).set('Authorization', `Bearer ${ADMIN}`).send(body),
    get: (url: string) => http.get(url).set('Authorization', `Bearer ${ADMIN}`),
  };
}

const group = invoiceGroup;
const flow = invoiceFlow('发票在订单详情页申请。');

/** The reply texts an instance would send for one message, without committing anything. */
async function answer(instance: Pick<Instance, 'post'>, content: string): Promise<string[]> {
  const r = await instance.post('/api/v1/inbound', { ...text('u-coherent', content, T0), dryRun: true });
  expect(r.status).toBe(200);
  return (r.body.replies as Array<{ reply: { content: string } }>).map((x) => x.reply.content);
}

/**
 * Asks until every instance answers `expected` (each trusts a read sequence for 1 s); gives up,
 * showing the answers, after far more asks than that bound needs.
 */
async function untilAllAnswer(instances: Array<Pick<Instance, 'post'>>, content: string, expected: string[]) {
  await untilAll(instances, (i) => answer(i, content), expected);
}

async function untilAll<I, T>(instances: I[], probe: (instance: I) => Promise<T>, expected: T) {
  let answers: T[] = [];
  for (let ask = 0; ask < 200; ask += 1) {
    answers = await Promise.all(instances.map(probe));
    if (answers.every((x) => JSON.stringify(x) === JSON.stringify(expected))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(answers).toEqual(instances.map(() => expected));
}

async function publish(kind: string, id: string) {
  const r = await a.post(`/api/v1/${kind}/${id}/publish`, { note: 'coherence' });
  expect(r.status).toBe(201);
  return r.body.version as number;
}

const REPLY = ['发票在订单详情页申请。'];

/** Instance A publishes the 发票 group and its flow; both A and a second instance B then serve it. */
async function publishInvoiceSeenByTwo() {
  const b = instanceOnSameStore();
  expect((await a.post('/api/v1/keyword-groups', group(['发票']))).status).toBe(201);
  expect((await a.post('/api/v1/flows', flow)).status).toBe(201);
  await publish('keyword-groups', 'invoice');
  await publish('flows', 'invoice-flow');
  await untilAllAnswer([a, b], '我要发票', REPLY);
  return b;
}

describe('instances on one store serve the same published rules', () => {
  it('a deleted and re-created keyword group does not bring back its old published keywords, anywhere', async () => {
    const b = await publishInvoiceSeenByTwo();

    const draft = (await a.get('/api/v1/keyword-groups/invoice')).body;
    // A group a live flow uses cannot be deleted (publish-gate.test.ts): the flow goes first.
    expect((await a.http.delete(`/api/v1/keyword-groups/invoice?revision=${draft.revision}`).set(a.auth)).status).toBe(
      400,
    );
    expect((await a.http.delete('/api/v1/flows/invoice-flow').set(a.auth)).status).toBe(204);
    expect((await a.http.delete(`/api/v1/keyword-groups/invoice?revision=${draft.revision}`).set(a.auth)).status).toBe(
      204,
    );
    expect((await a.post('/api/v1/keyword-groups', group(['报销']))).status).toBe(201);
    // The re-created draft starts unpublished: an operator deleting a group expects it gone.
    const listed = (await a.get('/api/v1/keyword-groups?account=default')).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: 'invoice', publishedVersion: null })]);

    const c = instanceOnSameStore();
    await untilAllAnswer([a, b, c], '我要发票', []);
    expect(await answer(c, '我要报销')).toEqual([]);

    const version = await publish('keyword-groups', 'invoice');
    expect(version).toBe(2);
    expect((await a.post('/api/v1/flows', flow)).status).toBe(201);
    await publish('flows', 'invoice-flow');
    await untilAllAnswer([a, b, c], '我要报销', REPLY);
    await untilAllAnswer([a, b, c, instanceOnSameStore()], '我要发票', []);
  });

  it('a crash between writing a version and moving the pointer leaves every instance on the previous version', async () => {
    const b = await publishInvoiceSeenByTwo();

    const draft = (await a.get('/api/v1/keyword-groups/invoice')).body;
    expect(
      (await a.put('/api/v1/keyword-groups/invoice', { ...group(['报销']), revision: draft.revision })).status,
    ).toBe(200);
    // The process dies after the version body is written, before the workspace document moves.
    const crash = vi
      .spyOn(a.store.versions, 'changeHead')
      .mockRejectedValueOnce(new StoreUnavailableError('killed mid-publish'));
    expect((await a.post('/api/v1/keyword-groups/invoice/publish', {})).status).toBe(503);
    expect(crash).toHaveBeenCalledTimes(1);
    crash.mockRestore();
    expect((await a.store.versions.list('default', 'keyword-group', 'invoice')).map((v) => v.version)).toEqual([1, 2]);
    expect(await a.store.versions.publishedVersion('default', 'keyword-group', 'invoice')).toBe(1);

    const c = instanceOnSameStore();
    for (const instance of [a, b, c]) {
      expect(await answer(instance, '我要发票')).toEqual(REPLY);
      expect(await answer(instance, '我要报销')).toEqual([]);
    }

    // The next publish numbers past the orphaned body and is served everywhere.
    expect(await publish('keyword-groups', 'invoice')).toBe(3);
    await untilAllAnswer([a, b, c], '我要报销', REPLY);
    await untilAllAnswer([a, b, c], '我要发票', []);
  });
});

/** A pack of our own whose one lexicon blocks a reply: what an instance serves shows in a dry check. */
const financePack = {
  schemaVersion: 1,
  id: 'custom-finance',
  name: '理财提示',
  version: '1.0.0',
  industry: '金融',
  sources: [{ id: 'ad-law-25', title: '《中华人民共和国广告法》', article: '第二十五条' }],
  lexicons: [
    {
      id: 'returns',
      name: '保本保收益',
      category: 'banned',
      severity: 'block',
      code: 'pack:custom-finance/RETURN_GUARANTEE',
      negation: true,
      terms: [{ term: '保本保息' }],
    },
  ],
  tests: [
    {
      name: '保本保息',
      steps: [
        { inbound: { from: 'u1', type: 'text', content: '你好' } },
        {
          reply: { type: 'text', content: '这款产品保本保息' },
          to: 'u1',
          expect: { codes: ['pack:custom-finance/RETURN_GUARANTEE'], verdict: 'block' },
        },
      ],
    },
  ],
};

/** The pack reason codes an instance gives a reply, without committing it. */
async function packCodes(instance: Pick<Instance, 'post'>): Promise<string[]> {
  const r = await instance.post('/api/v1/replies/check', {
    account: 'default',
    to: 'u-coherent',
    reply: { type: 'text', content: '这款产品保本保息' },
    at: T0,
    commit: false,
  });
  expect(r.status).toBe(200);
  return (r.body.reasons as Array<{ code: string }>).map((x) => x.code).filter((c) => c.startsWith('pack:'));
}

/** The time zone an instance's compiled rules use (metrics report it). */
async function timezoneServed(instance: Pick<Instance, 'get'>): Promise<string> {
  const from = encodeURIComponent(new Date(T0 - 86_400_000).toISOString());
  const r = await instance.get(
    `/api/v1/metrics?account=default&from=${from}&to=${encodeURIComponent(new Date(T0).toISOString())}`,
  );
  expect(r.status).toBe(200);
  return r.body.timezone as string;
}

const BLOCKED = ['pack:custom-finance/RETURN_GUARANTEE'];

/** The workspace document's collection, where the one write of every runtime change lands. */
function workspaceCollection(): Collection {
  return (a.store.versions as unknown as { workspaces: Collection }).workspaces;
}

describe('pack changes and the time zone reach every instance', () => {
  it('a pack installed, disabled, enabled and uninstalled on one instance is served the same by all', async () => {
    const b = instanceOnSameStore();
    expect(await packCodes(b)).toEqual([]);
    expect((await a.post('/api/v1/packs/import', financePack)).status).toBe(201);
    await untilAll([a, b, instanceOnSameStore()], packCodes, BLOCKED);
    expect((await a.post('/api/v1/packs/custom-finance/disable', {})).status).toBe(200);
    await untilAll([a, b], packCodes, []);
    expect((await b.post('/api/v1/packs/custom-finance/enable', {})).status).toBe(200);
    await untilAll([a, b], packCodes, BLOCKED);
    expect((await a.http.delete('/api/v1/packs/custom-finance').set(a.auth)).status).toBe(204);
    await untilAll([a, b, instanceOnSameStore()], packCodes, []);
  });

  it('a time zone changed on one instance is used by all', async () => {
    const b = instanceOnSameStore();
    const before = await timezoneServed(b);
    expect(before).not.toBe('America/New_York');
    expect((await a.put('/api/v1/accounts/default', { timezone: 'America/New_York' })).status).toBe(200);
    await untilAll([a, b, instanceOnSameStore()], timezoneServed, 'America/New_York');
    expect((await a.get('/api/v1/accounts/default')).body.timezone).toBe('America/New_York');
  });

  it('a crash at the workspace write changes nothing anywhere: no installed pack or time zone without its sequence', async () => {
    const b = instanceOnSameStore();
    const zone = await timezoneServed(b);
    const seq = await a.store.versions.workspaceSeq('default');
    // The process dies at the one write that would change what the runtime evaluates.
    const crash = vi
      .spyOn(workspaceCollection(), 'findOneAndUpdate')
      .mockRejectedValue(new StoreUnavailableError('killed mid-change'));
    const insert = vi
      .spyOn(workspaceCollection(), 'insertOne')
      .mockRejectedValue(new StoreUnavailableError('killed mid-change'));
    expect((await a.post('/api/v1/packs/import', financePack)).status).toBe(503);
    expect((await a.put('/api/v1/accounts/default', { timezone: 'America/New_York' })).status).toBe(503);
    expect(crash.mock.calls.length + insert.mock.calls.length).toBeGreaterThan(0);
    crash.mockRestore();
    insert.mockRestore();

    expect(await a.store.versions.workspaceSeq('default')).toBe(seq);
    const listed = (await a.get('/api/v1/packs')).body.items as Array<{ id: string; installed: boolean }>;
    expect(listed.find((p) => p.id === 'custom-finance')).toBeUndefined();
    expect((await a.get('/api/v1/accounts/default')).body.timezone).toBeUndefined();
    for (const instance of [a, b, instanceOnSameStore()]) {
      expect(await packCodes(instance)).toEqual([]);
      expect(await timezoneServed(instance)).toBe(zone);
    }

    // Done again, each change is served everywhere.
    expect((await a.post('/api/v1/packs/import', financePack)).status).toBe(201);
    expect((await a.put('/api/v1/accounts/default', { timezone: 'America/New_York' })).status).toBe(200);
    await untilAll([a, b], packCodes, BLOCKED);
    await untilAll([a, b], timezoneServed, 'America/New_York');
  });
});
