/**
 * Issue 9 §3–4: a document that cannot run never reaches the runtime. Each input that used to
 * validate, publish and then answer 503 to every message is refused at save, publish, import or
 * rollback with a pointer into it; a published version that fails anyway (written by an older
 * release) leaves the account on its last good rules, shown in /healthz and the audit; budgets
 * refuse oversized packs; and a large compile lets other requests through.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, text, check, type TestApp } from '../support/test-app.js';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';
import { budgetUse, COMPILE_BUDGET } from '../../server/src/core/engine/compile-budget.js';
import { readWorkspaceDir } from '../../server/src/runtime/seed-workspace.js';

interface Detail {
  path: string;
  message: string;
}

/** Asserts a VALIDATION_FAILED answer whose details point at `path`. */
function expectRefused(res: { status: number; body: { error?: { code?: string; details?: Detail[] } } }, path: string) {
  expect(res.status).toBe(400);
  expect(res.body.error?.code).toBe('VALIDATION_FAILED');
  expect(res.body.error?.details?.map((d) => d.path)).toContain(path);
}

/** The account still answers its runtime routes (each of these answered 503 before). */
async function expectServing(t: TestApp, account = 'default') {
  const now = Date.now();
  const inbound = await t.post('/api/v1/inbound', { ...text('u-serving', '退钱', now), account });
  expect(inbound.status).toBe(200);
  const checked = await t.post('/api/v1/replies/check', {
    ...check('u-serving', '您好，请问还有什么可以帮您？', now, false),
    account,
  });
  expect(checked.status).toBe(200);
  expect((await t.get(`/api/v1/users/u-serving/window?account=${account}`)).status).toBe(200);
  return inbound.body as { matches: Array<{ group: string }>; replies: unknown[] };
}

const regexGroup = (id: string, keyword: string) => ({ id, name: id, mode: 'regex', keywords: [keyword] });
const regexLexicon = (term: string) => ({
  id: 'regex-terms',
  name: '正则词条',
  category: 'banned',
  terms: [{ term, regex: true }],
});

/** A pack of generated literal terms, with no self-test: the budget alone must guard it. */
function bigPack(id: string, termCount: number, regexCount = 0) {
  let seed = id.length * 7919;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const word = () => Array.from({ length: 5 }, () => String.fromCharCode(0x4e00 + (next() % 6000))).join('');
  return {
    schemaVersion: 1,
    id,
    name: id,
    version: '1.0.0',
    industry: '测试',
    sources: [],
    lexicons: [
      {
        id: 'big',
        name: '大词库',
        category: 'banned',
        code: `pack:${id}/BIG`,
        terms: [
          ...Array.from({ length: termCount }, () => ({ term: word() })),
          ...Array.from({ length: regexCount }, (_, i) => ({ term: `${word()}[0-9]{1,${(i % 9) + 1}}`, regex: true })),
        ],
      },
    ],
  };
}

