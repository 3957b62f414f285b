/**
 * The constructions and context scopes added for recall on authentic wording (issue 14): each
 * with the near misses that must stay clean, through the compiled default policy.
 */
import { describe, expect, it } from 'vitest';
import { codes, reasonsOf } from '../support/default-policy-checks.js';
import { findingsOf } from '../../server/src/core/reason.js';

describe.each([
  [
    'MEDICAL_CLAIM',
    [
      '这个牙膏能治牙周炎',
      '可以治疗各种皮肤病',
      '这个膏药贴上十分钟，腰就不疼了',
      '涂上五分钟就不痒了',
      '血糖从12降到6了',
      '老年痴呆都改善了',
      '黄褐斑两周淡化一半',
      '对宫寒、痛经有显著疗效',
    ],
    ['这个问题我们能治理好', '政治病', '血糖仪价格降到99元', '痘印淡化需要时间，请注意防晒', '喝两杯就饱了'],
  ],
  [
    'PROMOTION',
    ['所有饮品第二杯1元', '这款原价398，现在只要199', '今天下单赠送价值68元的保温杯', '直播间专享价89元'],
    ['这款雨伞是五折叠设计', '这是您在本店的首单，请核对地址', '第二杯请少冰', '原价是多少我帮您查一下'],
  ],
  [
    'BANNED_TERM',
    [
      '公司有多余的进项票可以出售',
      '发票也能帮您开，按票面3个点收',
      '需要各类发票请联系财务，保真可查',
      '专业办理健康证，不用体检当天出证',
      '秃鹰、猎鹰都有现货，气瓶另配',
      '牛牛红包群一元起抢',
      '点赞关注抖音视频，一个赚3元',
      '出租你的微信号和银行卡，每月给你2000',
    ],
    [
      '这件外套现在打8折',
      '一套现货两天发出',
      '100%正品，假一赔十',
      '票面金额以实际开具为准',
      '考试不用带身份证复印件',
      '秃鹰是国家保护动物',
      '红包已经发到您的账户',
      '反诈中心提醒：不要出租出借自己的银行卡',
      '这款咖啡包是挂耳咖啡，提神醒脑',
    ],
  ],
  [
    'ABSOLUTE_TERM',
    ['这支口红是最显白的色号', '享受免抽检待遇', '这瓶精华是王者级别的存在'],
    [
      '这款衣服的最大尺码是XL',
      '这本书是系列的第一部',
      '电量显示100%就可以拔掉了',
      '国家级自然保护区的门票另购',
      '首充送100%',
    ],
  ],
  [
    'INDUCED_SHARING',
    ['转发到朋友圈，截图发给我就送红包'],
    ['您可以把订单截图发给我，我帮您查一下', '付款截图发我看看'],
  ],
])('%s', (code, hits, nearMisses) => {
  it.each(hits)('finds %s', (text) => expect(codes(text)).toContain(code));
  it.each(nearMisses)('passes %s', (text) => expect(codes(text)).not.toContain(code));
});

describe('MARKETPLACE_CODE: copy + open for the shop apps beyond Taobao', () => {
  it.each([
    '7.84 mCsK:/ 复制打开抖音，看看【美食小店的作品】',
    '复制此消息，打开【快手】直接观看！',
    '复制本条信息，打开【小红书】App查看',
    '复制这条消息，打开得物App查看商品详情',
  ])('finds %s', (text) => {
    expect(codes(text)).toContain('MARKETPLACE_CODE');
  });
  it.each(['抖音上搜索我们的店铺名就能看到直播', '复制快递单号到顺丰官网就能查物流'])('passes %s', (text) => {
    expect(codes(text)).not.toContain('MARKETPLACE_CODE');
  });
});

describe('MARKETPLACE_CODE: codes spaced out or between pointing hands', () => {
  it.each([
    '€ S R K U S d L i C z 2 €后到淘宝',
    '淘口令￥·y·2·q·m·6·U·W·N·e·B·K·￥您复制一下',
    '👉ZxWd2uKHXy8👈 打开手机淘宝即可查看',
    '￥ sZWJsZVhCu7 ￥',
  ])('finds %s', (text) => {
    expect(codes(text)).toContain('MARKETPLACE_CODE');
  });
  it.each(['$ 20 for the kit and $', '👉chanelbag👈', '价格￥199，到手￥ 179', '👉 点这里 👈'])('passes %s', (text) => {
    expect(codes(text)).not.toContain('MARKETPLACE_CODE');
  });
});

describe('context scopes: refusal, warning and a legal office after the act become info notes', () => {
  it.each([
    ['我们不搞满减活动，价格一直很实在', 'PROMOTION'],
    ['根据微信的规定，我们不搞转发领奖的活动', 'INDUCED_SHARING'],
    ['我们是正规的休闲游戏，不涉及任何赌博', 'BANNED_TERM'],
    ['节后刷单诈骗高发，遇到“垫付返佣”请拨打96110', 'BANNED_TERM'],
    ['关于“三天降血糖”的说法是不实广告', 'MEDICAL_CLAIM'],
    ['网上说喝这个能治癌，那是谣言', 'MEDICAL_CLAIM'],
    ['刻章请到公安机关备案的刻章店办理', 'BANNED_TERM'],
    ['我们公众号不会发“复制口令打开淘宝”这类消息，收到请当心', 'MARKETPLACE_CODE'],
  ])('%s', (text, code) => {
    const reasons = reasonsOf(text);
    expect(findingsOf(reasons).map((r) => r.code)).not.toContain(code);
    expect(reasons.some((r) => r.code === code && r.severity === 'info')).toBe(true);
  });

  it.each([
    ['刻章找我，比去公安局排队快', 'BANNED_TERM'],
    ['我们搞满减活动，满199减30', 'PROMOTION'],
    ['我们不会发口令，复制这段话打开淘宝就能看到', 'MARKETPLACE_CODE'],
  ])('still finds %s', (text, code) => expect(codes(text)).toContain(code));
});
