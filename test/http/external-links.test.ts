/**
 * EXTERNAL_LINK through POST /replies/check (issue 14, item 5): disguised links are caught,
 * a short link is named and not allowed by its parent domain, the allow list reads an IDN host
 * in either spelling, and Chinese prose around them stays clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, text, check, T0, MIN, type TestApp } from '../support/test-app.js';

interface Reason {
  code: string;
  message: string;
  evidence: { field: string; text: string; start: number; end: number };
}

describe('EXTERNAL_LINK over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const policy = (await t.get('/api/v1/policies/default')).body;
    const allow = [...(policy.links?.allow ?? []), 'jd.com', '购物.中国'];
    expect((await t.put('/api/v1/policies/default', { ...policy, links: { ...policy.links, allow } })).status).toBe(
      200,
    );
    expect((await t.post('/api/v1/policies/default/publish', {})).status).toBe(201);
    await t.post('/api/v1/inbound', text('link-user', '你好', T0));
  });
  afterAll(async () => {
    await t.close();
  });

  const linkReasons = async (content: string): Promise<Reason[]> => {
    const res = await t.post('/api/v1/replies/check', check('link-user', content, T0 + MIN, false));
    expect(res.status).toBe(200);
    return (res.body.reasons as Reason[]).filter((r) => r.code === 'EXTERNAL_LINK');
  };

  it.each([
    ['详情见 t a o b a o . c o m 哦', 't a o b a o . c o m'],
    ['视频：youtu.be/xyz', 'youtu.be/xyz'],
    ['戳这里👉taobao [.] com', 'taobao [.] com'],
    ['活动页t . c n / b F L n t o D，打开就能看到', 't . c n / b F L n t o D'],
    ['领券：u.jd.com/abc', 'u.jd.com/abc'],
  ])('%s is blocked, with the link as written for evidence', async (content, written) => {
    const reasons = await linkReasons(content);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]?.evidence).toEqual({
      field: 'content',
      text: written,
      start: content.indexOf(written),
      end: content.indexOf(written) + written.length,
    });
  });

  it('names a short link, which the allowed parent domain does not let through', async () => {
    const [reason] = await linkReasons('领券：u.jd.com/abc');
    expect(reason?.message).toContain('短链接（u.jd.com）');
    expect(await linkReasons('商品页 item.jd.com/100.html')).toEqual([]);
  });

  it('allows an IDN host in either spelling and leaves prose alone', async () => {
    expect(await linkReasons('官网 xn--g2xx48c.xn--fiqs8s/a')).toEqual([]);
    expect(await linkReasons('官网 购物.中国/a')).toEqual([]);
    expect(await linkReasons('谢谢您。公司地址在北京，v1.2.3 版本，价格3.5元，10.30开会，e.g. No. 1')).toEqual([]);
  });
});
