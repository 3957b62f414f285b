/**
 * Coherent caches (issue 12, item 3): instances on one store serve the same published rules.
 * A deleted-then-re-created keyword group never brings back its old published keywords, a
 * publish reaches every instance within the refresh bound, and a crash between writing a
 * version body and moving the published pointer leaves every instance on the previous version.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { StoreUnavailableError } from '../../server/src/store/store-errors.js';
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
  const http = supertest(createApp({ store: a.store, log: createLogger('silent'), adminToken: ADMIN, clock: () => T0 }));
  return { post: (url: string, body: object) => http.post(url).set('Authorization', `Bearer ${ADMIN}`).send(body) };
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
  let answers: string[][] = [];
  for (let ask = 0; ask < 200; ask += 1) {
    answers = await Promise.all(instances.map((i) => answer(i, content)));
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
    expect((await a.http.delete(`/api/v1/keyword-groups/invoice?revision=${draft.revision}`).set(a.auth)).status).toBe(204);
    expect((await a.post('/api/v1/keyword-groups', group(['报销']))).status).toBe(201);
    // The re-created draft starts unpublished: an operator deleting a group expects it gone.
    const listed = (await a.get('/api/v1/keyword-groups?account=default')).body.items;
    expect(listed).toEqual([expect.objectContaining({ id: 'invoice', publishedVersion: null })]);

    const c = instanceOnSameStore();
    await untilAllAnswer([a, b, c], '我要发票', []);
    expect(await answer(c, '我要报销')).toEqual([]);

    const version = await publish('keyword-groups', 'invoice');
    expect(version).toBe(2);
    await untilAllAnswer([a, b, c], '我要报销', REPLY);
    await untilAllAnswer([a, b, c, instanceOnSameStore()], '我要发票', []);
  });

  it('a crash between writing a version and moving the pointer leaves every instance on the previous version', async () => {
    const b = await publishInvoiceSeenByTwo();

    const draft = (await a.get('/api/v1/keyword-groups/invoice')).body;
    expect((await a.put('/api/v1/keyword-groups/invoice', { ...group(['报销']), revision: draft.revision })).status).toBe(200);
    // The process dies after the version body is written, before the workspace document moves.
    const internals = a.store.versions as unknown as { movePointers: (...args: unknown[]) => Promise<number> };
    const crash = vi.spyOn(internals, 'movePointers').mockRejectedValueOnce(new StoreUnavailableError('killed mid-publish'));
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
