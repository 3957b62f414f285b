/** False-positive review: POST/DELETE /policies/:id/allowances. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, text, check, T0, MIN, type TestApp } from '../support/test-app.js';

describe('policy allowances', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.post('/api/v1/inbound', text('a1', '你好', T0));
  });
  afterAll(async () => {
    await t.close();
  });

  const judge = async (content: string, at: number) => {
    const res = await t.post('/api/v1/replies/check', check('a1', content, at, false));
    expect(res.status).toBe(200);
    return {
      verdict: res.body.verdict as string,
      codes: (res.body.reasons as Array<{ code: string }>).map((r) => r.code),
    };
  };

  it('a warned reply is allowed after the allowance and warned again after deleting it', async () => {
    const reply = '这款咖啡豆的最佳赏味区间是烘焙后两周，我们的招牌是最佳拍档套餐。';
    expect(await judge(reply, T0 + MIN)).toEqual({ verdict: 'warn', codes: ['ABSOLUTE_TERM'] });

    const added = await t.post('/api/v1/policies/default/allowances', {
      code: 'ABSOLUTE_TERM',
      phrase: '最佳拍档套餐',
      note: '套餐名称，已核实为商品名',
    });
    expect(added.status).toBe(201);
    expect(added.body.allowance).toMatchObject({ code: 'ABSOLUTE_TERM', phrase: '最佳拍档套餐', createdBy: 'admin' });
    expect(added.body.publishedVersion).toBeGreaterThan(1);
    expect(await judge(reply, T0 + 2 * MIN)).toEqual({ verdict: 'allow', codes: [] });
    // Only that code inside that phrase: another absolute term still warns.
    expect((await judge('我们是全国领先的品牌，最佳拍档套餐热卖中', T0 + 3 * MIN)).codes).toContain('ABSOLUTE_TERM');

    // The draft holds it too.
    const draft = await t.get('/api/v1/policies/default');
    expect(draft.body.allowances).toEqual([
      expect.objectContaining({ id: added.body.allowance.id, phrase: '最佳拍档套餐' }),
    ]);

    const removed = await t.http.delete(`/api/v1/policies/default/allowances/${added.body.allowance.id}`).set(t.auth);
    expect(removed.status).toBe(204);
    expect(await judge(reply, T0 + 4 * MIN)).toEqual({ verdict: 'warn', codes: ['ABSOLUTE_TERM'] });
    expect((await t.get('/api/v1/policies/default')).body.allowances).toEqual([]);

    const actions = (await t.store.audit.list('default')).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['policy.allowance.add', 'policy.allowance.remove']));
  });

  it('silences a link host the same way', async () => {
    const reply = '门店地址见 https://map.example.com/shop/1';
    expect((await judge(reply, T0 + 5 * MIN)).codes).toEqual(['EXTERNAL_LINK']);
    const added = await t.post('/api/v1/policies/default/allowances', {
      code: 'EXTERNAL_LINK',
      phrase: 'https://map.example.com/shop/1',
    });
    expect(added.status).toBe(201);
    expect(await judge(reply, T0 + 6 * MIN)).toEqual({ verdict: 'allow', codes: [] });
  });

  it('validates the body, the policy and the allowance id', async () => {
    const bad = await t.post('/api/v1/policies/default/allowances', { code: 'not a code', phrase: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await t.post('/api/v1/policies/nope/allowances', { code: 'ABSOLUTE_TERM', phrase: '最佳' })).status).toBe(
      404,
    );
    expect((await t.http.delete('/api/v1/policies/default/allowances/allow-missing').set(t.auth)).status).toBe(404);
  });
});
