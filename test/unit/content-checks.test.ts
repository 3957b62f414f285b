import { MAX_CHECKED_CHARS } from '../../server/src/core/checks/reply-fields.js';
import { describe, it, expect } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Lexicon, Policy } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { verdictOf } from '../../server/src/core/reason.js';

function loadDefault(): Policy {
  const v = validate<Policy>('policy', structuredClone(policyJson));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

function checker(policy: Policy = loadDefault(), extra: Lexicon[] = []) {
  const compiled = compileContentChecks(resolvePolicy(policy), extra);
  const scan = scannerFor(compiled.termPatterns);
  return (reply: unknown) => compiled.check(reply, scan);
}

const check = checker();
const text = (content: string) => check({ type: 'text', content });
const codes = (content: string) => text(content).reasons.map((r) => r.code);

describe('default policy document', () => {
  it('is valid against policySchema with the five lexicon categories', () => {
    const policy = loadDefault();
    expect(policy.id).toBe('default');
    expect(policy.name).toBe('默认合规策略');
    const ids = (policy.lexicons ?? []).map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['absolute', 'medical', 'promotion', 'sharing', 'banned']));
  });
});

describe('content checks: what fires (code, severity, evidence)', () => {
  it.each([
    // [content, code, severity, evidence text, start, end]
    ['我们的产品能治疗高血压', 'MEDICAL_CLAIM', 'block', '能治疗', 5, 8],
    ['本品保证治愈', 'MEDICAL_CLAIM', 'block', '保证治愈', 2, 6],
    ['效果绝对有效', 'MEDICAL_CLAIM', 'block', '绝对有效', 2, 6],
    ['保證治癒', 'MEDICAL_CLAIM', 'block', '保證治癒', 0, 4],
    ['保 证-治 愈', 'MEDICAL_CLAIM', 'block', '保 证-治 愈', 0, 7],
    ['可以根治', 'MEDICAL_CLAIM', 'block', '根治', 2, 4],
    ['我们是行业第一品牌', 'ABSOLUTE_TERM', 'warn', '行业第一', 3, 7],
    ['这是最佳选择', 'ABSOLUTE_TERM', 'warn', '最佳', 2, 4],
    ['国家级认证产品', 'ABSOLUTE_TERM', 'warn', '国家级', 0, 3],
    ['１００％有效的方法', 'ABSOLUTE_TERM', 'warn', '１００％有效', 0, 6],
    ['限时抢购，立即购买', 'PROMOTION', 'warn', '限时抢购', 0, 4],
    ['下单领券满减', 'PROMOTION', 'warn', '领券', 2, 4],
    ['分享到朋友圈送积分', 'INDUCED_SHARING', 'block', '分享到朋友圈送', 0, 7],
    ['关注后领取新人礼包', 'INDUCED_SHARING', 'block', '关注后领取', 0, 5],
    ['集赞满30个送饮料', 'INDUCED_SHARING', 'block', '集赞满', 0, 3],
    ['领红包前请先分享给好友', 'INDUCED_SHARING', 'block', '领红包前请先分享给', 0, 9],
    ['本店提供代开发票', 'BANNED_TERM', 'block', '提供代开发票', 2, 8],
    [
      '复制这段内容￥AbC123dEf￥打开手机淘宝',
      'MARKETPLACE_CODE',
      'block',
      '复制这段内容￥AbC123dEf￥打开手机淘宝',
      0,
      23,
    ],
    ['长按复制这段话，打开【淘宝】即可看到', 'MARKETPLACE_CODE', 'block', '复制这段话，打开【淘宝', 2, 13],
    ['口令€Xy12ab34Cd€', 'MARKETPLACE_CODE', 'block', '€Xy12ab34Cd€', 2, 14],
    ['口令(Ab12Cd34Ef)', 'MARKETPLACE_CODE', 'block', '(Ab12Cd34Ef)', 2, 14],
    [
      '去 https://item.taobao.com/item.htm?id=1 下单',
      'EXTERNAL_LINK',
      'block',
      'https://item.taobao.com/item.htm?id=1',
      2,
      39,
    ],
    [
      '拼多多 https://mobile.yangkeduo.com/goods.html?id=1',
      'EXTERNAL_LINK',
      'block',
      'https://mobile.yangkeduo.com/goods.html?id=1',
      4,
      48,
    ],
    ['搜 pinduoduo.com 就行', 'EXTERNAL_LINK', 'block', 'pinduoduo.com', 2, 15],
    ['上 ｔａｏｂａｏ．ｃｏｍ 买', 'EXTERNAL_LINK', 'block', 'ｔａｏｂａｏ．ｃｏｍ', 2, 12],
  ])('%j → %s', (content, code, severity, evidenceText, start, end) => {
    const reasons = text(content).reasons.filter((r) => r.code === code);
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons[0]).toMatchObject({
      code,
      severity,
      evidence: { field: 'content', text: evidenceText, start, end },
    });
    expect(reasons[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(content.slice(start, end)).toBe(evidenceText);
  });

  it('the restaurant reply fires INDUCED_SHARING and PROMOTION (and the coupon link)', () => {
    const content = '今天有满减活动，满减券领取链接：https://coupon.example.com/get?id=9 ，转发给朋友能再领一张';
    const result = text(content);
    const found = result.reasons.map((r) => r.code);
    expect(found).toEqual(expect.arrayContaining(['INDUCED_SHARING', 'PROMOTION', 'EXTERNAL_LINK']));
    expect(result.promotional).toBe(true);
    expect(verdictOf(result.reasons)).toBe('block');
    const sharing = result.reasons.find((r) => r.code === 'INDUCED_SHARING');
    expect(sharing?.evidence?.text).toBe('转发给朋友能再领');
  });

  it('reports one reason for one inducement even when a phrase and a cue pair both see it', () => {
    expect(codes('邀请好友助力即可免单')).toEqual(['INDUCED_SHARING']);
  });
});

describe('content checks: near misses that must pass', () => {
  it.each([
    ['the seed compliant rewrite', '今天的优惠活动在菜单栏‘今日特惠’里，需要我帮你介绍具体规则吗？'],
    ['the seed follow-up line', '如果还有其他问题，可以继续问我哦'],
    ['最近 is not 最', '最近我们新上了宝宝辅食的食谱，需要发给你看看吗？'],
    ['第一次 is not 第一', '第一次发消息如果能得到及时回复，体验会更好'],
    ['第一时间', '我们会第一时间为您处理'],
    ['最后一步', '最后一步是确认收货'],
    ['最佳赏味期 is a consumer hint', '本品最佳赏味期为7天'],
    ['唯一的办法 is advice, not a claim', '重启是目前唯一的办法'],
    ['您最好先 is advice', '您最好先重启一下手机'],
    ['a plain 优惠 mention', '关于优惠的问题我帮您查一下'],
    ['￥199 is a price, not a 淘口令', '价格￥199元，原价￥299'],
    ['￥199￥ has no letters', '到手￥19999999￥'],
    ['(password) without digits', '请输入(password)'],
    ['遵医嘱治疗', '请遵医嘱治疗'],
    ['请及时就医治疗', '症状持续请及时就医治疗'],
    ['不能保证治愈', '我们不能保证治愈，请咨询医生'],
    ['mp.weixin.qq.com is allowed', '详情见 https://mp.weixin.qq.com/s/abc'],
    ['weixin:// menu anchor', '<a href="weixin://bizmsgmenu?msgmenucontent=满意&msgmenuid=1">满意</a>'],
    ['version numbers are not links', '请升级到v1.2版本，大约1.5分钟'],
    ['thanks for following, delivery soon', '感谢您的关注！我们会尽快为您配送'],
    ['forwarding a question internally', '我已将您的问题转发给技术部门，处理后通知您'],
    ['share verb and reward in different sentences', '欢迎分享您的建议。新品下周送达门店'],
    ['领导 is not 领', '转发给领导看看'],
  ])('%s', (_name, content) => {
    expect(text(content).reasons).toEqual([]);
  });

  it('不能治疗 is a negation: the claim passes, with an info note saying why', () => {
    const { reasons } = text('本品不能治疗疾病');
    expect(verdictOf(reasons)).toBe('allow');
    expect(reasons.map((r) => [r.code, r.severity])).toEqual([['MEDICAL_CLAIM', 'info']]);
    expect(reasons[0]?.message).toContain('否定');
  });
});

describe('content checks: reply types and fields', () => {
  it('UNSUPPORTED_TYPE for an unknown type, and only that', () => {
    const result = check({ type: 'music', title: '最佳' });
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ code: 'UNSUPPORTED_TYPE', severity: 'block' });
    expect(result.reasons[0]?.message).toContain('music');
  });

  it('UNSUPPORTED_TYPE for a malformed shape names the JSON pointer', () => {
    const result = check({ type: 'text', body: 'x' });
    expect(result.reasons.map((r) => r.code)).toEqual(['UNSUPPORTED_TYPE']);
    expect(result.reasons[0]?.message).toContain('content');
  });

  it('passes an image reply with nothing to check', () => {
    expect(check({ type: 'image', mediaId: 'MEDIA' }).reasons).toEqual([]);
  });

  it('CONTENT_TOO_LONG over 2048 UTF-8 bytes, evidence from the first char past the limit', () => {
    const content = '好'.repeat(683); // 2049 bytes
    const [reason] = check({ type: 'text', content }).reasons;
    expect(reason).toMatchObject({
      code: 'CONTENT_TOO_LONG',
      severity: 'block',
      evidence: { field: 'content', start: 682, end: 683 },
    });
    expect(check({ type: 'text', content: '好'.repeat(682) }).reasons).toEqual([]); // 2046 bytes
  });

  it('CONTENT_TOO_LONG for more than one article; article fields are all checked', () => {
    const result = check({
      type: 'news',
      articles: [
        { title: '最佳选择', description: '保证治愈', url: 'https://item.taobao.com/x' },
        { title: '第二篇', url: 'https://mp.weixin.qq.com/s/2' },
      ],
    });
    const byField = result.reasons.map((r) => `${r.code}:${r.evidence?.field ?? ''}`);
    expect(byField).toEqual(
      expect.arrayContaining([
        'CONTENT_TOO_LONG:articles/1/title',
        'ABSOLUTE_TERM:articles/0/title',
        'MEDICAL_CLAIM:articles/0/description',
        'EXTERNAL_LINK:articles/0/url',
      ]),
    );
    expect(byField).not.toContain('EXTERNAL_LINK:articles/1/url');
  });

  it('an allowed article url passes', () => {
    expect(check({ type: 'news', articles: [{ title: '指南', url: 'https://mp.weixin.qq.com/s/1' }] }).reasons).toEqual(
      [],
    );
  });

  it('checks msgmenu head, items and tail, and video / mini-program titles', () => {
    const menu = check({
      type: 'msgmenu',
      headContent: '国家级服务',
      items: [
        { id: '1', content: '满意' },
        { id: '2', content: '秒杀专区' },
      ],
      tailContent: '包治百病',
    });
    expect(menu.reasons.map((r) => `${r.code}:${r.evidence?.field ?? ''}`)).toEqual([
      'ABSOLUTE_TERM:headContent',
      'PROMOTION:items/1/content',
      'MEDICAL_CLAIM:tailContent',
    ]);
    expect(
      check({ type: 'video', mediaId: 'M', title: '根治秘方', description: '看 jd.com' }).reasons.map((r) => r.code),
    ).toEqual(['MEDICAL_CLAIM', 'EXTERNAL_LINK']);
    expect(
      check({ type: 'miniprogrampage', title: '限时抢购', appId: 'wx1', pagePath: 'p/i', thumbMediaId: 't' }).reasons[0]
        ?.code,
    ).toBe('PROMOTION');
  });
});

