/** Industry rule packs through the HTTP API (CONTRACT §10). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../server/src/store/open-store.js';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { checkPack } from '../../server/src/packs/check-pack.js';
import supertest from 'supertest';
import { ADMIN, ROOT, T0, MIN, startTestApp, text, check, type TestApp } from '../support/test-app.js';

const SIX = ['beauty', 'catering', 'ecommerce', 'education', 'maternal-baby', 'medical-health'];

function packFile(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'examples/packs', `${id}.json`), 'utf8')) as Record<string, unknown>;
}

/** A small pack of our own, with one passing self-test. */
function customPack(version = '1.0.0', overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    id: 'custom-finance',
    name: '理财提示',
    version,
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
        terms: [{ term: '保本保息' }, { term: '稳赚不赔' }],
      },
    ],
    keywordGroups: [{ id: 'refund', name: '退款', keywords: ['退款', '赎回'] }],
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
    ...overrides,
  };
}

describe('packs API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the six built-in packs, none installed', async () => {
    const res = await t.get('/api/v1/packs');
    expect(res.status).toBe(200);
    const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(SIX));
    for (const item of res.body.items as Array<Record<string, unknown>>) {
      expect(item).toMatchObject({ installed: false, enabled: false, installedVersion: null });
      expect(item).toHaveProperty('name');
      expect(item).toHaveProperty('version');
      expect(item).toHaveProperty('industry');
    }
  });

  it('serves a pack document, and 404 for an unknown one', async () => {
    const res = await t.get('/api/v1/packs/medical-health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'medical-health', version: '1.0.0' });
    expect(res.body.sources.length).toBeGreaterThan(0);
    expect((await t.get('/api/v1/packs/no-such-pack')).status).toBe(404);
  });

  it.each(SIX)('self-tests of %s pass (at least 15 scenarios)', async (id) => {
    const res = await t.post(`/api/v1/packs/${id}/test`, {});
    expect(res.status).toBe(200);
    const failing = (res.body.scenarios as Array<{ name: string; passed: boolean }>)
      .filter((s) => !s.passed)
      .map((s) => s.name);
    expect(failing).toEqual([]);
    expect(res.body.passed).toBe(true);
    expect(res.body.scenarios.length).toBeGreaterThanOrEqual(15);
  });

  it('an installed pack applies to /replies/check at once; disable, enable and uninstall too', async () => {
    const claim = '我们的新疗法保证治愈，三天见效。';
    await t.post('/api/v1/inbound', text('p1', '你好', T0));
    const codesOf = async (n: number) => {
      const res = await t.post('/api/v1/replies/check', check('p1', `${claim}${n}`, T0 + n * 1000, false));
      expect(res.status).toBe(200);
      return {
        verdict: res.body.verdict as string,
        codes: (res.body.reasons as Array<{ code: string }>).map((r) => r.code),
      };
    };
    expect((await codesOf(1)).codes).not.toContain('pack:medical-health/CURE_CLAIM');

    const installed = await t.post('/api/v1/packs/medical-health/install', {});
    expect(installed.status).toBe(200);
    expect(installed.body).toMatchObject({
      id: 'medical-health',
      version: '1.0.0',
      action: 'install',
      enabled: true,
      tests: { passed: true },
    });
    const after = await codesOf(2);
    expect(after.verdict).toBe('block');
    expect(after.codes).toContain('pack:medical-health/CURE_CLAIM');

    const list = await t.get('/api/v1/packs');
    expect((list.body.items as Array<Record<string, unknown>>).find((i) => i.id === 'medical-health')).toMatchObject({
      installed: true,
      enabled: true,
      installedVersion: '1.0.0',
    });

    expect((await t.post('/api/v1/packs/medical-health/disable', {})).body).toEqual({
      id: 'medical-health',
      enabled: false,
    });
    expect((await codesOf(3)).codes).not.toContain('pack:medical-health/CURE_CLAIM');
    expect((await t.post('/api/v1/packs/medical-health/enable', {})).body).toEqual({
      id: 'medical-health',
      enabled: true,
    });
    expect((await codesOf(4)).codes).toContain('pack:medical-health/CURE_CLAIM');

    expect((await t.http.delete('/api/v1/packs/medical-health').set(t.auth)).status).toBe(204);
    expect((await codesOf(5)).codes).not.toContain('pack:medical-health/CURE_CLAIM');
    expect((await t.http.delete('/api/v1/packs/medical-health').set(t.auth)).status).toBe(404);
    expect((await t.post('/api/v1/packs/medical-health/enable', {})).status).toBe(404);

    const actions = (await t.store.audit.list('default')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['pack.install', 'pack.disable', 'pack.enable', 'pack.uninstall']));
  });

  it('previews an import: added items and a keyword already in one of the account’s groups', async () => {
    const res = await t.post('/api/v1/packs/import?dryRun=true', packFile('ecommerce'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: 'ecommerce', action: 'install', installedVersion: null, changed: [] });
    expect(res.body.added.lexicons).toEqual(['marketplace-diversion', 'fake-reviews', 'induced-sharing', 'promotion']);
    expect(res.body.added.rules).toEqual(['offsite-shopping', 'coupon-push', 'share-for-coupon']);
    expect(res.body.added.keywordGroups).toEqual(['refund', 'logistics', 'invoice']);
    expect(res.body.added.flows).toEqual(['ecommerce-pack-faq']);
    // The seeded workspace already has a refund group holding 退款.
    expect(res.body.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'keyword', keyword: '退款', group: 'refund', existingGroup: 'refund' }),
      ]),
    );
    // A preview changes nothing.
    const list = await t.get('/api/v1/packs');
    expect((list.body.items as Array<Record<string, unknown>>).find((i) => i.id === 'ecommerce')).toMatchObject({
      installed: false,
    });
  });

  it('imports, upgrades v1 → v1.1, refuses a downgrade unless forced', async () => {
    const v1 = customPack('1.0.0');
    const first = await t.post('/api/v1/packs/import', v1);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: 'custom-finance',
      version: '1.0.0',
      action: 'install',
      previousVersion: null,
    });

    const v11 = customPack('1.1.0');
    v11.lexicons[0]?.terms.push({ term: '保证收益' });
    const preview = await t.post('/api/v1/packs/import?dryRun=true', v11);
    expect(preview.body).toMatchObject({ action: 'upgrade', installedVersion: '1.0.0', added: { lexicons: [] } });
    expect(preview.body.changed).toEqual([{ kind: 'lexicon', id: 'returns', change: 'modified' }]);
    expect(preview.body.conflicts).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'keyword', keyword: '退款' })]),
    );

    const upgraded = await t.post('/api/v1/packs/import', v11);
    expect(upgraded.status).toBe(201);
    expect(upgraded.body).toMatchObject({ version: '1.1.0', action: 'upgrade', previousVersion: '1.0.0' });

    const down = await t.post('/api/v1/packs/import', v1);
    expect(down.status).toBe(409);
    expect(down.body.error.code).toBe('CONFLICT');
    const downPreview = await t.post('/api/v1/packs/import?dryRun=true', v1);
    expect(downPreview.body.conflicts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'version', installedVersion: '1.1.0', version: '1.0.0' }),
      ]),
    );

    const forced = await t.post('/api/v1/packs/import?force=true', v1);
    expect(forced.status).toBe(201);
    expect(forced.body).toMatchObject({ version: '1.0.0', action: 'downgrade', previousVersion: '1.1.0' });

    const entry = ((await t.get('/api/v1/packs')).body.items as Array<Record<string, unknown>>).find(
      (i) => i.id === 'custom-finance',
    );
    expect(entry).toMatchObject({ origin: 'imported', installed: true, installedVersion: '1.0.0' });
    const actions = (await t.store.audit.list('default')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['pack.import', 'pack.upgrade', 'pack.downgrade']));
  });

  it('refuses a schema-invalid pack with 400 and JSON pointers', async () => {
    const bad = {
      ...customPack(),
      id: 'Bad Id',
      version: 'one',
      lexicons: [{ id: 'x', name: 'x', category: 'nope', terms: [] }],
    };
    const res = await t.post('/api/v1/packs/import', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = (res.body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/id', '/version', '/lexicons/0/category']));
    // and so does the preview
    expect((await t.post('/api/v1/packs/import?dryRun=true', bad)).status).toBe(400);
  });

  it('refuses a lexicon code outside the pack’s namespace', async () => {
    const pack = customPack();
    const res = await t.post('/api/v1/packs/import', {
      ...pack,
      lexicons: [{ ...pack.lexicons[0], code: 'MEDICAL_CLAIM' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/lexicons/0/code' })]),
    );
  });

  it('refuses a pathological regex keyword, never running it', async () => {
    const pack = customPack('2.0.0', { id: 'regex-pack', tests: [] });
    const lexicon = {
      ...pack.lexicons[0],
      code: 'pack:regex-pack/RETURN_GUARANTEE',
      terms: [{ term: '(a+)+$', regex: true }],
    };
    const res = await t.post('/api/v1/packs/import', { ...pack, lexicons: [lexicon] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: '/lexicons/0/terms/0/term' })]);
  });

  it('refuses a pack whose self-test fails, naming the scenario and the step', async () => {
    const pack = customPack('1.0.0', { id: 'broken-tests' });
    const lexicon = { ...pack.lexicons[0], code: 'pack:broken-tests/RETURN_GUARANTEE' };
    const tests = [
      {
        name: '应当放行的普通回复',
        steps: [
          { inbound: { from: 'u1', type: 'text', content: '你好' } },
          { reply: { type: 'text', content: '您好，有什么可以帮您？' }, to: 'u1', expect: { verdict: 'allow' } },
          { reply: { type: 'text', content: '这款产品稳赚不赔' }, to: 'u1', expect: { verdict: 'allow' } },
        ],
      },
    ];
    const res = await t.post('/api/v1/packs/import', { ...pack, lexicons: [lexicon], tests });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details).toHaveLength(1);
    expect(res.body.error.details[0].path).toBe('/tests/0/steps/2');
    expect(res.body.error.details[0].message).toContain('应当放行的普通回复');
    expect(res.body.error.details[0].message).toContain('第 3 步');
    expect(((await t.get('/api/v1/packs')).body.items as Array<{ id: string }>).map((i) => i.id)).not.toContain(
      'broken-tests',
    );
  });

  it('exports the account’s own rules as a valid pack that round-trips through import preview', async () => {
    const res = await t.get('/api/v1/packs/export');
    expect(res.status).toBe(200);
    const checked = checkPack(res.body);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(res.body.id).toBe('account-default');
    const groups = (await t.get('/api/v1/keyword-groups')).body.items.map((g: { id: string }) => g.id);
    expect(res.body.keywordGroups.map((g: { id: string }) => g.id).sort()).toEqual([...groups].sort());
    expect(res.body.lexicons.length).toBeGreaterThan(0);
    expect(res.body.sampleFlows.length).toBeGreaterThan(0);
    const preview = await t.post('/api/v1/packs/import?dryRun=true', res.body);
    expect(preview.status).toBe(200);
    expect(preview.body.added.keywordGroups.sort()).toEqual([...groups].sort());
    expect(preview.body.added.lexicons).toEqual(res.body.lexicons.map((l: { id: string }) => l.id));
    // Every group keyword is already answered by the account's own group of the same id.
    expect(preview.body.conflicts.filter((c: { kind: string }) => c.kind === 'keyword').length).toBeGreaterThan(0);
  });

  it('needs editor rights to change packs', async () => {
    const token = await t.post('/api/v1/tokens', { name: 'v', role: 'viewer' });
    const viewer = token.body.token as string;
    expect((await t.get('/api/v1/packs', viewer)).status).toBe(200);
    expect((await t.post('/api/v1/packs/beauty/install', {}, viewer)).status).toBe(403);
  });

  it('keeps an imported pack across a restart', async () => {
    await t.store.close();
    const store = await openStore({ dataDir: t.dataDir });
    try {
      const app = createApp({
        store,
        log: createLogger('silent'),
        adminToken: ADMIN,
        clock: () => T0 + MIN,
        bodyLimit: '1mb',
      });
      const res = await supertest(app).get('/api/v1/packs').set('Authorization', `Bearer ${ADMIN}`);
      expect((res.body.items as Array<Record<string, unknown>>).find((i) => i.id === 'custom-finance')).toMatchObject({
        origin: 'imported',
        installed: true,
      });
      const doc = await supertest(app).get('/api/v1/packs/custom-finance').set('Authorization', `Bearer ${ADMIN}`);
      expect(doc.body.version).toBe('1.0.0');
    } finally {
      await store.close();
    }
  });
});
