/**
 * The publish gates of a flow: a reply the content checks would block (default policy or an
 * installed pack) and a keyword group that is not live both stop the publish with pointers; a
 * reviewed override with a note, an allowance, or `withGroups` lets it through.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const CURE = '我们的产品能治疗高血压';

/** The invoice flow with a follow-up question after the reply, both labelled as an operator would. */
function labelledFlow(reply: string, question = '还有其他问题吗？') {
  const flow = invoiceFlow(reply);
  return {
    ...flow,
    nodes: [
      ...flow.nodes.map((n) => (n.id === 'r' ? { ...n, label: '发票说明' } : n)),
      { id: 'q', type: 'followUp', label: '追问一句', position: { x: 600, y: 0 }, data: { question } },
    ],
    edges: [...flow.edges, { id: 'e3', source: 'r', target: 'q' }],
  };
}

async function createPublishedGroup() {
  expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票', '开票']))).status).toBe(201);
  expect((await t.post('/api/v1/keyword-groups/invoice/publish', { note: '发票组' })).status).toBe(201);
}

type Detail = { path: string; message: string };
const auditOf = async (action: string) =>
  (
    (await t.get('/api/v1/audit?account=default')).body.items as Array<{
      action: string;
      target: string;
      detail: Record<string, unknown>;
    }>
  ).filter((e) => e.action === action);

describe('content gate', () => {
  it('refuses a flow whose reply would be blocked, pointing at the field and naming the node by its label', async () => {
    await createPublishedGroup();
    expect((await t.post('/api/v1/flows', labelledFlow(`{{nickname}}，${CURE}`, `${CURE}，要了解吗？`))).status).toBe(
      201,
    );
    const res = await t.post('/api/v1/flows/invoice-flow/publish', { note: '上线' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const details = res.body.error.details as Detail[];
    expect(details.map((d) => d.path)).toEqual(['/nodes/2/data/replies/0/content', '/nodes/3/data/question']);
    expect(details[0]?.message).toContain('发票说明');
    expect(details[0]?.message).toContain('MEDICAL_CLAIM');
    expect(details[1]?.message).toContain('追问一句');
    expect(details.map((d) => d.message).join()).not.toMatch(/"r"|“r”|“q”/);
    expect((await t.get('/api/v1/flows/invoice-flow/versions')).body.items).toEqual([]);
  });

  it('refuses a term only an installed pack blocks, once the pack is installed', async () => {
    await createPublishedGroup();
    const words = '这款面霜永久美白';
    expect(
      (await t.post('/api/v1/lint', { account: 'default', reply: { type: 'text', content: words } })).body.verdict,
    ).not.toBe('block');
    expect((await t.post('/api/v1/flows', labelledFlow(words))).status).toBe(201);
    expect((await t.post('/api/v1/packs/beauty/install?account=default', {})).status).toBeLessThan(300);
    const res = await t.post('/api/v1/flows/invoice-flow/publish', {});
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: '/nodes/2/data/replies/0/content', message: expect.stringContaining('pack:beauty/EFFICACY_GUARANTEE') },
    ]);
  });

  it('publishes a reviewed case with overrideContent and a note, and audits the codes overridden', async () => {
    await createPublishedGroup();
    await t.post('/api/v1/flows', labelledFlow(CURE));
    const withoutNote = await t.post('/api/v1/flows/invoice-flow/publish', { overrideContent: true });
    expect(withoutNote.status).toBe(400);
    expect(withoutNote.body.error.code).toBe('VALIDATION_FAILED');
    expect(withoutNote.body.error.details).toEqual([{ path: '/', message: expect.stringContaining('note') }]);
    expect((await t.post('/api/v1/flows/invoice-flow/publish', { overrideContent: true, note: '' })).status).toBe(400);

    const res = await t.post('/api/v1/flows/invoice-flow/publish', {
      overrideContent: true,
      note: '法务已审：引用药监批文原文',
    });
    expect(res.status).toBe(201);
    expect(res.body.version).toBe(1);
    const [entry] = await auditOf('flow.publish-content-override');
    expect(entry).toMatchObject({
      target: 'invoice-flow',
      detail: { note: '法务已审：引用药监批文原文', version: 1, codes: ['MEDICAL_CLAIM'] },
    });
    expect(entry?.detail['fields']).toEqual([
      { path: '/nodes/2/data/replies/0/content', nodeId: 'r', codes: ['MEDICAL_CLAIM'] },
    ]);

    // The runtime still checks at send time: the reviewed text is blocked when it would go out.
    const live = await t.post('/api/v1/inbound', text('u-gate', '开发票', T0));
    expect(live.body.replies[0]).toMatchObject({ verdict: 'block' });
  });

  it('a clean flow is published without an override audit entry', async () => {
    await createPublishedGroup();
    await t.post('/api/v1/flows', labelledFlow('{{nickname}}，发票在订单详情页申请。'));
    expect((await t.post('/api/v1/flows/invoice-flow/publish', { overrideContent: true, note: '无需' })).status).toBe(
      201,
    );
    expect(await auditOf('flow.publish-content-override')).toEqual([]);
  });

  it('passes without override when an allowance already covers the text', async () => {
    await createPublishedGroup();
    await t.post('/api/v1/flows', labelledFlow(CURE));
    expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(400);
    const allowed = await t.post('/api/v1/policies/default/allowances?account=default', {
      code: 'MEDICAL_CLAIM',
      phrase: '能治疗高血压',
      note: '药品说明书原文',
    });
    expect(allowed.status).toBe(201);
    expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(201);
  });
});

