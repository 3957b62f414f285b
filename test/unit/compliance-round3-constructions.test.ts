/**
 * The constructions and context cues added in the third recall round (issue 14, dev-round3):
 * each with the near misses that must stay clean, through the compiled default policy.
 */
import { describe, expect, it } from 'vitest';
import { codes, reasonsOf } from '../support/default-policy-checks.js';
import { findingsOf } from '../../server/src/core/reason.js';

describe.each([
  [
    'MEDICAL_CLAIM',
    [
      '这款床垫对高血压有很好的辅助治疗效果',
      '药酒对类风湿有特效',
      '吃了半年，降压药都停了',
      '不用打胰岛素了，吃这个就够',
      '喝两包，半小时就不疼了',
      '三个疗程彻底康复',
      '妇科炎症一洗就好',
      '白斑两个月就复色了',
      '喝姜茶就能怀上',
      '这款面膜能治痘痘',
    ],
    [
      '本品没有治疗作用',
      '这款按摩椅有放松作用',
      '视频加了特效',
      '请不要自行停药',
      '店里的药都卖完了',
      '胰岛素要冷藏保存',
      '快递半小时就到了',
      '价格三天就降了',
      '一个疗程是30天',
      '这款锅一洗就干净',
      '这个一吃就好吃',
      '复色印刷工艺',
      '备孕请咨询医生',
      '长痘痘了要少吃辣',
    ],
  ],
  [
    'BANNED_TERM',
    [
      '可以做假的营业执照，一模一样',
      '刻公章、财务章都可以',
      '出售二手身份证',
      '出售公民个人信息',
      '黑户也能下款',
      '出售弩箭',
      '自制土枪配件',
      '加我进牛牛群',
      '有跳跳糖，加了料的，懂的来',
      '高仿美元，批量出',
      'dai开发票，联系我',
    ],
    [
      '营业执照是真的，可以扫码查验',
      '刻章需要到公安备案的刻章店办理',
      '购买火车票需要出示身份证',
      '我们不会出售您的个人信息',
      '黑户口登记请到派出所',
      '弓箭体验课有教练',
      '跳跳糖是小时候的零食',
      '美元汇率以银行为准',
      '收到假币请及时上交银行，不要再使用',
    ],
  ],
  ['PROMOTION', ['注册就送88元体验金', '首充即送礼包'], ['注册后请完善资料', '充值记录在会员中心查看']],
  [
    'INDUCED_SHARING',
    ['把链接分享给同事，对方报名您就能拿到200元佣金', '转发后回复“已转”，客服会发您解压密码'],
    [
      '欢迎分享您的使用心得',
      '帮忙洗钱，流水走账，抽成高',
      '我们不会要求您转发朋友圈换奖品，请放心',
      '我们店不会搞集赞送礼这类活动',
    ],
  ],
  [
    'ABSOLUTE_TERM',
    ['这是全网最好的一款'],
    ['不敢说是最好的，但每一批都有质检报告', '不好意思，我们不能保证百分百有效'],
  ],
])('%s', (code, hits, nearMisses) => {
  it.each(hits)('finds %s', (text) => expect(codes(text)).toContain(code));
  it.each(nearMisses)('passes %s', (text) => expect(codes(text)).not.toContain(code));
});

describe('a refusal or a warning that quotes the term is an info note, not a finding', () => {
  it.each([
    '不敢说是最好的，但每一批都有质检报告',
    '收到假币请及时上交银行，不要再使用',
    '我们店不会搞集赞送礼这类活动',
  ])('%s', (text) => {
    const reasons = reasonsOf(text);
    expect(findingsOf(reasons)).toEqual([]);
    expect(reasons.some((r) => r.severity === 'info')).toBe(true);
  });
});
