/**
 * The answers follow the response schemas in rules-schema (the editor's types are derived from
 * them): /replies/check, the window read, the queue, /lint, /lint/flow, the sandbox, scenarios,
 * backtests, the pack routes and the document lists and versions,
 * with the optional parts a client reads (evidence, rewrite suggestions and hints, `info` notes)
 * present, so a drift between what the server sends and what the schemas say fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SchemaName } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';
import { check, HOUR, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

/** A link (a rewrite to the menu) and an absolute term (a neutral rewrite). */
const MIXED = '最佳选择，详情见 https://item.taobao.com/1';
/** A claim quoted in a warning: reported as an `info` note only. */
const WARNING = '谨防宣称药到病除的广告';

type Reason = { code: string; severity: string; evidence?: unknown; suggestion?: { kind: string } };

function expectValid(name: SchemaName, body: unknown): void {
  const result = validate(name, structuredClone(body));
  expect(result.ok ? [] : result.problems, name).toEqual([]);
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  expect((await t.post('/api/v1/inbound', text('u1', '你好', T0))).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('answers follow the response schemas', () => {
  it('/replies/check, with evidence, rewrites, hints and notes', async () => {
    const res = await t.post('/api/v1/replies/check', check('u1', MIXED, T0 + HOUR, false));
    expect(res.status).toBe(200);
    expectValid('reply-check-result', res.body);
    const reasons = res.body.reasons as Reason[];
    expect(reasons.some((r) => r.evidence && r.suggestion?.kind === 'rewrite')).toBe(true);

    const noted = await t.post('/api/v1/replies/check', check('u1', WARNING, T0 + HOUR, false));
    expectValid('reply-check-result', noted.body);
    expect((noted.body.reasons as Reason[]).map((r) => r.severity)).toEqual(['info']);

    const hinted = await t.post('/api/v1/replies/check', check('nobody', '您好', T0 + HOUR, false));
    expectValid('reply-check-result', hinted.body);
    expect((hinted.body.reasons as Reason[]).find((r) => r.code === 'WINDOW_NONE')?.suggestion?.kind).toBe('hint');
  });

  it('the agent queue', async () => {
    const res = await t.get('/api/v1/conversations?account=default&state=awaiting');
    expect(res.status).toBe(200);
    expectValid('conversation-queue', res.body);
    expect(res.body.items.map((i: { openid: string }) => i.openid)).toEqual(['u1']);
  });

  it('the window read, for a known and an unknown user', async () => {
    for (const openid of ['u1', 'never-seen']) {
      const res = await t.get(`/api/v1/users/${openid}/window?account=default`);
      expect(res.status).toBe(200);
      expectValid('window-result', res.body);
    }
  });

  it('/lint and /lint/flow', async () => {
    const lint = await t.post('/api/v1/lint', { account: 'default', reply: { type: 'text', content: MIXED } });
    expect(lint.status).toBe(200);
    expectValid('lint-result', lint.body);
    expect((lint.body.reasons as Reason[]).length).toBeGreaterThan(1);
    const noted = await t.post('/api/v1/lint', { account: 'default', reply: { type: 'text', content: WARNING } });
    expectValid('lint-result', noted.body);
    expect(noted.body.verdict).toBe('allow');

    expect((await t.post('/api/v1/keyword-groups', invoiceGroup(['发票']))).status).toBe(201);
    const flow = await t.post('/api/v1/lint/flow', { account: 'default', flow: invoiceFlow('我们的产品能治疗高血压') });
    expect(flow.status).toBe(200);
    expectValid('blocked-replies', flow.body);
    expect(flow.body.blocked).toHaveLength(1);
  });

  it('every sandbox step result', async () => {
    const res = await t.post('/api/v1/sandbox/run', {
      account: 'default',
      start: '2026-01-05T09:00:00+08:00',
      users: { u1: { nickname: '小明' } },
      steps: [
        { inbound: { from: 'u1', type: 'text', content: '退钱' } },
        { after: '1m', reply: { type: 'text', content: MIXED }, to: 'u1', commit: false },
      ],
    });
    expect(res.status).toBe(200);
    expectValid('sandbox-result', res.body);
    const steps = res.body.steps as Array<{ kind: string; result: unknown }>;
    expect(steps.map((s) => s.kind)).toEqual(['inbound', 'reply']);
    expectValid('inbound-result', steps[0]?.result);
    expectValid('reply-check-result', steps[1]?.result);
  });

  it('saved scenarios and a backtest', async () => {
    const scenario = {
      id: 'refund',
      name: '退钱',
      steps: [{ inbound: { from: 'u1', type: 'text', content: '退钱' }, expect: { group: '退款' } }],
    };
    expect((await t.post('/api/v1/scenarios', scenario)).status).toBe(201);
    const run = await t.post('/api/v1/scenarios/run-all?account=default', {});
    expect(run.status).toBe(200);
    expect(run.body.scenarios.length).toBeGreaterThan(0);
    for (const outcome of run.body.scenarios) expectValid('scenario-outcome', outcome);

    const backtest = await t.post('/api/v1/sandbox/backtest', { account: 'default', from: T0 - HOUR, to: T0 + HOUR });
    expect(backtest.status).toBe(200);
    expectValid('backtest-report', backtest.body);
    expect(backtest.body.messages).toBe(1);
  });

  it('the pack routes: catalog, import preview, install, self-test', async () => {
    const catalog = await t.get('/api/v1/packs?account=default');
    expect(catalog.body.items.length).toBeGreaterThanOrEqual(6);
    for (const entry of catalog.body.items) expectValid('catalog-entry', entry);

    const pack = (await t.get('/api/v1/packs/beauty?account=default')).body;
    const preview = await t.post('/api/v1/packs/import?dryRun=true&account=default', pack);
    expect(preview.status).toBe(200);
    expectValid('import-preview', preview.body);

    const installed = await t.post('/api/v1/packs/beauty/install?account=default', {});
    expect(installed.status).toBe(200);
    expectValid('install-outcome', installed.body);

    const tested = await t.post('/api/v1/packs/beauty/test?account=default', {});
    expect(tested.status).toBe(200);
    expectValid('pack-test-report', tested.body);
    expect(tested.body.scenarios.length).toBeGreaterThan(0);
  });

  it('document lists and versions', async () => {
    const flows = await t.get('/api/v1/flows?account=default');
    expect(flows.body.items.length).toBeGreaterThan(0);
    for (const item of flows.body.items) expectValid('document-summary', item);
    const live = flows.body.items.find((i: { publishedVersion: number | null }) => i.publishedVersion !== null);
    const versions = await t.get(`/api/v1/flows/${live.id}/versions?account=default`);
    expect(versions.body.items.length).toBeGreaterThan(0);
    for (const v of versions.body.items) expectValid('version-info', v);
  });
});
