/**
 * A promotion in words no promotion lexicon holds, read by the reply classifier: warned like a
 * lexicon's, with the sentence as evidence, and counted toward OVER_MARKETING like one; price
 * talk that promotes nothing is left alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, MIN, check, codes, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const open = (user: string) =>
  t.post('/api/v1/inbound', { account: 'default', message: { from: user, type: 'image', mediaId: 'm', at: T0 } });

describe('a promotion only the classifier reads', () => {
  it('is warned with its sentence as evidence, and the second one in the window is OVER_MARKETING', async () => {
    await open('p1');
    const content = '新品尝鲜价只要九块九，来晚就没了';
    const first = await t.post('/api/v1/replies/check', check('p1', content, T0 + MIN));
    expect(first.body.verdict).toBe('warn');
    expect(first.body.committed).toBe(true);
    const promotion = first.body.reasons.filter((r: { code: string }) => r.code === 'PROMOTION');
    expect(promotion).toEqual([
      expect.objectContaining({
        severity: 'warn',
        ruleId: 'classifier:PROMOTION',
        evidence: expect.objectContaining({ text: content, start: 0, end: content.length }),
      }),
    ]);
    const second = await t.post(
      '/api/v1/replies/check',
      check('p1', '今天下单的都多送一份小样，数量有限', T0 + 2 * MIN),
    );
    expect(second.body.verdict).toBe('block');
    expect(codes(second.body)).toEqual(expect.arrayContaining(['PROMOTION', 'OVER_MARKETING']));
  });

  it('leaves price and account talk alone, and an ordinary reply after a promotion is no over-marketing', async () => {
    await open('p2');
    for (const [i, content] of [
      '运费按实际重量计算，首重十元，续重每公斤两元',
      '会员积分可以在个人中心查看，每月一号清零',
      '您的订单已按原价支付，退款会在三个工作日内原路返回',
    ].entries()) {
      const r = await t.post('/api/v1/replies/check', check('p2', content, T0 + (i + 1) * MIN, false));
      expect({ content, codes: codes(r.body) }).toEqual({ content, codes: [] });
    }
    await t.post('/api/v1/replies/check', check('p2', '新品尝鲜价只要九块九，来晚就没了', T0 + MIN));
    const after = await t.post('/api/v1/replies/check', check('p2', '好的，已为您备注', T0 + 2 * MIN));
    expect(codes(after.body)).toEqual([]);
  });
});
