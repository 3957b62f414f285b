/**
 * Round 60 (issue 14): banned offers built around the wording enforcement records quote. Trade
 * names the lexicons lacked: a controlled appetite suppressant (安非拉酮) and the withdrawn diet-pill
 * ingredient added to slimming capsules (西布曲明), laughing-gas balloons (嗨气球), exam-cheating
 * devices (作弊神器, 文档计算器) and covert cameras (密拍器), a CITES Appendix I tortoise (辐射陆龟)
 * sold without papers (没有手续). Each with the near misses that must stay clean.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('BANNED_TERM: round 60 trade names', () => {
  itFinds('BANNED_TERM', {
    found: [
      '进口蓝胖子到了，安非拉酮的，控食欲一绝，朋友从国外带回来的。',
      '老配方的减肥胶囊还有，就是含西布曲明那款，吃一周掉5斤',
      '🎈嗨气球到货，闪电发货，一箱10盒400',
      '期末作弊神器，加装阅读器的计算器，现在下单送防尘塞',
      '文档计算器能导入各科资料，一键锁屏',
      '婚姻调查神器，笔形密拍器今天拍下立减50',
      '辐纹陆龟这只4000，豹纹的便宜点900，没有手续的',
    ],
    clean: [
      '本品经检测不含西布曲明，请放心',
      '警方查获一批含西布曲明的减肥药',
      '辐射陆龟属于国家一级保护动物，禁止买卖',
      '我们店的辐射陆龟都有驯养繁殖许可证，手续齐全',
      '办护照没有手续费',
      '考试用的计算器请选不带存储功能的型号',
    ],
  });
});

/**
 * Round 62 (issue 14): promotions laid out as lists. Each item of a list (①…②…, ▶, •, 【header】)
 * tells its own matter, so the after-sales words of one item (③…48小时内发货) do not excuse the
 * offers of another; a warning's lead-in still covers its whole list.
 */
describe('PROMOTION: a list tells one matter per item', () => {
  itFinds('PROMOTION', {
    found: [
      '【年货节】①坚果礼盒满200减40 ②下单即送福字对联 ③现在拍下48小时内发货',
      '【孕妈课堂福利】①免费孕期瑜伽体验课 ②到店登记送待产包一份 ③婴儿推车限时7折',
      '全场5折起，今晚截止',
    ],
    clean: ['【会员须知】①满减券已过期 ②积分不能提现', '这款折叠婴儿床展开是120×60厘米，折起来厚18厘米，能放进后备箱'],
  });
  itFinds('BANNED_TERM', {
    found: ['①刷单返利日结 ②代开发票点数低'],
    clean: ['以下都是诈骗：①刷单返利 ②代开发票'],
  });
});
