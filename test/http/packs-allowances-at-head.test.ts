/**
 * A pack install, upgrade or enable and an allowance go live only on the workspace their checks
 * judged (issue 10's rule, publish-at-head.ts): when another instance changes what is live
 * between A's checks and A's write, A gets 409 and live is exactly B's. Two app instances share
 * one store on disk; B's change is injected at A's write (a wrapped repository), never by timing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appInstance, runningFirst, type AppInstance, type Interleave } from '../support/app-instance.js';
import { check, MIN, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

const MOVED = '线上版本已被他人更改，请重新检查后发布';

let t: TestApp;
const interleave: Interleave = {};

beforeEach(async () => {
  t = await startTestApp();
  interleave.next = undefined;
  expect((await t.post('/api/v1/inbound', text('u-at-head', '你好', T0))).status).toBe(200);
});
afterEach(async () => {
  await t.close();
});

/** Instance A: a pack write or a publish first lets `interleave.next` run (B's change lands there). */
function instanceA(): AppInstance {
  const packs = runningFirst(t.store.packs, ['install', 'setEnabled'], interleave);
  const versions = runningFirst(t.store.versions, ['publishAll'], interleave);
  return appInstance({ ...t.store, packs, versions });
}

const head = () => t.store.versions.head('default');
const installed = async () => (await t.store.packs.list('default')).map((p) => [p.packId, p.version, p.enabled]);

/** The codes a reply raises, judged by instance `i` (its own compiled cache). */
async function codesOf(i: AppInstance, content: string, n: number): Promise<string[]> {
  const r = await i.post('/api/v1/replies/check', check('u-at-head', content, T0 + n * MIN, false));
  expect(r.status).toBe(200);
  return (r.body.reasons as Array<{ code: string }>).map((x) => x.code);
}

/** A small pack of our own, one lexicon and one passing self-test. */
function travelPack(version: string, terms = ['包签包过']) {
  return {
    schemaVersion: 1,
    id: 'travel-visa',
    name: '签证提示',
    version,
    industry: '旅游',
    sources: [{ id: 'ad-law-4', title: '《中华人民共和国广告法》', article: '第四条' }],
    lexicons: [
      {
        id: 'visa',
        name: '包过承诺',
        category: 'banned',
        severity: 'block',
        code: 'pack:travel-visa/VISA_GUARANTEE',
        terms: terms.map((term) => ({ term })),
      },
    ],
    tests: [
      {
        name: '包签包过',
        steps: [
          { inbound: { from: 'u1', type: 'text', content: '你好' } },
          {
            reply: { type: 'text', content: '我们包签包过' },
            to: 'u1',
            expect: { codes: ['pack:travel-visa/VISA_GUARANTEE'], verdict: 'block' },
          },
        ],
      },
    ],
  };
}

describe('a pack change lands only on the live workspace its checks judged', () => {
  it('a plain import moves live by one version and applies on every instance', async () => {
    const before = await head();
    const res = await instanceA().post('/api/v1/packs/import', travelPack('1.0.0'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: 'travel-visa',
      version: '1.0.0',
      action: 'install',
      enabled: true,
      tests: { passed: true },
    });
    expect((await head()).seq).toBe(before.seq + 1);
    expect(await codesOf(appInstance(t.store), '我们包签包过', 1)).toContain('pack:travel-visa/VISA_GUARANTEE');
  });

  it('409 when B upgrades the pack between A’s self-test and A’s write: no silent downgrade, live is exactly B’s', async () => {
    const a = instanceA();
    const b = appInstance(t.store);
    let bHead: Awaited<ReturnType<typeof head>> | undefined;
    interleave.next = async () => {
      expect((await b.post('/api/v1/packs/import', travelPack('1.1.0', ['包签包过', '百分百出签']))).status).toBe(201);
      bHead = await head();
    };
    const res = await a.post('/api/v1/packs/import', travelPack('1.0.0'));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: MOVED });
    expect(await head()).toEqual(bHead);
    expect(await installed()).toEqual([['travel-visa', '1.1.0', true]]);
    const entry = ((await t.get('/api/v1/packs')).body.items as Array<Record<string, unknown>>).find(
      (p) => p.id === 'travel-visa',
    );
    expect(entry).toMatchObject({ version: '1.1.0', installedVersion: '1.1.0' });
    for (const i of [a, b]) expect(await codesOf(i, '保证百分百出签', 2)).toContain('pack:travel-visa/VISA_GUARANTEE');

    // Checked again on what is live now, A's 1.0.0 is the downgrade it is.
    const retry = await a.post('/api/v1/packs/import', travelPack('1.0.0'));
    expect(retry.status).toBe(409);
    expect(retry.body.error.message).toContain('不能降级');
  });

  it('409 on a catalog install when B installs another pack meanwhile; the retry installs it beside B’s', async () => {
    const a = instanceA();
    const b = appInstance(t.store);
    let bHead: Awaited<ReturnType<typeof head>> | undefined;
    interleave.next = async () => {
      expect((await b.post('/api/v1/packs/import', travelPack('1.0.0'))).status).toBe(201);
      bHead = await head();
    };
    const res = await a.post('/api/v1/packs/medical-health/install', {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: MOVED });
    expect(await head()).toEqual(bHead);
    expect(await installed()).toEqual([['travel-visa', '1.0.0', true]]);
    for (const i of [a, b])
      expect(await codesOf(i, '我们的新疗法保证治愈', 3)).not.toContain('pack:medical-health/CURE_CLAIM');

    const retry = await a.post('/api/v1/packs/medical-health/install', {});
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ id: 'medical-health', action: 'install', enabled: true });
    expect((await head()).seq).toBe((bHead?.seq ?? 0) + 1);
    expect(await installed()).toEqual([
      ['medical-health', '1.0.0', true],
      ['travel-visa', '1.0.0', true],
    ]);
    for (const i of [a, b])
      expect(await codesOf(i, '我们的新疗法保证治愈', 4)).toContain('pack:medical-health/CURE_CLAIM');
  });

  it('409 on enable when B changes what is live meanwhile; the pack stays disabled until checked again', async () => {
    const a = instanceA();
    const b = appInstance(t.store);
    expect((await a.post('/api/v1/packs/import', travelPack('1.0.0'))).status).toBe(201);
    expect((await a.post('/api/v1/packs/travel-visa/disable', {})).body).toEqual({ id: 'travel-visa', enabled: false });
    let bHead: Awaited<ReturnType<typeof head>> | undefined;
    interleave.next = async () => {
      const added = await b.post('/api/v1/policies/default/allowances', {
        code: 'ABSOLUTE_TERM',
        phrase: '最佳拍档套餐',
      });
      expect(added.status).toBe(201);
      bHead = await head();
    };
    const res = await a.post('/api/v1/packs/travel-visa/enable', {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: MOVED });
    expect(await head()).toEqual(bHead);
    expect(await installed()).toEqual([['travel-visa', '1.0.0', false]]);
    for (const i of [a, b])
      expect(await codesOf(i, '我们包签包过', 5)).not.toContain('pack:travel-visa/VISA_GUARANTEE');

    expect((await a.post('/api/v1/packs/travel-visa/enable', {})).body).toEqual({ id: 'travel-visa', enabled: true });
    for (const i of [a, b]) expect(await codesOf(i, '我们包签包过', 6)).toContain('pack:travel-visa/VISA_GUARANTEE');
  });
});