describe('group gate', () => {
  it('refuses a flow using a draft-only group, naming the group and the node', async () => {
    await t.post('/api/v1/keyword-groups', invoiceGroup(['发票', '开票']));
    await t.post('/api/v1/flows', labelledFlow('发票在订单详情页申请。'));
    const res = await t.post('/api/v1/flows/invoice-flow/publish', {});
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { path: '/nodes/1/data/groupId', message: expect.stringContaining('“发票”还没有发布') },
    ]);
    expect((await t.get('/api/v1/keyword-groups/invoice/versions')).body.items).toEqual([]);
  });

  it('withGroups publishes the group, then the flow, and the runtime answers', async () => {
    await t.post('/api/v1/keyword-groups', invoiceGroup(['发票', '开票']));
    await t.post('/api/v1/flows', labelledFlow('{{nickname}}，发票在订单详情页申请。'));
    expect((await t.post('/api/v1/inbound', text('u-before', '我要开票', T0))).body.matches).toEqual([]);
    const res = await t.post('/api/v1/flows/invoice-flow/publish', { withGroups: true, note: '发票上线' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'invoice-flow', version: 1, groups: [{ id: 'invoice', version: 1 }] });
    const live = await t.post('/api/v1/inbound', { ...text('u-after', '我要开票', T0), user: { nickname: '老王' } });
    expect(live.body.matches).toEqual([expect.objectContaining({ flowId: 'invoice-flow', group: '发票' })]);
    expect(live.body.replies[0]).toMatchObject({
      reply: { content: '老王，发票在订单详情页申请。' },
      verdict: 'allow',
    });
  });

  it('withGroups publishes no group when the flow itself is refused', async () => {
    await t.post('/api/v1/keyword-groups', invoiceGroup(['发票', '开票']));
    await t.post('/api/v1/flows', labelledFlow(CURE));
    const res = await t.post('/api/v1/flows/invoice-flow/publish', { withGroups: true });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('/nodes/2/data/replies/0/content');
    expect((await t.get('/api/v1/keyword-groups/invoice/versions')).body.items).toEqual([]);
  });

  it('refuses deleting a group a live flow uses, and allows it once no live flow does', async () => {
    await createPublishedGroup();
    await t.post('/api/v1/flows', labelledFlow('发票在订单详情页申请。'));
    expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(201);
    const refused = await t.http.delete('/api/v1/keyword-groups/invoice').set(t.auth);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { path: '/flows/invoice-flow/nodes/1/data/groupId', message: expect.stringContaining('发票问题') },
    ]);
    expect((await t.post('/api/v1/inbound', text('u-still', '开票', T0))).body.matches).toHaveLength(1);

    expect((await t.http.delete('/api/v1/flows/invoice-flow').set(t.auth)).status).toBe(204);
    expect((await t.http.delete('/api/v1/keyword-groups/invoice').set(t.auth)).status).toBe(204);
  });

  it('refuses rolling a flow back to a version whose group was deleted since', async () => {
    await createPublishedGroup();
    const flow = labelledFlow('发票在订单详情页申请。');
    await t.post('/api/v1/flows', flow);
    await t.post('/api/v1/flows/invoice-flow/publish', {});
    const draft = (await t.get('/api/v1/flows/invoice-flow')).body;
    const without = {
      ...draft,
      nodes: draft.nodes.filter((n: { id: string }) => n.id !== 'k'),
      edges: [
        { id: 'e1', source: 't', target: 'r' },
        { id: 'e3', source: 'r', target: 'q' },
      ],
    };
    expect((await t.put('/api/v1/flows/invoice-flow', without)).status).toBe(200);
    expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(201);
    expect((await t.http.delete('/api/v1/keyword-groups/invoice').set(t.auth)).status).toBe(204);
    const res = await t.post('/api/v1/flows/invoice-flow/rollback', { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: '/nodes/1/data/groupId', message: expect.stringContaining('不存在') },
    ]);
  });
});

describe('the example workspace', () => {
  it('still publishes through the seed path, every flow live', async () => {
    const flows = (await t.get('/api/v1/flows?account=default')).body.items as Array<{
      id: string;
      publishedVersion: number | null;
    }>;
    expect(flows.length).toBe(5);
    expect(flows.every((f) => f.publishedVersion === 1)).toBe(true);
    // Publishing each again passes both gates as they stand today.
    for (const f of flows) expect((await t.post(`/api/v1/flows/${f.id}/publish`, {})).status).toBe(201);
  });
});