describe('content checks: policy settings', () => {
  it('policy.checks disables a code or overrides its severity', () => {
    const policy = loadDefault();
    policy.checks = { ABSOLUTE_TERM: { enabled: false }, PROMOTION: { severity: 'block' } };
    const run = checker(policy);
    const result = run({ type: 'text', content: '最佳选择，限时抢购' });
    expect(result.reasons.map((r) => `${r.code}/${r.severity}`)).toEqual(['PROMOTION/block']);
  });

  it('a disabled PROMOTION still marks the reply promotional', () => {
    const policy = loadDefault();
    policy.checks = { PROMOTION: { enabled: false } };
    const result = checker(policy)({ type: 'text', content: '限时抢购' });
    expect(result.reasons).toEqual([]);
    expect(result.promotional).toBe(true);
  });

  it('links.allow adds hosts with their subdomains', () => {
    const policy = loadDefault();
    policy.links = { allow: ['example.com'] };
    expect(checker(policy)({ type: 'text', content: '见 https://shop.example.com/a' }).reasons).toEqual([]);
  });

  it('pack lexicons report their own code; term severity beats lexicon severity', () => {
    const pack: Lexicon = {
      id: 'mh',
      name: '医疗健康包',
      category: 'medical',
      code: 'pack:medical-health/CURE_RATE',
      severity: 'warn',
      terms: [{ term: '治愈率高' }, { term: '特效', severity: 'block', exclusions: ['特效妆'] }],
    };
    const run = checker(loadDefault(), [pack]);
    const reasons = run({ type: 'text', content: '特效明显，特效妆不算' }).reasons;
    expect(reasons.map((r) => `${r.code}/${r.severity}/${r.evidence?.start ?? -1}`)).toEqual([
      'pack:medical-health/CURE_RATE/block/0',
    ]);
  });
});

