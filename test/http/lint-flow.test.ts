/**
 * POST /lint/flow: the replies of a draft flow that publishing would refuse, for the canvas. It
 * must name exactly the fields the publish gate names (default policy and installed packs, a
 * draft policy when one is sent), and refuse a flow that is not a flow with a 400, never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

const CURE = '我们的产品能治疗高血压';
const BEAUTY = '这款精华瞬间美白';

/** The invoice flow plus a follow-up question after its reply. */
function flowWith(reply: string, question = '还有其他问题吗？') {
  const flow = invoiceFlow(reply);
  return {
    ...flow,
    nodes: [...flow.nodes, { id: 'q', type: 'followUp', position: { x: 600, y: 0 }, data: { question } }],
    edges: [...flow.edges, { id: 'e3', source: 'r', target: 'q' }],
  };
}

type Blocked = { nodeId: string; path: string; reasons: Array<{ code: string; severity: string; message: string }> };
const summary = (blocked: Blocked[]) =>
  blocked.map((b) => ({ nodeId: b.nodeId, path: b.path, codes: [...new Set(b.reasons.map((r) => r.code))] }));

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票']))).status).toBe(201);
  expect((await t.post('/api/v1/keyword-groups/invoice/publish', { note: '发票组' })).status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('POST /lint/flow', () => {
  it('names the reply and the question the default policy blocks, with the same pointers the publish refusal gives', async () => {
    const flow = flowWith(`{{nickname}}，${CURE}`, `${CURE}，要了解吗？`);
    const res = await t.post('/api/v1/lint/flow', { account: 'default', flow });
    expect(res.status).toBe(200);
    const blocked = res.body.blocked as Blocked[];
    expect(summary(blocked)).toEqual([
      { nodeId: 'r', path: '/nodes/2/data/replies/0/content', codes: ['MEDICAL_CLAIM'] },
      { nodeId: 'q', path: '/nodes/3/data/question', codes: ['MEDICAL_CLAIM'] },
    ]);
    expect(blocked[0]?.reasons[0]).toMatchObject({ severity: 'block', message: expect.any(String) });

    expect((await t.post('/api/v1/flows', flow)).status).toBe(201);
    const refused = await t.post('/api/v1/flows/invoice-flow/publish', { note: '上线' });
    expect(refused.status).toBe(400);
    expect((refused.body.error.details as Array<{ path: string }>).map((d) => d.path)).toEqual(
      blocked.map((b) => b.path),
    );
  });

  it('says nothing about a clean flow', async () => {
    const res = await t.post('/api/v1/lint/flow', { flow: flowWith('您好，发票会在发货后三天内开具。') });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ blocked: [] });
  });

  it('blocks a term only a pack blocks once that pack is installed, with the published and with a draft policy', async () => {
    const flow = flowWith(BEAUTY);
    const draftPolicy = (await t.get('/api/v1/policies/default')).body as Record<string, unknown>;
    expect((await t.post('/api/v1/lint/flow', { flow })).body.blocked).toEqual([]);
    expect((await t.post('/api/v1/lint/flow', { flow, policy: draftPolicy })).body.blocked).toEqual([]);

    expect((await t.post('/api/v1/packs/beauty/install?account=default', {})).status).toBeLessThan(300);
    const expected = [
      { nodeId: 'r', path: '/nodes/2/data/replies/0/content', codes: ['pack:beauty/EFFICACY_GUARANTEE'] },
    ];
    expect(summary((await t.post('/api/v1/lint/flow', { flow })).body.blocked)).toEqual(expected);
    expect(summary((await t.post('/api/v1/lint/flow', { flow, policy: draftPolicy })).body.blocked)).toEqual(expected);
  });

  it('answers a body that is not a flow with 400 VALIDATION_FAILED pointing under /flow', async () => {
    const missing = await t.post('/api/v1/lint/flow', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('VALIDATION_FAILED');

    const flow = flowWith('您好');
    const broken = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'r' ? { ...n, data: { mode: 'all' } } : n)) };
    const res = await t.post('/api/v1/lint/flow', { flow: broken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect((res.body.error.details as Array<{ path: string }>).some((d) => d.path.startsWith('/flow/nodes/2'))).toBe(
      true,
    );
  });
});
