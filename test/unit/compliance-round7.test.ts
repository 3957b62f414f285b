/**
 * Round 7 of compliance recall (dev-round7, written by a helper who read neither the checker nor
 * any split): a promotion's rules told after the sale, an outcome later in the sentence of a
 * condition, shop formats of promotions, refusals of share-for-reward. Each with its near misses,
 * through the default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('a promotion offered, not its rules explained after the sale', () => {
  itFinds('PROMOTION', {
    found: [
      '今天一口价99，明天就恢复原价',
      '您有一张无门槛优惠券即将过期，快去下单用掉吧',
      '加1元换购保温杯，送完即止',
      '粉丝专享券已发放，满59可用',
      '下单立折100元',
      '生日券已到账，下单就能抵扣',
    ],
    clean: [
      '您那张满100减20的券已于上周过期，系统无法恢复',
      '部分退货时满减优惠按比例分摊，退款金额以系统计算为准',
      '秒杀商品不支持改地址，需要取消后重新下单',
      '清仓特价商品页面已注明不退不换',
      '优惠券不能兑换现金，也不找零',
      '会员日折扣只适用于当天的订单',
    ],
  });
});

describe('an outcome later in the sentence of a condition', () => {
  itFinds('MEDICAL_CLAIM', {
    found: [
      '腰椎间盘突出的，喝我们的膳食粉一个月就能缓解',
      '孩子腺样体肥大不用手术，喷一个疗程就好',
      '半月板损伤不用手术，戴我们的护膝就行',
      '肾结石喝我们的排石茶一周自己就排出来了',
    ],
    clean: [
      '本品保健功能是辅助降血脂，不能代替药物',
      '我们不能承诺治愈，具体请以医生面诊意见为准',
      '腰椎间盘突出请先到医院检查。我们的护腰一周内发货',
    ],
  });
});

describe('share codes by their name, and share-for-reward refused', () => {
  itFinds('MARKETPLACE_CODE', {
    found: ['唯品会口令 VIP#6Hq2Zt8K# 复制后打开唯品会'],
    clean: ['唯品会口令活动已经结束了'],
  });
  itFinds('INDUCED_SHARING', {
    found: ['分享给好友集满10个赞送会员'],
    clean: [
      '本号不开展任何分享、集赞换奖品的活动',
      '根据平台规定，我们不能通过分享或集赞的方式发放福利',
      '本帳號沒有舉辦任何分享集讚送禮的活動，請勿相信冒名訊息',
    ],
  });
  itFinds('BANNED_TERM', { found: ['全套服务，上门'], clean: ['回复截图即可领取全套电子资料包'] });
  itFinds('ABSOLUTE_TERM', { found: ['销量第一'], clean: ['618大促第一波今晚开始'] });
});
