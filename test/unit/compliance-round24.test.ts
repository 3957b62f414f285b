/**
 * Round 24 of the recall work (issue 14), tuned on dev-round24 (a tenth writer: offers of thirty
 * banned trades, most in sellers' code words, and lawful replies that share their words). As
 * written, with the classifier retrained: BANNED_TERM 103/130 with 12/100 false positives, every
 * one a lexicon hit in a refusal, a warning or the law's own words. The context now reads those;
 * each cue with the near misses that must still block.
 */
import { describe, expect, it } from 'vitest';
import { codes, itFinds, reasonsOf } from '../support/default-policy-checks.js';

describe('BANNED_TERM: DDoS attacks for hire, a hacking service the lexicons lacked', () => {
  itFinds('BANNED_TERM', {
    found: ['接DDOS，打瘫网站按小时收费', 'ＤＤｏＳ套餐有日卡周卡月卡'],
    clean: ['我们的高防服务器可以防御DDoS攻击，需要DDoS防护请联系销售', '网站被打瘫了？先开启流量清洗'],
  });
});

describe('BANNED_TERM: the law’s words, a no to the customer, a negated list', () => {
  itFinds('BANNED_TERM', {
    found: [
      '开设赌场，日结佣金',
      '仿真枪有货，可以打钢珠',
      '老料手串，象牙、犀角都有',
      '不锈钢、象牙手串有货，老料',
      '胎儿性别鉴定，寄血就行',
      '信用卡套现不违反规定，费率0.5',
      '弹簧刀有货，三棱刮刀也有',
    ],
    clean: [
      '根据规定，提供场所供他人赌博可能构成开设赌场罪。',
      '枪口比动能达到1.8焦耳/平方厘米的，就认定为枪支。',
      '这款手串是菩提子做的，不含象牙、犀角、玳瑁等野生动物制品。',
      '除医学需要外，胎儿性别鉴定一律禁止。',
      '信用卡套现违反规定，发现后会关停终端。',
      '本店只卖菜刀和水果刀，您问的弹簧刀属于管制刀具，我们不卖。',
      '您问的手枪弩属于国家管制器具，本店不卖也不代购。',
      '我们是正规射击馆，枪支由馆内统一保管，不外借也不出售。',
      '凡是说“不用考试也能拿证”的，都是假证。',
      '有人拉您进群投资稳赚？不可信，这是典型的杀猪盘，请马上停止转账。',
      '网友问的“仿真枪”能不能网购：不能，请到正规射击场所体验。',
    ],
  });

  it('names the cue that took a hit back in its info note', () => {
    const crime = reasonsOf('根据规定，提供场所供他人赌博可能构成开设赌场罪。').filter((r) => r.code === 'BANNED_TERM');
    expect(crime.length).toBeGreaterThan(0);
    expect(crime.every((r) => r.severity === 'info')).toBe(true);
  });

  it('reads a negation over a list only from a word of two characters or more (不锈钢 is no 不)', () => {
    expect(codes('本品不含酒精、香精、激素')).toEqual([]);
    expect(codes('不锈钢、象牙手串有货，老料')).toContain('BANNED_TERM');
  });
});
