/**
 * Round 38 of the recall work (issue 14): a writer's 120 banned offers in forty trades, measured
 * as written (84/120 with 4/80 false positives), then read and taught to BANNED_TERM. Its plain
 * offers the lexicons missed became constructions: a bank card, phone card or payment code with
 * a buyer's or renter's words (银行卡可以租给我们, 手机卡我们收), a controlled knife or laughing gas
 * with an online sale's words (匕首…现货), and the fetal-sex test told as a blood sample sent off.
 * Each with the near misses that must stay clean: a shop that takes card payments, a card received
 * for a transfer, a warning against renting one's card, a kitchen knife in stock.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('BANNED_TERM: accounts bought or rented, knives and laughing gas sold, blood sent for a sex test', () => {
  itFinds('BANNED_TERM', {
    found: [
      '银行卡我们高价收，一张500，连同U盾一起寄到指定地址',
      '实名手机卡我们收，一张200块左右',
      '您名下的銀行卡可以租給我們，每張每月付您500元',
      '把您的收款码借给我们用，按流水给提成',
      '三棱刮刀和匕首都可以卖给您，现货',
      '一氧化二氮整箱发，顺丰包邮',
      '孕妇血样寄到我们的点，由我们送去检测胎儿是男是女',
      '您要攻击的网站地址发我，按小时收费',
    ],
    clean: [
      '我们收银行卡和现金，不收支票',
      '您的实名手机卡我们收到了，已经帮您办好过户',
      '请勿把银行卡租给陌生人，收卡的都是诈骗团伙',
      '厨房用的水果刀有现货，顺丰发货',
      '银行卡丢了请尽快挂失，补办要本人到网点',
      'B超医生不会告诉您胎儿是男是女，这是规定',
    ],
  });
});
