/** The stories of the seed article, each as a test through the HTTP API. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, MIN, HOUR, text, check, codes, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const open = (user: string, at = T0) =>
  t.post('/api/v1/inbound', { account: 'default', message: { from: user, type: 'image', mediaId: 'm', at } });

describe('seed stories', () => {
  it('replying at 47:59 "looks like a loophole" but is flagged as risky', async () => {
    await open('s1');
    const r = await t.post('/api/v1/replies/check', check('s1', '您好，您的问题已处理', T0 + 47 * HOUR + 59 * MIN));
    expect(r.body.verdict).toBe('warn');
    expect(codes(r.body)).toContain('WINDOW_CLOSING');
    expect(r.body.committed).toBe(true);
  });

  it('the beauty account that kept sending discount-coupon links: the second is OVER_MARKETING', async () => {
    await open('s2');
    const first = await t.post(
      '/api/v1/replies/check',
      check('s2', '新品折扣券今天可领，限时抢购，先到先得', T0 + MIN),
    );
    expect(first.body.verdict).toBe('warn');
    expect(codes(first.body)).toContain('PROMOTION');
    const second = await t.post('/api/v1/replies/check', check('s2', '再送你一张满减券，限时抢购别错过', T0 + 2 * MIN));
    expect(second.body.verdict).toBe('block');
    expect(codes(second.body)).toContain('OVER_MARKETING');
    const withLink = await t.post(
      '/api/v1/replies/check',
      check('s2', '领券链接 https://s.click.taobao.com/abc', T0 + 3 * MIN, false),
    );
    expect(codes(withLink.body)).toEqual(expect.arrayContaining(['EXTERNAL_LINK']));
  });

  it('the Pinduoduo link is blocked as an external link, with its position', async () => {
    await open('s3');
    const content = '这款在这里买更便宜：https://mobile.yangkeduo.com/goods.html?goods_id=123';
    const r = await t.post('/api/v1/replies/check', check('s3', content, T0 + MIN));
    expect(r.body.verdict).toBe('block');
    const link = r.body.reasons.find((x: { code: string }) => x.code === 'EXTERNAL_LINK');
    expect(link.severity).toBe('block');
    expect(content.slice(link.evidence.start, link.evidence.end)).toContain('yangkeduo.com');
    expect(r.body.committed).toBe(false);
  });

  it('the restaurant\'s coupon link with "转发给朋友能再领一张" is induced sharing', async () => {
    await open('s4');
    const r = await t.post(
      '/api/v1/replies/check',
      check('s4', '满减券领取链接在这里，转发给朋友能再领一张', T0 + MIN, false),
    );
    expect(r.body.verdict).toBe('block');
    expect(codes(r.body)).toContain('INDUCED_SHARING');
    const better = await t.post(
      '/api/v1/replies/check',
      check('s4', '今天的优惠活动在菜单栏‘今日特惠’里，需要我帮你介绍具体规则吗？', T0 + MIN, false),
    );
    expect(better.body.verdict).toBe('allow');
    expect(better.body.reasons).toEqual([]);
  });

  it('the health account\'s "我们的产品能治疗高血压" is a medical claim and blocked', async () => {
    await open('s5');
    const content = '我们的产品能治疗高血压';
    const r = await t.post('/api/v1/replies/check', check('s5', content, T0 + MIN, false));
    expect(r.body.verdict).toBe('block');
    const claim = r.body.reasons.find((x: { code: string }) => x.code === 'MEDICAL_CLAIM');
    expect(claim.severity).toBe('block');
    expect(content.slice(claim.evidence.start, claim.evidence.end)).toContain('治疗');
    for (const phrase of ['保证治愈', '绝对有效']) {
      const x = await t.post('/api/v1/replies/check', check('s5', `本品${phrase}`, T0 + MIN, false));
      expect(codes(x.body)).toContain('MEDICAL_CLAIM');
    }
  });

  it('three identical replies within ten minutes: the second and third are DUPLICATE_REPLY', async () => {
    await open('s6');
    const sent = [];
    for (const minute of [1, 4, 8])
      sent.push(
        (await t.post('/api/v1/replies/check', check('s6', '您好，请问还有什么可以帮您？', T0 + minute * MIN))).body,
      );
    expect(sent.map((b) => b.verdict)).toEqual(['allow', 'block', 'block']);
    expect(codes(sent[1])).toEqual(['DUPLICATE_REPLY']);
    // Case, width and white space do not make a reply different.
    const disguised = await t.post(
      '/api/v1/replies/check',
      check('s6', '您好， 请问还有什么可以帮您？ ', T0 + 9 * MIN, false),
    );
    expect(codes(disguised.body)).toContain('DUPLICATE_REPLY');
  });

  it('"退钱" reaches 退款 although the operator never typed 退钱 into a rule of its own', async () => {
    const r = await t.post('/api/v1/inbound', text('s7', '退钱', T0));
    expect(r.body.matches[0].group).toBe('退款');
  });

  it('"还有其他问题吗？" answered by "没了" restarts the 48 h window from that moment', async () => {
    await open('s8');
    await t.post('/api/v1/inbound', text('s8', '没了', T0 + 47 * HOUR));
    const w = await t.get('/api/v1/users/s8/window');
    expect(Date.parse(w.body.expiresAt)).toBe(T0 + 95 * HOUR);
  });
});