describe('documents that cannot run are refused with a pointer', () => {
  let t: TestApp;
  let policy: Record<string, unknown> & { revision: number };
  beforeAll(async () => {
    t = await startTestApp();
    await expectServing(t);
  });
  beforeEach(async () => {
    policy = (await t.get('/api/v1/policies/default')).body;
  });
  afterEach(async () => {
    await expectServing(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['an escape RE2 refuses', '\\u{1F600}'],
    ['a repeat bound past RE2’s limit', '退款{10000}'],
  ])('a regex keyword with %s, at save and at publish', async (_what, keyword) => {
    expectRefused(await t.post('/api/v1/keyword-groups', regexGroup('emoji', keyword)), '/keywords/0');
    // A draft that got in some other way (an older release) still cannot publish.
    await t.store.documents.create('default', 'keyword-group', 'legacy', regexGroup('legacy', keyword), 'old-release');
    expectRefused(await t.post('/api/v1/keyword-groups/legacy/publish', {}), '/keywords/0');
    await t.store.documents.remove('default', 'keyword-group', 'legacy', undefined);
  });

  it('a lexicon regex term \\cA', async () => {
    const lexicons = [...((policy['lexicons'] as unknown[]) ?? []), regexLexicon('\\cA')];
    expectRefused(
      await t.put('/api/v1/policies/default', { ...policy, lexicons }),
      `/lexicons/${lexicons.length - 1}/terms/0/term`,
    );
  });

  it('a custom rule whose condition is empty: {"all":[{}]}', async () => {
    const rules = [{ id: 'empty', name: '空条件', severity: 'warn', message: '空条件', conditions: { all: [{}] } }];
    const res = await t.put('/api/v1/policies/default', { ...policy, rules });
    expectRefused(res, '/rules/0/conditions/all/0/fact');
    expect(res.body.error.details.map((d: Detail) => d.path)).toContain('/rules/0/conditions/all/0/operator');
  });

  it('a custom rule with an operator json-rules-engine does not know', async () => {
    const rules = [
      {
        id: 'odd',
        name: '未知比较',
        severity: 'warn',
        message: '未知比较',
        conditions: { all: [{ fact: 'text', operator: 'looksLike', value: 'x' }] },
      },
    ];
    expectRefused(await t.put('/api/v1/policies/default', { ...policy, rules }), '/rules/0/conditions/all/0/operator');
  });

  it('a policy window of 1e300 minutes', async () => {
    const window = { message: { quota: 5, minutes: 1e300 } };
    expectRefused(await t.put('/api/v1/policies/default', { ...policy, window }), '/window/message/minutes');
  });

  it('a pack with such a regex term and no self-test', async () => {
    const pack = {
      ...bigPack('regex-pack', 1),
      lexicons: [{ ...bigPack('regex-pack', 1).lexicons[0], terms: [{ term: '\\cA', regex: true }] }],
    };
    const res = await t.post('/api/v1/packs/import', pack);
    expectRefused(res, '/lexicons/0/terms/0/term');
    expect(
      (await t.get('/api/v1/packs')).body.items?.some?.((p: { id: string }) => p.id === 'regex-pack') ?? false,
    ).toBe(false);
  });

  it('a rollback to a stored version that cannot run', async () => {
    const published = await t.store.versions.publish(
      'default',
      'keyword-group',
      'refund',
      regexGroup('refund', '退款{10000}'),
      'old-release',
      '',
    );
    await t.store.versions.publish(
      'default',
      'keyword-group',
      'refund',
      (await t.get('/api/v1/keyword-groups/refund')).body,
      'admin',
      'fixed',
    );
    expectRefused(
      await t.post('/api/v1/keyword-groups/refund/rollback', { version: published.version }),
      '/keywords/0',
    );
  });
});

describe('a published version that fails to compile anyway', () => {
  let t: TestApp;
  afterEach(async () => {
    await t.close();
  });

  it('keeps serving the last good version, and says so in /healthz and the audit', async () => {
    t = await startTestApp();
    const before = await expectServing(t);
    expect(before.matches.map((m) => m.group)).toContain('退款');
    // Written straight into the store, as an older release might have.
    await t.store.versions.publish(
      'default',
      'policy',
      'default',
      { ...DEFAULT_POLICY, window: { message: { quota: 5, minutes: 1e300 } } },
      'old-release',
      '',
    );

    const after = await expectServing(t);
    expect(after.matches).toEqual(before.matches);
    const health = await t.http.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.degraded).toEqual([
      expect.objectContaining({ account: 'default', error: expect.stringContaining('/policy/window/message/minutes') }),
    ]);
    const audit = await t.store.audit.list('default');
    expect(audit.filter((a) => a.action === 'workspace.compile-failed')).toHaveLength(1);

    // Publishing a policy that runs clears it.
    expect((await t.post('/api/v1/policies/default/publish', {})).status).toBe(201);
    await expectServing(t);
    expect((await t.http.get('/healthz')).body).toEqual({ status: 'ok' });
  });

  it('with no good version ever, runs on the default policy with no flows', async () => {
    t = await startTestApp();
    await t.store.versions.publish(
      'default',
      'keyword-group',
      'refund',
      regexGroup('refund', '\\u{1F600}'),
      'old-release',
      '',
    );
    const served = await expectServing(t);
    expect(served.matches).toEqual([]);
    expect(served.replies).toEqual([]);
    const blocked = await t.post('/api/v1/replies/check', check('u-serving', '保证治愈', Date.now(), false));
    expect(blocked.body.reasons.map((r: { code: string }) => r.code)).toContain('MEDICAL_CLAIM');
    expect((await t.http.get('/healthz')).body.degraded[0]).toMatchObject({
      account: 'default',
      error: expect.stringContaining('默认合规策略'),
    });
  });
});

