/**
 * Efficacy claims on the conditions of the ICD-10 / 国家临床版 categories the condition lexicon
 * now names (heart, lungs, kidneys, gut, joints, skin, nerves, infections), reported only beside an
 * efficacy verb or an outcome word; ordinary mentions, and acute complaints people chat about,
 * stay clean. Through the compiled default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('medical claims on named conditions', () => {
  itFinds('MEDICAL_CLAIM', {
    found: [
      '坚持喝三个月，心律不齐就调理好了',
      '这款茶能根治慢性肠炎',
      '吃了以后尿频尿急都没了',
      '专治强直性脊柱炎，不复发',
      '每天一包，预防新冠',
      '用了一周荨麻疹就消退了',
      '肾虚吃了两盒就好了',
    ],
    clean: [
      '您的感冒好了吗？好了的话可以继续用',
      '使用前请在耳后测试，预防过敏',
      '有肠胃炎的顾客请遵医嘱服用药物',
      '孕妇及尿路感染患者请咨询医生后使用',
      '本品不能代替药物治疗肺炎',
    ],
  });
});

describe('outcomes told as a customer story', () => {
  itFinds('MEDICAL_CLAIM', {
    found: [
      '我妈吃了半年，现在血压一直很稳',
      '喝了两个月，复查结节小了一半',
      '坚持泡脚一个月，失眠的老毛病再没犯',
      '喝这个酵素，一周瘦十斤',
      '涂上之后白头发慢慢变黑了',
      '老中医祖传配方，专门调理脾胃',
      '一个疗程就能看到效果',
      '这款面霜能修复激素脸',
      '孩子吃了以后个子长了5厘米',
    ],
    clean: [
      '快递一直很稳',
      '这款包装小了一点',
      '体重秤能称到100公斤',
      '运费减了5元',
      '价格掉了10块',
      '一个疗程是28天，按说明书服用',
      '孩子半年长了5厘米，属于正常范围请咨询医生',
      '七天祛斑，淡化痘印',
    ],
  });
});
