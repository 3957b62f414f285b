/**
 * Round 14 of the recall work (issue 14), tuned on the dev splits only: price pushes told price
 * first (只要168，平时要260), the price after a coupon, a price cut with a deadline, a gift with its
 * value; a promotion that ends soon (周日就结束了) is still urged when the sentence asks for the
 * order; and a question forwarded to a colleague or a department (已经转给产品部门了) is no
 * share act. Each with the near misses that must stay clean.
 */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileRegex } from '../../server/src/core/checks/regex-terms.js';
import { codes, itFinds } from '../support/default-policy-checks.js';

describe('PROMOTION: price-first contrasts, after-coupon prices, timed cuts, gifts with a value', () => {
  itFinds('PROMOTION', {
    found: [
      '这周洗牙套餐只要128，平时要298，名额不多',
      '双人餐只要99元，门市价168',
      '周末特惠188，比单买省不少',
      '这款保温杯券后只要59',
      '这台空气炸锅降到了299，明晚12点截止',
      '今天下单的都送一套餐具，价值45元',
    ],
    clean: [
      '退款只要3个工作日，原价退回您的账户',
      '只要5分钟，比排队省不少时间',
      '体温降到了37，今天继续观察',
      '赠送的礼品价值超过200元需要登记',
      '优惠券的使用规则在菜单栏“今日特惠”里，需要我帮您介绍吗？',
    ],
  });

  it('reads a promotion that ends soon as urged when the sentence asks for the order, and one that ended as told', () => {
    expect(codes('新品满两件打八折，周日就结束了，喜欢的话早点下单哦。')).toContain('PROMOTION');
    expect(codes('您问的中秋满减活动已经结束了，现在按页面价格结算。')).not.toContain('PROMOTION');
  });
});

describe('INDUCED_SHARING: a question forwarded inside the business, a share said to be unneeded, a reward denied', () => {
  itFinds('INDUCED_SHARING', {
    found: [
      '转给3个好友就送红包',
      '转发给好友，集满10个赞送面膜',
      // A plain negation still induces: no share, no reward.
      '不分享就领不了红包',
      // Following is asked for, whatever the share.
      '无需转发，关注后即可领取',
      '邀请好友不需要注册就能领红包',
    ],
    clean: [
      '谢谢您的建议，我们已经转给产品部门了',
      '已转给售后同事处理，稍后联系您',
      '您反馈的问题我转发给技术同事看一下',
      '这个情况我转给店长确认一下',
      '领券不需要分享，在菜单里直接领就行',
      '不用再转发了，红包已经发到您的账户',
      '谢谢您介绍朋友过来，我们这边没有推荐奖励哦',
    ],
  });

  it('passes a coupon the reply points to in the menu, as the platform advises', () => {
    expect(codes('领券不需要分享，在菜单里直接领就行')).toEqual([]);
    expect(codes('菜单里有满100减20的券，快去领')).toContain('PROMOTION');
  });
});

it('runs every regex term of the shipped lexicons (RE2 refuses none: a refused term would never match, and nothing else says so)', () => {
  const refused = ((policyJson as Policy).lexicons ?? []).flatMap((lexicon) =>
    lexicon.terms
      .filter((t) => t.regex === true)
      .flatMap((t) => {
        const compiled = compileRegex(t.term);
        return compiled.ok ? [] : [`${lexicon.id}: ${t.term} (${compiled.reason})`];
      }),
  );
  expect(refused).toEqual([]);
});
