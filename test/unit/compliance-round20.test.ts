/**
 * Rounds 19 and 20 of the recall work (issue 14), tuned on two new writers' rounds: dev-round19
 * (promotions tucked into service answers, service talk naming prices; as written PROMOTION
 * 101/120 with 7/130 false positives) and dev-round20 (the seventeen trades of round 18 written
 * by another hand as answers to customers; as written, after round 18, BANNED_TERM 68/120 with
 * 9/100); then dev-round16 (lawful mentions in sixteen regulated trades; as written 9/248 banned and
 * 9/245 medical false positives) for the context that lets a pharmacy, a clinic, a gun-club or a
 * tax office talk about its trade. Each with the near misses that must stay clean.
 */
import { describe, expect, it } from 'vitest';
import { codes, itFinds, reasonsOf } from '../support/default-policy-checks.js';

describe('PROMOTION: gifts for N items of any unit, the Nth night free, deposit inflation, a deal upsold', () => {
  itFinds('PROMOTION', {
    found: [
      '蛋挞今天满6个送2个，只有今天哦',
      '这款猫砂今天拍两袋送一袋',
      '这个月连住三晚第三晚免费',
      '月饼礼盒预售开始了，现在付20元定金可抵60元，中秋前统一发货',
      '排骨拼团价三人成团，每份29.9元，单买要45元，系统会自动帮您匹配团友',
      '本周会员积分抵现翻倍，100积分抵2元',
    ],
    clean: [
      '您预订的蛋糕268元，已付定金100元，取货时再付168元',
      '储值卡消费时按办卡协议约定的8折扣款，这个折扣是签在合同里的',
      '您之前办的“充100送20”赠款是分12个月返还的，本月这笔已经到账',
      '您说的“住二送一”房券是去年发的，现在已经用不了了',
      '“买年卡送月卡”那次活动上个月已经截止，现在续费按标准价格',
      '您的年卡从3月1日起算，明年2月28日到期',
    ],
  });

  it('reads an end told as past as no call to buy, and one still ahead as a call', () => {
    expect(codes('第二杯半价的活动上周日就结束了，现在两杯都按原价收，给您造成误会很抱歉')).not.toContain('PROMOTION');
    expect(codes('第二杯半价的活动周日就结束了，喜欢的话早点来')).toContain('PROMOTION');
  });
});

describe('BANNED_TERM: the same trades in the words sellers answer with', () => {
  itFinds('BANNED_TERM', {
    found: [
      '孟加拉仿制靶向药现货，没有进口批文',
      '小蓝片不看处方，10粒一板',
      '安眠的舒乐安定有，不用去医院开',
      '原单复刻，跟专柜一比一开模',
      '实名好的微信号，老号带朋友圈，换绑教程一起给',
      '海外实卡收码，一组十个号码',
      '这款理财保本保收益，年化20%',
      '考前密卷和答案都有，开考前发到你手机',
      '野生画眉刚到，山里粘的，活体顺丰',
      '果子狸宰好冷冻发，按斤算',
      '肾源充足，不用排队等捐献',
      '收黑货，手机电动车都收，不问哪来的',
      '白条花呗都能T，到账扣6%',
      '涨粉套餐，1万粉199，掉粉包补',
      'fq工具打包，安卓苹果都能装',
      '一次性dy 6000口，两支起发',
    ],
    clean: [
      '我们卖的是人工繁育的虎皮鹦鹉，不需要办证',
      '我们的会员积分只来自本人消费，不能靠发展下线获得',
      '本诊所依法不进行胎儿性别鉴定，请理解',
      '代孕在我国是被禁止的，看到相关广告可以举报',
      '印度仿制药在国内没有进口注册，网上代购有质量和法律风险',
      '野外发现鸟网可通报林业部门',
      '交入门费、拉人头都是传销特征，我们不招代理',
      '不要为了还旧债再去借口子，以贷养贷只会越滚越大',
      '我们合作快三年了，一直很满意',
      '角膜捐献可以到红十字会登记',
      '信用卡都能刷，也支持花呗',
    ],
  });

  it('reads the customer’s request declined later in the clause as a refusal, and keeps it an info note', () => {
    const text = '不好意思，您说的“他达拉非不用处方直接发”我们做不到，请遵医嘱用药。';
    expect(codes(text)).not.toContain('BANNED_TERM');
    expect(reasonsOf(text).some((r) => r.code === 'BANNED_TERM' && r.severity === 'info')).toBe(true);
    // Offered, the same words block.
    expect(codes('他达拉非不用处方直接发')).toContain('BANNED_TERM');
  });
});