describe('ordinary words in the banned lexicons', () => {
  it('全套 as a gift of a full set is not the service: 送全套真题 passes, 全套服务 blocks', () => {
    expect(codes('暑假班现在报名还送全套真题和园服')).not.toContain('BANNED_TERM');
    expect(codes('技师可以做全套，私聊')).toContain('BANNED_TERM');
  });
});

describe('Latin terms', () => {
  it('count as words: lsd inside a code, a password or a model number is not the drug, lsd on its own is', () => {
    for (const ordinary of [
      '您的兑换码是AbLSdQ9x，请在三天内使用',
      'Wi-Fi密码是glsdw2024，连上就能用',
      '这款的型号是ALSD-200，现货',
    ])
      expect(codes(ordinary)).not.toContain('BANNED_TERM');
    expect(codes('出LSD邮票，一张三百，私聊')).toContain('BANNED_TERM');
    expect(codes('出 lsd，一张三百')).toContain('BANNED_TERM');
  });
});

describe('compiled term patterns', () => {
  it('are normalized, all kind "term", with exclusions as patterns of their own', () => {
    const { termPatterns } = compileContentChecks(resolvePolicy(loadDefault()));
    expect(termPatterns.every((p) => p.payload.kind === 'term')).toBe(true);
    const first = termPatterns.find((p) => p.pattern === '第一' && p.payload.role === 'hit');
    const exclusion = termPatterns.find((p) => p.pattern === '第一次' && p.payload.role === 'exclusion');
    expect(first?.payload.code).toBe('ABSOLUTE_TERM');
    expect(exclusion?.payload.termKey).toBe(first?.payload.termKey);
    expect(termPatterns.find((p) => p.payload.term === '保证治愈')?.pattern).toBe('保证治愈');
  });

  it('a text stuffed with cues and terms is checked on its first MAX_CHECKED_CHARS characters, every finding there reported', () => {
    const unit = '转发领最佳复制打开淘宝';
    const content = unit.repeat(20_000);
    const result = text(content);
    const sharing = result.reasons.filter((r) => r.code === 'INDUCED_SHARING');
    // One finding per repetition whose 转发领 lies in the checked prefix, none beyond it.
    expect(sharing.length).toBe(Math.floor((MAX_CHECKED_CHARS - '转发领'.length) / unit.length) + 1);
    expect(Math.max(...sharing.map((r) => r.evidence?.end ?? 0))).toBeLessThanOrEqual(MAX_CHECKED_CHARS);
    expect(result.reasons.some((r) => r.code === 'CONTENT_TOO_LONG')).toBe(true);
  });
});

describe('fingerprint', () => {
  it.each([
    ['您好！', '您 好 !', true], // width and white space only
    ['Hello 您好', 'hello您好', true], // case
    ['您好', '您好吗', false],
    ['退-款', '退款', false], // not the matching normalization
  ])('%j vs %j same=%s', (a, b, same) => {
    const fa = text(a).fingerprint;
    const fb = text(b).fingerprint;
    expect(fa === fb).toBe(same);
  });

  it('is canonical JSON for other types, independent of key order', () => {
    const a = check({ type: 'image', mediaId: 'M' }).fingerprint;
    const b = check({ mediaId: 'M', type: 'image' }).fingerprint;
    expect(a).toBe(b);
    expect(a).not.toBe(check({ type: 'image', mediaId: 'N' }).fingerprint);
  });
});
