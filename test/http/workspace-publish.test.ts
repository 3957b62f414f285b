/**
 * One workspace publish (issue 10 item 1): the summary of what would change against what is
 * live, every changed draft going live in ONE workspace version (one sequence bump), the gates of
 * a per-document publish on the whole workspace, a reviewed override audited, and a flow that
 * can never go live pointing at a keyword group that is not live.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { WorkspacePublishService } from '../../server/src/runtime/workspace-publish-service.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const CURE = '我们的产品能治疗高血压';
type Change = { kind: string; id: string; name: string; change: string; liveVersion: number | null };

const changes = async () => {
  const res = await t.get('/api/v1/workspace/changes?account=default');
  expect(res.status).toBe(200);
  return res.body as {
    workspaceVersion: number;
    changes: Change[];
    gates: Record<string, unknown> & { passed: boolean };
  };
};
const changed = (list: Change[]) =>
  list.filter((c) => c.change !== 'unchanged').map(({ kind, id, name, change }) => ({ kind, id, name, change }));
const seq = () => t.store.versions.workspaceSeq('default');
const auditOf = async (action: string) =>
  (
    (await t.get('/api/v1/audit?account=default')).body.items as Array<{
      action: string;
      detail: Record<string, unknown>;
    }>
  ).filter((e) => e.action === action);

/** The invoice group and flow as drafts, and a rename of one seeded flow: three changes. */
async function draftThreeChanges(reply = '发票请在订单页申请') {
  expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票', '开票']))).status).toBe(201);
  expect((await t.post('/api/v1/flows', invoiceFlow(reply))).status).toBe(201);
  const seeded = (await t.get('/api/v1/flows?account=default')).body.items.find(
    (f: { id: string }) => f.id !== 'invoice-flow',
  );
  const draft = (await t.get(`/api/v1/flows/${seeded.id}`)).body;
  expect((await t.put(`/api/v1/flows/${seeded.id}`, { ...draft, name: `${draft.name}（新）` })).status).toBe(200);
  return { id: seeded.id as string, name: `${draft.name}（新）` };
}

describe('GET /workspace/changes', () => {
  it('lists every document against what is live, by name, with the live version and the gates', async () => {
    const before = await changes();
    expect(before.workspaceVersion).toBe(await seq());
    expect(before.workspaceVersion).toBeGreaterThan(0);
    expect(before.changes.length).toBeGreaterThan(3);
    expect(changed(before.changes)).toEqual([]);
    expect(before.changes.every((c) => c.liveVersion !== null)).toBe(true);
    expect(before.gates).toEqual({ passed: true, graph: [], compile: [], content: [], scenarios: [] });

    const renamed = await draftThreeChanges();
    const after = await changes();
    expect(changed(after.changes)).toEqual(
      [
        { kind: 'flow', id: 'invoice-flow', name: '发票问题', change: 'added' },
        { kind: 'flow', id: renamed.id, name: renamed.name, change: 'changed' },
        { kind: 'keyword-group', id: 'invoice', name: '发票', change: 'added' },
      ].sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : 1)),
    );
    expect(after.changes.find((c) => c.id === 'invoice')?.liveVersion).toBeNull();
    expect(after.changes.find((c) => c.id === renamed.id)?.liveVersion).toBe(1);
    expect(after.workspaceVersion).toBe(before.workspaceVersion); // drafts change nothing live

    // The marker's read: the same version and changes, without the gates; readers only.
    const status = await t.get('/api/v1/workspace/status?account=default');
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ workspaceVersion: after.workspaceVersion, changes: after.changes });
    const runtime = (await t.store.tokens.create('runtime', 'runtime', 'test')).token;
    expect((await t.get('/api/v1/workspace/status', runtime)).status).toBe(403);
  });
});

