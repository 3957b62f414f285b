/**
 * Round 14 of the recall work (issue 14), tuned on the dev splits only: price pushes told price
 * first (只要168，平时要260), the price after a coupon, a price cut with a deadline, a gift with its
 * value; a promotion that ends soon (周日就结束了) is still urged when the sentence asks for the
 * order; and a question forwarded to a colleague or a department (已经转给产品部门了) is no
 * share act; then, on two new writers' rounds (dev-round14: banned offers of thirteen trades with
 * lawful mentions; dev-round15: promotions and service talk naming prices), banned trade wording,
 * more promotion formats, and the refusals, warnings and legal routes that keep lawful mentions
 * clean. Each with the near misses that must stay clean.
 */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileRegex } from '../../server/src/core/checks/regex-terms.js';
import { COMPILE_BUDGET } from '../../server/src/core/engine/compile-budget.js';
import { codes, itFinds, reasonsOf } from '../support/default-policy-checks.js';

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

it('leaves an operator room for regex terms of their own in the shipped policy (a document may hold only so many)', () => {
  const regexTerms = ((policyJson as Policy).lexicons ?? []).flatMap((l) => l.terms.filter((t) => t.regex === true));
  expect(regexTerms.length).toBeLessThanOrEqual(COMPILE_BUDGET.documentRegexTerms - 50);
});

describe('round 15: promotion formats, and sales told as over or as rules', () => {
  itFinds('PROMOTION', {
    found: [
      '私教课买10节送2节，这个月名额不多了',
      '下单满199元就能参与抽奖，奖品有扫地机',
      '夏令营限时报名价699元，原价999元',
      '全程班拼团价3980元，比单独报名省800元',
      '办卡充值1000元送300元，活动月底就结束了',
    ],
    clean: [
      '赠品已经送完了，活动页写了送完即止，您的订单正常发货',
      '这张券要满299元才能用，特价商品不参与',
      '取消订单后，用过的优惠券会回存到您的账户',
      '您的储值余额还有3560元，到期日是10月15日',
      '周年庆活动上个月就结束了，满减券已经失效',
    ],
  });
});

describe('round 14: banned trade wording, and lawful mentions kept clean', () => {
  itFinds('BANNED_TERM', {
    found: [
      '地下钱庄换汇，当天到账',
      '连环单佣金更高，新人先做体验单',
      '公司要多开票冲成本的话可以找我',
      '学历证书带钢印，学籍可查',
      '私下卖火药，不登记不实名',
      '纽扣摄像头，拍了别人也发现不了',
    ],
    clean: [
      '本店为正规按摩，无任何特殊服务，请勿询问',
      '请勿将银行卡出租出借给他人',
      '开奖结果以官方公告为准，本店不代客下注',
      '消音器我们没有，本店只卖护目镜和迷彩服',
      '酒店已完成防偷拍检测，可申请复检',
      '毕业证遗失可向教务处申请补办学历证明书',
      '自然人代开发票可在电子税务局申请',
      '如收到假钞请勿再使用，应交由银行鉴定并报案',
      '海关规定仿真枪会被没收，请提前了解',
    ],
  });

  it('reads "精神药品" as no claim of a miracle drug', () => {
    expect(codes('利他林属于精神药品，只能凭处方开具')).toEqual([]);
  });

  it('stops reading a warning after the sentence turns to another matter', () => {
    expect(codes('把文章分享到朋友圈截图发我，送您一份小礼品，再说一句，砍价活动已经下线了')).toContain(
      'INDUCED_SHARING',
    );
  });
});

describe('round 17: absolute terms in praise, and the uses regulators allow', () => {
  itFinds('ABSOLUTE_TERM', {
    found: ['我们家的面霜是最好的', '这款修复效果最好。', '售后我们做得最好', '行业第一的品牌', '国家级大师亲手调配'],
    clean: [
      '洗完头最好别马上吹干',
      '出门前最好带把伞，下午有雨',
      '游客第一是我们旅行社的原则',
      '电梯出来左手第一间就是前台',
      '每件衣服有唯一码，退货时请保留吊牌',
      '周末最早八点开门',
      '酒店旁边是国家级湿地公园',
    ],
  });

  it('tells the operator why advice with 最好 passed', () => {
    expect(reasonsOf('做完护理最好一周内注意防晒')).toEqual([
      expect.objectContaining({ code: 'ABSOLUTE_TERM', severity: 'info', message: expect.stringContaining('建议') }),
    ]);
  });
});
