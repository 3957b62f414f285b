/** Documents, publishing, versions, rollback, tokens and accounts (CONTRACT §2, §10). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, text, event, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const group = invoiceGroup(['发票', '开票']);
const flow = invoiceFlow('{{nickname}}，发票在订单详情页申请。');

describe('documents', () => {
  it('the example workspace is listed with published versions', async () => {
    const flows = await t.get('/api/v1/flows?account=default');
    expect(flows.status).toBe(200);
    expect(flows.body.items.map((f: { id: string }) => f.id).sort()).toEqual([
      'ecommerce-faq',
      'fallback',
      'handoff',
      'menu-faq',
      'welcome',
    ]);
    expect(flows.body.items.every((f: { publishedVersion: number }) => f.publishedVersion === 1)).toBe(true);
  });

  it('a draft only applies once published; publishing numbers versions and rollback restores one', async () => {
    expect((await t.post('/api/v1/keyword-groups', group)).status).toBe(201);
    const created = await t.post('/api/v1/flows', flow);
    expect(created.status).toBe(201);
    expect(created.body.revision).toBe(1);
    expect((await t.post('/api/v1/flows', flow)).status).toBe(409);
    const before = await t.post('/api/v1/inbound', text('d1', '我要开票', T0));
    expect(before.body.matches).toEqual([]);
    await t.post('/api/v1/keyword-groups/invoice/publish', { note: '发票组' });
    const v1 = await t.post('/api/v1/flows/invoice-flow/publish', { note: '第一版' });
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({ id: 'invoice-flow', version: 1, note: '第一版', publishedBy: 'admin' });
    const after = await t.post('/api/v1/inbound', { ...text('d2', '我要开票', T0), user: { nickname: '老王' } });
    expect(after.body.replies[0].reply.content).toBe('老王，发票在订单详情页申请。');

    const draft = (await t.get('/api/v1/flows/invoice-flow')).body;
    const changed = structuredClone(draft);
    changed.nodes[2].data.replies[0].content = '{{nickname}}，发票请联系财务。';
    expect((await t.put('/api/v1/flows/invoice-flow', changed)).status).toBe(200);
    expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).body.version).toBe(2);
    expect((await t.post('/api/v1/inbound', text('d3', '开票', T0))).body.replies[0].reply.content).toBe(
      '您，发票请联系财务。',
    );

    const versions = await t.get('/api/v1/flows/invoice-flow/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const old = await t.get('/api/v1/flows/invoice-flow/versions/1');
    expect(old.body.document.nodes[2].data.replies[0].content).toContain('订单详情页');
    const rolled = await t.post('/api/v1/flows/invoice-flow/rollback', { version: 1 });
    expect(rolled.status).toBe(201);
    expect(rolled.body.version).toBe(3);
    expect((await t.post('/api/v1/inbound', text('d4', '开票', T0))).body.replies[0].reply.content).toContain(
      '订单详情页',
    );
    expect((await t.get('/api/v1/flows/invoice-flow')).body.nodes[2].data.replies[0].content).toContain('订单详情页');
  });

  it('publishing a flow with graph errors is refused with pointers', async () => {
    const broken = {
      ...flow,
      id: 'broken',
      nodes: [
        ...flow.nodes,
        {
          id: 'lost',
          type: 'reply',
          position: { x: 0, y: 300 },
          data: { replies: [{ type: 'text', content: '孤立' }] },
        },
      ],
    };
    await t.post('/api/v1/flows', {
      ...broken,
      nodes: broken.nodes.map((n) => (n.id === 'k' ? { ...n, data: { groupId: 'nope' } } : n)),
    });
    const res = await t.post('/api/v1/flows/broken/publish', {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/nodes/3', '/nodes/1/data/groupId']),
    );
  });

  it('deleting a published flow stops it applying', async () => {
    const draft = (await t.get('/api/v1/flows/fallback')).body;
    expect(
      (
        await t.http
          .delete(`/api/v1/flows/fallback?revision=${draft.revision + 5}`)
          .set('Authorization', 'Bearer test-admin-token')
      ).status,
    ).toBe(409);
    expect(
      (
        await t.http
          .delete(`/api/v1/flows/fallback?revision=${draft.revision}`)
          .set('Authorization', 'Bearer test-admin-token')
      ).status,
    ).toBe(204);
    const r = await t.post('/api/v1/inbound', text('d5', '随便说点什么', T0));
    expect(r.body.replies).toEqual([]);
  });

  it('every write is in the audit trail', async () => {
    await t.post('/api/v1/keyword-groups', group);
    const audit = await t.get('/api/v1/audit?account=default');
    expect(audit.body.items[0]).toMatchObject({ actor: 'admin', action: 'keyword-group.create', target: 'invoice' });
  });

  it('schemas and the OpenAPI document are served', async () => {
    const s = await t.get('/api/v1/schema/flow');
    expect(s.body.$id).toBe('flow');
    expect(s.body.properties.nodes).toBeDefined();
    const o = await t.get('/api/v1/openapi.json');
    expect(o.body.openapi).toBe('3.1.0');
    expect(o.body.paths['/api/v1/inbound'].post).toBeDefined();
    // Every body a path names is a schema the document carries.
    const refs = [...JSON.stringify(o.body.paths).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map(
      (m) => m[1] as string,
    );
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(o.body.components.schemas[ref], ref).toBeDefined();
  });
});

describe('tokens and accounts', () => {
  it('tokens are shown once, listed without secrets, and stored hashed', async () => {
    const created = await t.post('/api/v1/tokens', { name: '客服台', role: 'runtime' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/.{32,}/);
    const list = await t.get('/api/v1/tokens');
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    expect(list.body.items.find((x: { id: string }) => x.id === created.body.id)).toMatchObject({
      name: '客服台',
      role: 'runtime',
    });
  });

  it("business hours follow the account's time zone (CONTRACT §4)", async () => {
    const flow = {
      id: 'hours',
      name: '营业时间',
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['CLICK'], menuKeys: ['HOURS'] } },
        {
          id: 'c',
          type: 'condition',
          position: { x: 0, y: 0 },
          data: { conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] },
        },
        {
          id: 'open',
          type: 'reply',
          position: { x: 0, y: 0 },
          data: { replies: [{ type: 'text', content: '客服在线' }] },
        },
        {
          id: 'closed',
          type: 'reply',
          position: { x: 0, y: 0 },
          data: { replies: [{ type: 'text', content: '已下班' }] },
        },
      ],
      edges: [
        { id: 'a', source: 't', target: 'c' },
        { id: 'b', source: 'c', target: 'open', sourceHandle: 'true' },
        { id: 'd', source: 'c', target: 'closed', sourceHandle: 'false' },
      ],
    };
    const policy = (await t.get('/api/v1/policies/default')).body;
    await t.put('/api/v1/policies/default', { ...policy, businessHours: { start: '09:00', end: '18:00' } });
    await t.post('/api/v1/policies/default/publish', {});
    await t.post('/api/v1/flows', flow);
    await t.post('/api/v1/flows/hours/publish', {});
    const ask = async (user: string) =>
      (await t.post('/api/v1/inbound', event(user, 'CLICK', T0, 'HOURS'))).body.replies[0].reply.content;
    expect(await ask('tz1')).toBe('客服在线'); // 10:00 in Shanghai
    expect((await t.put('/api/v1/accounts/default', { timezone: 'Mars/Olympus' })).status).toBe(400);
    expect((await t.put('/api/v1/accounts/default', { timezone: 'America/New_York' })).status).toBe(200);
    expect(await ask('tz2')).toBe('已下班'); // 21:00 the evening before in New York
  });

  it('account secrets are write-only', async () => {
    const secret = 'S3cretAppSecretValue';
    const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const put = await t.put('/api/v1/accounts/shop1', {
      appId: 'wx123',
      token: 'tok123',
      encodingAESKey: aesKey,
      appSecret: secret,
      apiBase: 'http://127.0.0.1:9/',
    });
    expect(put.status).toBe(200);
    const got = await t.get('/api/v1/accounts/shop1');
    expect(got.body.appId).toBe('wx123');
    const all = JSON.stringify([put.body, got.body]);
    for (const s of [secret, aesKey, 'tok123']) expect(all).not.toContain(s);
    expect(got.body).toMatchObject({ hasAppSecret: true, hasEncodingAESKey: true, hasToken: true });
  });
});
