/**
 * Promotions told without the usual words (issue 14), found on the tuning rounds' misses
 * (dev-round15, 18, 30): a gift counted out without 买 (两瓶送一瓶), a gift with the order (下单送),
 * a stock-out deadline (抢完为止), and scarcity (还剩6个名额) that keeps a promotion a promotion
 * where an after-sales word (还剩) would otherwise read it as a rule. Each with the near misses
 * that must stay clean: delivery (下单送货), a product's registration (注册送检), a balance (还剩200元). A tilde
 * ends a sentence (请查收～) unless it joins a range (3～5天).
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('PROMOTION: gifts, stock-out deadlines and scarcity', () => {
  itFinds('PROMOTION', {
    found: [
      '维生素片今天两瓶送一瓶',
      '三盒送一盒，今天拍下的都算',
      '新款充电宝，下单送64G内存卡',
      '本周认购额外加息一个点，抢完为止',
      '试用装送完为止，需要的早点说',
      '夏季训练营限时报名价699元，原价999元，还剩6个名额',
      '考研全程班拼团价3980元，比单独报名省800元，还剩最后几个团位',
      // A tilde ends the invoice's sentence: its after-sales word does not excuse the next one's sale.
      '发票已经开好发您邮箱了，请查收～下周三店庆，到店消费全场八八折',
      // Time running out is a call, though 还剩 also tells a balance.
      '第二副半价还剩三天，家里人要配可以一块来',
    ],
    clean: [
      '下单送货上门，一般两天到',
      '两瓶送到您家需要另付运费吗？不需要的',
      '产品注册送检需要一个月左右',
      '您的储值卡还剩200元，可以继续用',
      '您要的那款已经售完，下周到货再通知您',
      '退款3～5天到账，全场八八折的活动已结束',
      '您的储值卡还剩200元，满减券已过期',
    ],
  });
});

describe('PROMOTION: round 36 (promotions told without list words), its misses and false positives', () => {
  itFinds('PROMOTION', {
    found: [
      '已经帮您停卡一个月。对了最近私教课买20节送5节，您之前说想练体态，有兴趣可以了解下',
      '3人拼团价399/人（原价699），开团后24小时内凑齐就成团，不成团自动退款',
      '您的车险还有一个月到期，现在提前续保送一次洗车',
      '包间就剩两间了，今晚订满300减50',
    ],
    clean: [
      '精华放在浴室里，效果会打折扣，建议放阴凉处',
      '會員價是每件399元，一般價是459元，這是您剛才問的那款羊毛衫',
      '价格保护是这样的：签收后7天内降价可申请退差价，秒杀价不算在保价范围里',
      '您之前的订单用了满减券，退款会按比例扣回',
    ],
  });
});

describe('BANNED_TERM: 菠菜 the vegetable is not 菠菜 the gambling slang', () => {
  itFinds('BANNED_TERM', {
    found: ['菠菜台子稳定出款，要开户的找我拿码'],
    clean: ['少送的那份菠菜已经退款了', '今天的蒜蓉菠菜卖完了，换成清炒时蔬可以吗'],
  });
});