describe('context: lawful talk of regulated trades (dev-round16)', () => {
  it('passes the customer’s question answered with a no, a third party’s claim called baseless, and rules explained', () => {
    for (const [text, code] of [
      ['您问能不能邮寄气枪，能发射弹丸的枪形物都不能寄递，请理解。', 'BANNED_TERM'],
      ['您说的“吃了保证治愈”是别家店的说法，我们药房不会这样讲。', 'MEDICAL_CLAIM'],
      ['您问是不是“国家级专家”坐诊，我们只如实公示医生的执业信息。', 'ABSOLUTE_TERM'],
      ['有人推荐“包治猫瘟”的偏方，没有依据，请尽快住院治疗。', 'MEDICAL_CLAIM'],
      ['网上说某种草药能抗癌，这没有依据，请到正规医院就诊。', 'MEDICAL_CLAIM'],
      ['按医疗广告的规定，三天根治这类说法不允许出现。', 'MEDICAL_CLAIM'],
      ['仿真枪即使不能发射弹丸，外形和真枪接近也属于查禁范围。', 'BANNED_TERM'],
      ['针孔摄像头属于窃照器材，我们只做检测和拆除。', 'BANNED_TERM'],
      ['对公账户同样不能出借给他人走账，一旦涉案可能被冻结。', 'BANNED_TERM'],
      ['个人需要代开发票的，可以带身份证和合同到办税服务厅申请。', 'BANNED_TERM'],
      ['降压药请按时服用，不要因为血压暂时正常就自己停药。', 'MEDICAL_CLAIM'],
      ['二甲双胍是否适合用来控制血糖，要由医生判断。', 'MEDICAL_CLAIM'],
      ['面膜包装上的“械”字号是医疗器械，“妆”字号才是化妆品。', 'MEDICAL_CLAIM'],
    ] as const)
      expect(codes(text), text).not.toContain(code);
  });

  it('still finds the same words offered', () => {
    expect(codes('气枪有货，顺丰发')).toContain('BANNED_TERM');
    expect(codes('吃了保证治愈，三天见效')).toContain('MEDICAL_CLAIM');
    expect(codes('本院有国家级专家坐诊')).toContain('ABSOLUTE_TERM');
    expect(codes('针孔摄像头现货，隐蔽好装')).toContain('BANNED_TERM');
    // A customer's words answered with a yes stay an offer.
    expect(codes('您要的外烟有货，按条发')).toContain('BANNED_TERM');
    expect(codes('您问的高仿包有货，不能退换')).toContain('BANNED_TERM');
    // A no past a turn to another matter answers that matter, not the customer's request.
    expect(codes('您要的外烟有货，按条发，另外电子烟不能寄')).toContain('BANNED_TERM');
    expect(codes('您问的高仿包有货，顺便说一下，我们没法开发票')).toContain('BANNED_TERM');
  });
});

describe('ordinary replies the keyword sets showed blocked (their customer messages are a probe of ordinary text)', () => {
  it('reads 得 after a verb, 包好 as wrapping, 派送 and 送礼 as delivery and gifts', () => {
    for (const text of [
      '谢谢您的点赞，我们会继续处理得更快',
      '您说我们处理得挺快的，点赞，谢谢鼓励',
      '好的，帮您多套一层，送长辈的东西要包好',
      '快递还没派送，我帮您联系网点',
      '好的，已帮您备注一下送礼的，会用礼盒包装',
    ])
      expect(codes(text), text).toEqual([]);
  });

  it('still blocks a share for a reward and a cure promise', () => {
    expect(codes('转发朋友圈得好礼')).toContain('INDUCED_SHARING');
    expect(codes('点赞满30个得红包')).toContain('INDUCED_SHARING');
    expect(codes('转发就送礼')).toContain('INDUCED_SHARING');
    expect(codes('这个药吃了包好')).toContain('MEDICAL_CLAIM');
  });
});
