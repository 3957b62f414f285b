/**
 * What goes live is what was checked (issue 10: a flow never goes live pointing at an unpublished
 * group). A per-document publish — a flow with its groups, a group, a rollback — is judged on the
 * live head read first and lands in ONE compare-and-set at that head: when another instance
 * changes what is live between A's gates and A's write, A gets 409 and live is exactly B's; a
 * store failure at the write leaves nothing of it live. Two app instances share one store on disk;
 * the interleaving is injected at A's write (a wrapped version repository), never by timing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection } from '../../server/src/store/collection.js';
import { StoreUnavailableError } from '../../server/src/store/store-errors.js';
import { appInstance as instance, runningFirst, type Interleave } from '../support/app-instance.js';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let t: TestApp;
/** Runs once, after A's gates and before A's write; nothing by default. */
const interleave: Interleave = {};

beforeEach(async () => {
  t = await startTestApp({ seed: false });
  interleave.next = undefined;
});
afterEach(async () => {
  await t.close();
});

/** Instance A: every publish write first lets `interleave.next` run (B's change lands there). */
function instanceA() {
  return instance({ ...t.store, versions: runningFirst(t.store.versions, ['publishAll'], interleave) });
}

const head = () => t.store.versions.head('default');
const versionsOf = async (route: string) =>
  ((await t.get(`/api/v1/${route}/versions`)).body.items as Array<{ version: number }>).map((v) => v.version);
async function answer(i: ReturnType<typeof instance>, content: string) {
  const r = await i.post('/api/v1/inbound', { ...text('u-head', content, T0), dryRun: true });
  expect(r.status).toBe(200);
  return (r.body.replies as Array<{ reply: { content: string } }>).map((x) => x.reply.content);
}

async function draftGroupAndFlow(keywords = ['发票'], reply = '发票在订单详情页申请。') {
  expect((await t.post('/api/v1/keyword-groups', invoiceGroup(keywords))).status).toBe(201);
  expect((await t.post('/api/v1/flows', invoiceFlow(reply))).status).toBe(201);
}

/** B saves the group's draft with other keywords and publishes it. */
async function republishGroup(b: ReturnType<typeof instance>, keywords: string[]) {
  const draft = (await b.get('/api/v1/keyword-groups/invoice')).body;
  expect(
    (await b.put('/api/v1/keyword-groups/invoice', { ...invoiceGroup(keywords), revision: draft.revision })).status,
  ).toBe(200);
  expect((await b.post('/api/v1/keyword-groups/invoice/publish', { note: 'B' })).status).toBe(201);
}

