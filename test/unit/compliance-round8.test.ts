/**
 * Round 8 of compliance recall (dev-round8, written by a helper who read neither the checker nor
 * any split): service talk about promotions (refund splits, coupon rules, invoices, shipping of
 * pre-sale goods) is an explanation, unless the sentence still urges a purchase; a reply that turns
 * to another matter (另外, 顺便说一下) is read topic by topic. Through the default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('a promotion explained in service talk, or still offered', () => {
  itFinds('PROMOTION', {
    found: [
      '价保规则是降价7天内可申请，不过现在又有满300减40了，要不要再来一单？',
      '您的问题已记录。另外本周三会员日全场8折，别错过',
      '退款已经处理好了。顺便说一下，新品今天下单立减20元',
      '亲，98元3件任选，很适合囤',
      '这款三人团只要19.9元，马上成团马上发货',
      '那款台灯降到159元了，今晚截止',
      '今天会员专享价再打9折，购物车里的可以一起结算',
      '顺便提醒，本周三是会员日，专属5折券别错过',
    ],
    clean: [
      '这笔订单用了满200减30的券，退其中一件时优惠按比例分摊，所以退款是86.4元',
      '店铺券写的是满299可用，您的购物车是268元，所以结算时没显示',
      '发票金额按实付金额开具，优惠券抵扣的部分不会体现在发票上',
      '会员价和店铺券不能同时使用，系统会自动选优惠多的一种',
      '这张券限指定商品使用，您买的这款不在适用范围里',
      '定金支付后不支持退款，若未在截止时间前支付尾款，定金不予退还',
    ],
  });
  itFinds('MEDICAL_CLAIM', { found: ['肌酐从280降到130，透析都免了'], clean: [] });
});

describe('share-for-reward and share codes in more shapes', () => {
  itFinds('INDUCED_SHARING', {
    found: [
      '把链接发给3个微信群，凭截图多领一本电子书',
      '扩散到三个群，拍图回来送运费券',
      '关注店铺即享9折',
      '分享到朋友圈，回来刷新就能看到优惠价',
      '推荐给2位好友，截图发来就给您延长一个月会员',
    ],
    clean: [
      '这个群里的朋友都买过，您可以问问',
      '朋友分享给您的链接是第三方返利平台的，不是我们官方活动，相关优惠我们这边查不到',
      '我们这边没有“满3件打7折”的活动，截图发我帮您核实一下',
    ],
  });
  itFinds('MARKETPLACE_CODE', {
    found: ['复制口令 ⁂Pdd7Hk2Rw2⁂ 打开拼夕夕，帮您留了名额', '复制口令(Gk5mWz2Qa)，打开阿里巴巴即可进店'],
    clean: ['阿里巴巴的发票我们这边开不了', '复制您的订单号发给我就行'],
  });
  itFinds('BANNED_TERM', { found: ['枪管撞针都有，拆开分批寄，海关查不到'], clean: [] });
});

describe('round 9 (dev-round9): service talk of shops, restaurants and schools names prices without a push', () => {
  itFinds('PROMOTION', {
    found: [
      '今天下单加1元就能换购一双袜子',
      '报名春季班，老学员续费价再减200，今天一定要交费哦',
      '这周新品满两件打八折，周日结束',
      '这周美甲套餐只要168元，赶紧约个时间过来吧',
      '您要是今天拍的话，我给您备注减10块',
      '充值200元送50元',
    ],
    clean: [
      '您的次卡还剩6次，每次到店扣一次',
      '团购券使用时请出示券码给店员核销，不能和店内其他优惠同时使用',
      '这张优惠码已经被使用过了，一个优惠码只能用一次',
      '您的会员等级是银卡，享受9.5折，年消费满5000自动升金卡',
      '目前店里没有在做任何折扣活动，价格都是标价',
      '优惠活动在菜单栏「今日特惠」里。',
    ],
  });
  itFinds('INDUCED_SHARING', {
    found: ['转发给好友，点在看就送小样'],
    clean: ['会员卡储值的余额不能提现，也不能转给他人', '您现在看到的是普通价，绑定手机号后就能看到会员价'],
  });
});
