/** The sandbox of CONTRACT §9 through HTTP, the scenario library, publish gating and backtests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { runSandbox } from '../../server/src/sandbox/run-sandbox.js';
import { readWorkspaceDir } from '../../server/src/runtime/seed-workspace.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const scenarioDir = path.join(ROOT, 'examples/scenarios');
const scenarios = readdirSync(scenarioDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    doc: JSON.parse(readFileSync(path.join(scenarioDir, f), 'utf8')) as Record<string, unknown>,
  }));

function asRunBody(doc: Record<string, unknown>) {
  const { id: _id, name: _name, description: _d, schemaVersion: _v, ...script } = doc;
  return { account: 'default', ...script };
}

describe('sandbox', () => {
  it.each(scenarios)(
    'example scenario $file passes over HTTP with the same steps as the offline engine',
    async ({ doc }) => {
      const res = await t.post('/api/v1/sandbox/run', asRunBody(doc));
      expect(res.status).toBe(200);
      const failures = res.body.steps.filter((s: { expect: { passed: boolean } }) => !s.expect.passed);
      expect(failures).toEqual([]);
      expect(res.body.passed).toBe(true);
      const workspace = readWorkspaceDir(path.join(ROOT, 'examples/workspace'));
      const offline = await runSandbox({ ...workspace, packs: [] }, doc as never);
      // Over HTTP the answer also names what ran (the drafts, by default).
      expect({ ...JSON.parse(JSON.stringify(offline)), source: 'drafts' }).toEqual(res.body);
    },
  );

  it('is deterministic: the same request gives the same bytes', async () => {
    const body = asRunBody(scenarios.find((s) => s.file === 'reply-at-47h59m.json')!.doc);
    const a = await t.post('/api/v1/sandbox/run', body);
    const b = await t.post('/api/v1/sandbox/run', body);
    expect(a.text).toBe(b.text);
  });

  it('a scenario dated years ago keeps its dedup and reply history: the virtual clock never expires records', async () => {
    const res = await t.post('/api/v1/sandbox/run', {
      start: '2019-03-01T09:00:00+08:00',
      steps: [
        { inbound: { from: 'u1', type: 'text', content: '退钱', msgId: 'old-1' }, expect: { replyCount: 1 } },
        { after: '2m', reply: { type: 'text', content: '您好，还有其他问题吗？' }, to: 'u1' },
        {
          after: '3m',
          reply: { type: 'text', content: '您好，还有其他问题吗？' },
          to: 'u1',
          expect: { verdict: 'block', codes: ['DUPLICATE_REPLY'] },
        },
        { after: '1m', inbound: { from: 'u1', type: 'text', content: '退钱', msgId: 'old-1' } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.steps.map((s: { expect: { failures: unknown[] } }) => s.expect.failures)).toEqual([[], [], [], []]);
    expect(res.body.steps[3].result.duplicate).toBe(true);
    expect(res.body.passed).toBe(true);
  });

  it('changes nothing outside the sandbox', async () => {
    const auditBefore = (await t.get('/api/v1/audit')).body;
    await t.post('/api/v1/sandbox/run', {
      start: T0,
      steps: [
        { inbound: { from: 'real-user', type: 'text', content: '退钱', msgId: 'real-1' } },
        { after: '1m', reply: { type: 'text', content: '您好' }, to: 'real-user' },
      ],
    });
    expect((await t.get('/api/v1/users/real-user/window')).body.state).toBe('none');
    expect((await t.get('/api/v1/audit')).body).toEqual(auditBefore);
    const real = await t.post('/api/v1/inbound', text('real-user', '退钱', T0, 'real-1'));
    expect(real.body.duplicate).toBe(false);
  });

  it('reports a failing expectation with its step and reason', async () => {
    const res = await t.post('/api/v1/sandbox/run', {
      steps: [
        { inbound: { from: 'u1', type: 'text', content: '退钱' }, expect: { group: '退款' } },
        { after: '47h50m', reply: { type: 'text', content: '您好' }, to: 'u1', expect: { verdict: 'allow' } },
      ],
    });
    expect(res.body.passed).toBe(false);
    expect(res.body.steps[0].expect).toEqual({ passed: true, failures: [] });
    expect(res.body.steps[1].kind).toBe('reply');
    expect(res.body.steps[1].expect.failures).toEqual(['结论应为 allow，实际为 warn']);
  });

  it('runs inline draft documents instead of the account drafts', async () => {
    const group = { id: 'invoice', name: '发票', keywords: ['发票'] };
    const flow = {
      id: 'f',
      name: 'f',
      nodes: [
        { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: {} },
        { id: 'k', type: 'keywordGroup', position: { x: 0, y: 0 }, data: { groupId: 'invoice' } },
        {
          id: 'r',
          type: 'reply',
          position: { x: 0, y: 0 },
          data: { replies: [{ type: 'text', content: '发票在订单页申请' }] },
        },
      ],
      edges: [
        { id: 'a', source: 't', target: 'k' },
        { id: 'b', source: 'k', target: 'r' },
      ],
    };
    const res = await t.post('/api/v1/sandbox/run', {
      flows: [flow],
      keywordGroups: [group],
      steps: [
        { inbound: { from: 'u', type: 'text', content: '开发票' }, expect: { group: '发票', replyContains: '订单页' } },
      ],
    });
    expect(res.body.passed).toBe(true);
  });

  it('refuses a malformed script with pointers', async () => {
    const res = await t.post('/api/v1/sandbox/run', {
      steps: [{ after: 'soon', reply: { type: 'text', content: 'x' } }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('/steps/0/after');
  });
});

describe('scenario library', () => {
  const scenario = {
    id: 'refund-answer',
    name: '退钱命中退款',
    steps: [
      { inbound: { from: 'u1', type: 'text', content: '退钱' }, expect: { group: '退款', replyContains: '退款请在' } },
    ],
  };

  it('a failing scenario blocks publish unless overridden with a note', async () => {
    expect((await t.post('/api/v1/scenarios', scenario)).status).toBe(201);
    expect((await t.post('/api/v1/scenarios/run-all', {})).body.passed).toBe(true);
    const group = (await t.get('/api/v1/keyword-groups/refund')).body;
    await t.put('/api/v1/keyword-groups/refund', { ...group, keywords: ['退款', '退货'] });
    const run = await t.post('/api/v1/scenarios/run-all', {});
    expect(run.body.passed).toBe(false);
    expect(run.body.scenarios[0].failures[0].step).toBe(0);
    const refused = await t.post('/api/v1/keyword-groups/refund/publish', { note: '删掉退钱' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('/scenarios/refund-answer/steps/0');
    expect((await t.post('/api/v1/keyword-groups/refund/publish', { overrideScenarios: true })).status).toBe(400);
    const forced = await t.post('/api/v1/keyword-groups/refund/publish', {
      overrideScenarios: true,
      note: '退钱改由人工处理',
    });
    expect(forced.status).toBe(201);
    const audit = (await t.get('/api/v1/audit')).body.items.map((i: { action: string }) => i.action);
    expect(audit).toContain('keyword-group.publish-override');
  });
});

describe('backtest', () => {
  it('replays stored messages against a draft and shows what would change, user by user', async () => {
    await t.post('/api/v1/inbound', text('b1', '我要退钱', T0, 'bt-1'));
    await t.post('/api/v1/inbound', text('b2', '快递多久到', T0 + 1000, 'bt-2'));
    const group = (await t.get('/api/v1/keyword-groups/refund')).body;
    // The example group also finds 退钱 through its combos (退钱+多久, 能+退…): the draft drops them too.
    await t.put('/api/v1/keyword-groups/refund', { ...group, keywords: ['退款', '退货'], combos: [] });
    const res = await t.post('/api/v1/sandbox/backtest', { from: T0 - 1000, to: T0 + 60_000 });
    expect(res.status).toBe(200);
    expect(res.body.messages).toBe(2);
    expect(res.body.changed).toBe(1);
    const b1 = res.body.users.find((u: { openid: string }) => u.openid === 'b1');
    expect(b1.changes[0].before.groups).toEqual(['退款']);
    expect(b1.changes[0].after.groups).toEqual([]);
    expect(res.body.users.find((u: { openid: string }) => u.openid === 'b2').changes).toEqual([]);
  });
});