describe('budgets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a pack with more regex terms than one document may hold', async () => {
    const res = await t.post('/api/v1/packs/import', bigPack('regex-heavy', 10, COMPILE_BUDGET.documentRegexTerms + 1));
    expectRefused(res, '/lexicons');
    expect(res.body.error.details[0].message).toContain('上限');
  });

  it('compiles a large allowed pack set off the request path, then refuses the pack that takes the account past its budget', async () => {
    // Two packs of 5-char terms fill what the default policy and the seeded example workspace leave
    // of the account's character budget, less a margin of 2,000; a third cannot fit, and is the
    // document that crosses the budget. Packs are counted before the keyword groups, so the third is
    // sized to cross on the policy and packs alone: "as large as the others" crossed only while the
    // example groups stayed small, and failed at the groups once they grew.
    const { flows, groups } = readWorkspaceDir(fileURLToPath(new URL('../../examples/workspace', import.meta.url)));
    const left =
      COMPILE_BUDGET.workspacePatternChars - budgetUse({ flows, groups, policy: DEFAULT_POLICY }).chars - 2_000;
    const terms = Math.min(COMPILE_BUDGET.documentTerms, Math.floor(left / 2 / 5));
    const policyChars = budgetUse({ flows: [], groups: [], policy: DEFAULT_POLICY }).chars;
    const crossing = Math.max(
      terms,
      Math.floor((COMPILE_BUDGET.workspacePatternChars - policyChars - 2 * terms * 5) / 5) + 1,
    );
    for (const id of ['big-a', 'big-b'])
      expect((await t.post('/api/v1/packs/import', bigPack(id, terms))).status).toBe(201);

    // Watch the runtime: once loadPublished has its two reads (published versions and packs,
    // as the workspace head names them), the account's compile starts; when the inbound claims
    // its message, it is over.
    const store = t.store;
    let reads = 0;
    let compiled = false;
    let started!: () => void;
    const compileStarted = new Promise<void>((resolve) => (started = resolve));
    const count =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        const value = await fn(...args);
        if (++reads === 2) started();
        return value;
      };
    store.versions.latestAll = count(store.versions.latestAll.bind(store.versions));
    store.packs.list = count(store.packs.list.bind(store.packs));
    // A message not seen before is claimed with its result staged, after the compile.
    const claim = store.inbound.claimStaged.bind(store.inbound);
    store.inbound.claimStaged = async (...args) => {
      compiled = true;
      return claim(...args);
    };
    const pending = t.post('/api/v1/inbound', text('u-big', '退钱', Date.now()));
    const sent = pending.then((res) => res); // supertest sends on then()
    await compileStarted;
    // The health check is served during or after the compile (which of the two depends on the
    // machine's load; that the compile yields between slices is held by run-in-slices.test.ts).
    const health = await t.http.get('/healthz');
    expect(health.status).toBe(200);
    expect((await sent).status).toBe(200);
    expect(compiled).toBe(true);

    const over = await t.post('/api/v1/packs/import', bigPack('big-c', crossing));
    expectRefused(over, '/lexicons');
    expect(over.body.error.details[0].message).toMatch(/上限/);
  });
});
