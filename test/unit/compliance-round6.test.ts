/**
 * Round 6 of compliance recall (dev-round6, written by a helper who read neither the checker nor
 * any split): banned offers in their trade wording, efficacy outcomes, and the quoting frames
 * of anti-fraud notices. Each construction with its near misses, through the default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('banned offers in trade wording', () => {
  itFinds('BANNED_TERM', {
    found: [
      '奶茶包新到，一包兑一杯，喝完半小时就嗨',
      '这批奶茶粉劲特别大，新手少放',
      '叶子还有货，一克两百五，走同城',
      'K仔现货，老客户优先',
      '打猎弩整套出，钢箭送十支',
      '高仿 R M B 有货，一比三出',
      '今天派单群还缺人，做完连单任务一起返',
      '招唰单的，手机就能做',
      '接码平台，一条一块',
      '长期收购银行帐户，价格好谈',
      '收yhk，一类卡带盾优先',
      '车主数据一万条三百，按城市分好',
      '手机号定位，半小时出结果',
      '装上软件对方无感知，聊天记录实时同步',
      '承接压力测试，打死为止',
      '无视黑白户，当天放款',
      '借一万先扣两千，七天还清',
      '我们的客户多为宝妈，代开发票也可以',
      '专漂普漂都能开，点数好谈',
    ],
    clean: [
      '订单号请直接码在备注里',
      '谨防诈骗：有人以“收银行帐户一套三千”为名骗取银行卡，出租出借都违法',
      '“游戏外挂、秒到账”之类的广告多为盗号木马，请勿下载',
      '若有人让你把银行卡借给他走流水，请直接拒绝',
      '本店不招刷单兼职，评价全部来自真实买家',
      '我们的刻章店已在公安机关备案，刻公章请带营业执照原件',
      '跳跳糖是小朋友的零食，放进嘴里噼啪响',
      '咖啡包一包冲一杯，加奶更香',
    ],
  });
});

describe('efficacy outcomes on a condition', () => {
  itFinds('MEDICAL_CLAIM', {
    found: [
      '纳豆胶囊能溶血栓，老人常备',
      '肾结石喝一周自己就排出来了',
      '失眠的阿姨用了再也不用吃安眠药',
      '痔疮膏涂上十分钟消肿',
      '保健功能强大，能根治糖尿病',
    ],
    clean: [
      '本品为保健食品，保健功能：增强免疫力，不能代替药物',
      '眼霜早上用一点，看起来更精神',
      '看到“戴上就停降压药”这类广告请警惕，用药请遵医嘱',
      '别被“祖传秘方根治糖尿病”忽悠了，有病请到正规医院就诊',
    ],
  });
});
