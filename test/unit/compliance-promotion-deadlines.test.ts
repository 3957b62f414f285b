/**
 * 最后一天 is heavy marketing beside a sale (活动最后一天, 买一送一最后一天) and an ordinary date
 * beside anything else (提交材料的最后一天, 退货的最后一天): the word alone no longer blocks a reply
 * (dev-round5a), through the compiled default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('最后一天: a sale’s deadline, not every deadline', () => {
  itFinds('PROMOTION', {
    found: [
      '今天是活动最后一天，抓紧下单',
      '优惠最后一天，明天恢复原价',
      '买一送一最后一天，建议您现在就拍',
      '最后一天特价，错过再等一年',
    ],
    clean: [
      '提交材料的最后一天是周五，请别错过。',
      '七天无理由退货的最后一天是本周日，需要退的话请尽快申请',
      '报名截止到月底，最后一天也可以线上提交',
      '缴费的最后一天是15号',
    ],
  });
});

describe('price promotions in their trade names', () => {
  itFinds('PROMOTION', {
    found: [
      '一元购活动进行中',
      '厂家让利，全场超低价',
      '体验价99元，仅限本周',
      '加价购9.9元得面膜',
      '双11钜惠，折上折',
    ],
    clean: ['积分可以换购礼品，在会员中心查看', '这款的价格是199元', '体验一下再决定也可以'],
  });
});