describe('a publish lands only on the live workspace its gates judged', () => {
  it('a flow published withGroups lands with its groups in one workspace version, versions listed', async () => {
    await draftGroupAndFlow();
    const before = await head();
    const res = await instanceA().post('/api/v1/flows/invoice-flow/publish', { withGroups: true, note: '发票上线' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: 'invoice-flow',
      version: 1,
      note: '发票上线',
      groups: [{ id: 'invoice', version: 1 }],
    });
    const after = await head();
    expect(after.seq).toBe(before.seq + 1);
    expect(after.published).toEqual(
      expect.arrayContaining([
        { kind: 'flow', id: 'invoice-flow', version: 1 },
        { kind: 'keyword-group', id: 'invoice', version: 1 },
      ]),
    );
    expect(await versionsOf('flows/invoice-flow')).toEqual([1]);
    expect(await versionsOf('keyword-groups/invoice')).toEqual([1]);
    expect(await answer(instance(t.store), '我要发票')).toEqual(['发票在订单详情页申请。']);
  });

  it('409 when B re-publishes the group with other keywords between A’s gates and A’s write; live is exactly B’s', async () => {
    await draftGroupAndFlow(['发票']);
    const a = instanceA();
    const b = instance(t.store);
    let bHead: Awaited<ReturnType<typeof head>> | undefined;
    interleave.next = async () => {
      await republishGroup(b, ['报销']);
      bHead = await head();
    };
    const res = await a.post('/api/v1/flows/invoice-flow/publish', { withGroups: true });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: '线上版本已被他人更改，请重新检查后发布' });
    expect(await head()).toEqual(bHead);
    expect(bHead?.published).toEqual([{ kind: 'keyword-group', id: 'invoice', version: 1 }]);
    expect((await t.get('/api/v1/keyword-groups/invoice/versions/1')).body.document.keywords).toEqual(['报销']);
    expect(await versionsOf('flows/invoice-flow')).toEqual([]);
    for (const i of [a, b]) expect(await answer(i, '我要发票')).toEqual([]);

    // Checked again on what is live now, the publish goes through.
    expect((await a.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(201);
    for (const i of [a, b]) expect(await answer(i, '我要报销')).toEqual(['发票在订单详情页申请。']);
  });

  it('409 when B deletes the group A’s flow was checked with: the flow never goes live without it', async () => {
    await draftGroupAndFlow();
    const a = instanceA();
    const b = instance(t.store);
    expect((await a.post('/api/v1/keyword-groups/invoice/publish', {})).status).toBe(201);
    // B deletes the group: allowed, as no live flow uses it yet (A's flow is still being checked).
    interleave.next = async () => {
      expect((await b.delete('/api/v1/keyword-groups/invoice')).status).toBe(204);
    };
    const before = await head();
    const res = await a.post('/api/v1/flows/invoice-flow/publish', {});
    expect(res.status).toBe(409);
    const after = await head();
    expect(after.seq).toBe(before.seq + 1); // B's delete, nothing of A's publish
    expect(after.published).toEqual([]);
    expect(await versionsOf('flows/invoice-flow')).toEqual([]);
    expect((await a.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(400);
  });

  it('409 on a rollback when B publishes meanwhile; the rolled-back version is not live', async () => {
    await draftGroupAndFlow(['发票']);
    const a = instanceA();
    const b = instance(t.store);
    expect((await a.post('/api/v1/keyword-groups/invoice/publish', {})).status).toBe(201);
    await republishGroup(a, ['开票']);
    interleave.next = () => republishGroup(b, ['报销']);
    const res = await a.post('/api/v1/keyword-groups/invoice/rollback', { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(await t.store.versions.publishedVersion('default', 'keyword-group', 'invoice')).toBe(3);
    expect(await versionsOf('keyword-groups/invoice')).toEqual([1, 2, 3]);
    // The draft already holds version 1 (what rollback restores); a retry is judged on B's head.
    const retry = await a.post('/api/v1/keyword-groups/invoice/rollback', { version: 1 });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ id: 'invoice', version: 4 });
  });
});

describe('a store failure at the write leaves nothing of the publish live', () => {
  it('the flow’s body failing to write after its group’s leaves neither live', async () => {
    await draftGroupAndFlow();
    const before = await head();
    // The version bodies' collection (private): the flow's insert fails, the group's went through.
    const bodies = (t.store.versions as unknown as { c: Collection }).c;
    const insertOne = bodies.insertOne.bind(bodies);
    const fail = vi.spyOn(bodies, 'insertOne').mockImplementation(async (doc) => {
      if (doc['kind'] === 'flow') throw new StoreUnavailableError('disk gone mid-publish');
      return insertOne(doc);
    });
    const res = await instanceA().post('/api/v1/flows/invoice-flow/publish', { withGroups: true });
    fail.mockRestore();
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('STORE_UNAVAILABLE');
    expect(await head()).toEqual(before);
    expect(await t.store.versions.publishedVersion('default', 'keyword-group', 'invoice')).toBeNull();
    expect(await answer(instance(t.store), '我要发票')).toEqual([]);

    // The retry publishes both together; the group's unreferenced body stays on record.
    const retry = await instanceA().post('/api/v1/flows/invoice-flow/publish', { withGroups: true });
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ version: 1, groups: [{ id: 'invoice', version: 2 }] });
  });

  it('the compare-and-set failing leaves neither live', async () => {
    await draftGroupAndFlow();
    const before = await head();
    const fail = vi
      .spyOn(t.store.versions, 'changeHead')
      .mockRejectedValueOnce(new StoreUnavailableError('killed at the pointer move'));
    const res = await instanceA().post('/api/v1/flows/invoice-flow/publish', { withGroups: true });
    expect(fail).toHaveBeenCalledTimes(1);
    fail.mockRestore();
    expect(res.status).toBe(503);
    expect(await head()).toEqual(before);
    expect(await versionsOf('flows/invoice-flow')).toEqual([1]); // on record, no pointer names it
    expect(await t.store.versions.publishedVersion('default', 'flow', 'invoice-flow')).toBeNull();
  });
});