describe('an allowance lands only on the live policy its checks judged', () => {
  const allowancesOf = (doc: { allowances?: Array<{ phrase: string }> }) => (doc.allowances ?? []).map((x) => x.phrase);
  const livePolicy = async () => {
    const v = await t.store.versions.publishedVersion('default', 'policy', 'default');
    return (await t.get(`/api/v1/policies/default/versions/${v}`)).body.document as {
      allowances?: Array<{ phrase: string }>;
    };
  };
  const draftPolicy = async () =>
    (await t.get('/api/v1/policies/default')).body as { allowances?: Array<{ phrase: string }> };

  it('a plain allowance goes live in one version, on every instance', async () => {
    const before = await head();
    const live = await t.store.versions.publishedVersion('default', 'policy', 'default');
    expect(await codesOf(appInstance(t.store), '我们的招牌是最佳拍档套餐。', 1)).toEqual(['ABSOLUTE_TERM']);
    const res = await instanceA().post('/api/v1/policies/default/allowances', {
      code: 'ABSOLUTE_TERM',
      phrase: '最佳拍档套餐',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      policyId: 'default',
      publishedVersion: (live ?? 0) + 1,
      allowance: { phrase: '最佳拍档套餐' },
    });
    expect((await head()).seq).toBe(before.seq + 1);
    expect(await codesOf(appInstance(t.store), '我们的招牌是最佳拍档套餐。', 2)).toEqual([]);
  });

  it('409 when B adds another allowance meanwhile; live is exactly B’s and A’s allowance is out of the draft', async () => {
    const a = instanceA();
    const b = appInstance(t.store);
    let bHead: Awaited<ReturnType<typeof head>> | undefined;
    interleave.next = async () => {
      expect(
        (await b.post('/api/v1/policies/default/allowances', { code: 'ABSOLUTE_TERM', phrase: '国家级大厨' })).status,
      ).toBe(201);
      bHead = await head();
    };
    const res = await a.post('/api/v1/policies/default/allowances', { code: 'ABSOLUTE_TERM', phrase: '最佳拍档套餐' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CONFLICT', message: MOVED });
    expect(await head()).toEqual(bHead);
    expect(allowancesOf(await livePolicy())).toEqual(['国家级大厨']);
    expect(allowancesOf(await draftPolicy())).toEqual(['国家级大厨']);
    for (const i of [a, b]) {
      expect(await codesOf(i, '我们的招牌是最佳拍档套餐。', 3)).toEqual(['ABSOLUTE_TERM']);
      expect(await codesOf(i, '本店有国家级大厨坐镇。', 4)).toEqual([]);
    }

    // Checked again on B's policy, A's allowance joins it.
    expect(
      (await a.post('/api/v1/policies/default/allowances', { code: 'ABSOLUTE_TERM', phrase: '最佳拍档套餐' })).status,
    ).toBe(201);
    expect(allowancesOf(await livePolicy())).toEqual(['国家级大厨', '最佳拍档套餐']);
    expect(allowancesOf(await draftPolicy())).toEqual(['国家级大厨', '最佳拍档套餐']);
    for (const i of [a, b]) expect(await codesOf(i, '我们的招牌是最佳拍档套餐。', 5)).toEqual([]);
  });
});