describe('POST /workspace/publish', () => {
  it('publishes every changed draft in one workspace version: one sequence bump, the flow live with its group', async () => {
    const renamed = await draftThreeChanges();
    const before = await seq();
    const res = await t.post('/api/v1/workspace/publish?account=default', { note: '发票上线' });
    expect(res.status).toBe(201);
    expect(res.body.workspaceVersion).toBe(before + 1);
    expect(await seq()).toBe(before + 1);
    expect(res.body.unpublished).toEqual([]);
    expect([...res.body.published].sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1))).toEqual(
      [
        { kind: 'flow', id: 'invoice-flow', version: 1 },
        { kind: 'keyword-group', id: 'invoice', version: 1 },
        { kind: 'flow', id: renamed.id, version: 2 },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // The head names all three in the one write.
    const head = await t.store.versions.head('default');
    expect(head.published).toEqual(
      expect.arrayContaining([
        { kind: 'flow', id: 'invoice-flow', version: 1 },
        { kind: 'keyword-group', id: 'invoice', version: 1 },
      ]),
    );
    expect((await t.get('/api/v1/keyword-groups/invoice/versions')).body.items[0].note).toBe('发票上线');

    const after = await changes();
    expect(changed(after.changes)).toEqual([]);
    expect(after.workspaceVersion).toBe(before + 1);

    const inbound = await t.post('/api/v1/inbound', text('u-invoice', '我要开发票', T0));
    expect(inbound.status).toBe(200);
    expect(inbound.body.matches).toEqual([expect.objectContaining({ flowId: 'invoice-flow', group: '发票' })]);
    expect(inbound.body.replies[0].reply.content).toBe('发票请在订单页申请');
    expect(await auditOf('workspace.publish')).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ note: '发票上线', workspaceVersion: before + 1 }) }),
    ]);
  });

  it('answers 200 with empty lists when nothing differs from what is live, and writes nothing', async () => {
    const before = await seq();
    const res = await t.post('/api/v1/workspace/publish?account=default', {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ workspaceVersion: before, published: [], unpublished: [] });
    expect(await seq()).toBe(before);
    expect(await auditOf('workspace.publish')).toEqual([]);
  });

  it('is stopped by the content gate with pointers into the workspace, and nothing of it goes live', async () => {
    await draftThreeChanges(CURE);
    const before = await seq();
    const res = await t.post('/api/v1/workspace/publish?account=default', { note: '上线' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([
      { path: '/flows/invoice-flow/nodes/2/data/replies/0/content', message: expect.stringContaining('MEDICAL_CLAIM') },
    ]);
    expect(await seq()).toBe(before);
    expect((await t.get('/api/v1/keyword-groups/invoice/versions')).body.items).toEqual([]);
    expect((await t.get('/api/v1/flows/invoice-flow/versions')).body.items).toEqual([]);

    const summary = await changes();
    expect(summary.gates.passed).toBe(false);
    expect(summary.gates['content']).toEqual(res.body.error.details);
  });

  it('lets a reviewed case through with overrideContent and a note, and audits the codes', async () => {
    await draftThreeChanges(CURE);
    const withoutNote = await t.post('/api/v1/workspace/publish?account=default', { overrideContent: true });
    expect(withoutNote.status).toBe(400);
    expect(withoutNote.body.error.code).toBe('VALIDATION_FAILED');
    const res = await t.post('/api/v1/workspace/publish?account=default', {
      overrideContent: true,
      note: '法务已审：引用批文原文',
    });
    expect(res.status).toBe(201);
    const [entry] = await auditOf('workspace.publish-content-override');
    expect(entry?.detail).toEqual(
      expect.objectContaining({
        note: '法务已审：引用批文原文',
        workspaceVersion: res.body.workspaceVersion,
        codes: ['MEDICAL_CLAIM'],
        fields: [
          expect.objectContaining({ flowId: 'invoice-flow', path: '/nodes/2/data/replies/0/content', nodeId: 'r' }),
        ],
      }),
    );
  });

  it('publishes only what was reviewed: a draft changed after the summary was read gives 409, even with an override', async () => {
    await draftThreeChanges(CURE);
    const reviewed = (await changes()) as Awaited<ReturnType<typeof changes>> & { digest: string };
    expect(reviewed.digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await changes()) as unknown).toMatchObject({ digest: reviewed.digest }); // the same workspace, the same digest

    // A colleague adds a second blocked reply after the operator read the summary.
    const flow = (await t.get('/api/v1/flows/invoice-flow')).body;
    const nodes = flow.nodes.map((n: { id: string; data: object }) =>
      n.id === 'r'
        ? {
            ...n,
            data: {
              mode: 'all',
              replies: [
                { type: 'text', content: CURE },
                { type: 'text', content: '保证治愈，绝对有效' },
              ],
            },
          }
        : n,
    );
    expect((await t.put('/api/v1/flows/invoice-flow', { ...flow, nodes })).status).toBe(200);
    const before = await seq();
    const stale = await t.post('/api/v1/workspace/publish?account=default', {
      overrideContent: true,
      note: '法务已审第一条',
      reviewed: reviewed.digest,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(await seq()).toBe(before);

    const again = (await changes()) as Awaited<ReturnType<typeof changes>> & { digest: string };
    expect(again.digest).not.toBe(reviewed.digest);
    const res = await t.post('/api/v1/workspace/publish?account=default', {
      overrideContent: true,
      note: '法务已审两条',
      reviewed: again.digest,
    });
    expect(res.status).toBe(201);
    expect(res.body.workspaceVersion).toBe(before + 1);
    expect((await t.post('/api/v1/workspace/publish?account=default', { reviewed: 'x' })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('runs the saved scenarios on the drafts: a failing one stops it, overrideScenarios with a note is audited', async () => {
    await draftThreeChanges('发票请联系客服');
    const scenario = {
      schemaVersion: 1,
      id: 'invoice-answer',
      name: '发票有回答',
      steps: [
        {
          inbound: { from: 'u1', type: 'text', content: '开发票' },
          expect: { group: '发票', replyContains: '订单页' },
        },
      ],
    };
    expect((await t.post('/api/v1/scenarios', scenario)).status).toBe(201);
    const before = await seq();
    const res = await t.post('/api/v1/workspace/publish?account=default', {});
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: '/scenarios/invoice-answer/steps/0', message: expect.stringContaining('发票有回答') },
    ]);
    expect(await seq()).toBe(before);
    expect((await changes()).gates['scenarios']).toEqual(res.body.error.details);

    const forced = await t.post('/api/v1/workspace/publish?account=default', {
      overrideScenarios: true,
      note: '场景待更新',
    });
    expect(forced.status).toBe(201);
    expect(await auditOf('workspace.publish-override')).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          note: '场景待更新',
          failing: ['invoice-answer'],
          workspaceVersion: before + 1,
        }),
      }),
    ]);
  });

  it('never puts a flow live pointing at a keyword group that is not live', async () => {
    // The flow names a group with no draft (never created): the graph gate stops the whole publish.
    expect(
      (
        await t.post('/api/v1/flows', {
          ...invoiceFlow('好的'),
          nodes: invoiceFlow('好的').nodes.map((n) => (n.id === 'k' ? { ...n, data: { groupId: 'ghost' } } : n)),
        })
      ).status,
    ).toBeLessThan(300);
    const before = await seq();
    const res = await t.post('/api/v1/workspace/publish?account=default', {});
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: '/flows/invoice-flow/nodes/1/data/groupId', message: expect.stringMatching(/^E004:/) },
    ]);
    expect(await seq()).toBe(before);
    expect((await changes()).gates['graph']).toEqual(res.body.error.details);

    // With the group drafted, group and flow go live in the same version; neither is live before.
    expect((await t.post('/api/v1/keyword-groups', { ...invoiceGroup(['发票']), id: 'ghost' })).status).toBe(201);
    const published = await t.post('/api/v1/workspace/publish?account=default', {});
    expect(published.status).toBe(201);
    expect(published.body.workspaceVersion).toBe(before + 1);
    const head = await t.store.versions.head('default');
    expect(head.published).toEqual(
      expect.arrayContaining([
        { kind: 'flow', id: 'invoice-flow', version: 1 },
        { kind: 'keyword-group', id: 'ghost', version: 1 },
      ]),
    );
  });

  it('refuses with 409 when the workspace moved while its gates ran: a group deleted meanwhile never leaves its flow live without it', async () => {
    expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票']))).status).toBe(201);
    expect((await t.post('/api/v1/keyword-groups/invoice/publish', {})).status).toBe(201);
    expect((await t.post('/api/v1/flows', invoiceFlow('发票请在订单页申请'))).status).toBe(201);
    // A second operator deletes the group while the gates run (the scenario gate is the last,
    // asynchronous one): the flow is not live yet, so the delete itself is allowed.
    const deleteGroupMeanwhile = async () => {
      const res = await t.http.delete('/api/v1/keyword-groups/invoice?account=default').set(t.auth);
      expect(res.status).toBeLessThan(300);
      return [];
    };
    const before = await seq();
    const service = new WorkspacePublishService(t.store, deleteGroupMeanwhile);
    await expect(service.publish('default', { note: '发票流程' }, 'ops')).rejects.toMatchObject({ code: 'CONFLICT' });
    const head = await t.store.versions.head('default');
    expect(head.seq).toBe(before + 1); // the delete's own change, nothing of the publish
    expect(head.published.filter((p) => p.id === 'invoice' || p.id === 'invoice-flow')).toEqual([]);

    // Read again, the summary shows why: the flow now names a group that does not exist.
    const again = await t.post('/api/v1/workspace/publish?account=default', {});
    expect(again.status).toBe(400);
    expect(again.body.error.details).toEqual([
      { path: '/flows/invoice-flow/nodes/1/data/groupId', message: expect.stringMatching(/^E004:/) },
    ]);
  });

  it('refuses bad bodies with VALIDATION_FAILED or INVALID_JSON', async () => {
    for (const body of [
      { extra: 1 },
      { note: 5 },
      { overrideContent: 'yes' },
      { note: 'x'.repeat(501) },
      { overrideScenarios: true, note: '' },
    ]) {
      const res = await t.post('/api/v1/workspace/publish?account=default', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.length).toBeGreaterThan(0);
    }
    const malformed = await t.http
      .post('/api/v1/workspace/publish')
      .set(t.auth)
      .set('Content-Type', 'application/json')
      .send('{"note":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('INVALID_JSON');
  });

  it('lets a viewer read the summary but not publish; the runtime role reads neither', async () => {
    const viewer = (await t.store.tokens.create('viewer', 'viewer', 'test')).token;
    const runtime = (await t.store.tokens.create('runtime', 'runtime', 'test')).token;
    expect((await t.get('/api/v1/workspace/changes', viewer)).status).toBe(200);
    const refused = await t.post('/api/v1/workspace/publish', { note: 'x' }, viewer);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
    expect((await t.get('/api/v1/workspace/changes', runtime)).status).toBe(403);
    const editor = (await t.store.tokens.create('editor', 'editor', 'test')).token;
    expect((await t.post('/api/v1/workspace/publish', {}, editor)).status).toBe(200);
  });
});
