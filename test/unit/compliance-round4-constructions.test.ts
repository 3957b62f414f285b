/**
 * The list categories, constructions and context cues added in the fourth recall round (issue 14,
 * dev-round4), each with the near misses that must stay clean, through the compiled default policy.
 */
import { describe, expect, it } from 'vitest';
import { codes, reasonsOf } from '../support/default-policy-checks.js';
import { findingsOf } from '../../server/src/core/reason.js';

describe.each([
  [
    'MEDICAL_CLAIM',
    [
      '这款茶饮能解决失眠问题',
      '坚持喝三个月，头晕手麻都好了',
      '吃了半年，慢性病基本康复',
      '喝了一个月，三高都缓解了',
      '乳腺结节喝这个就消散了',
      '用了两周白发变黑',
      '淡斑精华，用完斑点都消失了',
      '吃了就可以停掉降糖药',
      '生发液能促进头发生长',
      '这款生发精华很好用',
    ],
    [
      '我们会尽快解决您的物流问题',
      '血压计的连接问题已经帮您解决',
      '这种慢性病无法根治，但可以控制',
      '血压没有恢复正常请及时就医',
      '斑点狗图案的睡衣已补货',
      '请勿自行停用降压药',
      '停用胰岛素前请咨询医生',
      '绿植可以促进空气流通',
      '王先生发来的照片已收到',
      '请问李先生发货了吗',
      '学生发的作业已批改',
      '产生发票后会发到邮箱',
    ],
  ],
  [
    'BANNED_TERM',
    [
      '病假条、住院证明都可以代开',
      '诊断书保真，可查',
      '代开病历',
      '可以定制毕业证',
      '可以代为开具增值税专票，点数低',
      '手机监听，远程看对方微信',
      '能查老公的聊天记录',
      '提供人肉搜索',
      '开盒服务，查户籍',
      '快递面单数据一手出售',
      '手机号名单按条卖',
      '点赞任务做完就返佣金',
    ],
    [
      '出院时可以开诊断证明，请到窗口办理',
      '录取通知书已经寄出，请查收',
      '请到税务局申请代为开具发票',
      '聊天记录可以在设置里备份',
      '这款蛋白粉适合健身人群',
      '漂白粉请放在阴凉处',
      '开盒即食，无需加热',
      '快递单信息有误请联系我们修改',
      '收到假币请交到人民银行，不要再使用',
    ],
  ],
  [
    'INDUCED_SHARING',
    [
      '推荐新用户注册，每人得10元奖励金',
      '完成分享任务，奖励金秒到账',
      '好友点开你的专属链接，你就多一次抽奖机会',
      '转发到朋友圈，把截图发给客服',
    ],
    [
      '请把报错截图发给我们，我们帮您看看',
      '您的专属链接已生成，请妥善保管',
      '退款已到账，请查收',
      '推荐您选择顺丰配送',
    ],
  ],
  [
    'PROMOTION',
    [
      '下单送20元折价券',
      '新人券已发放到账户',
      '直播间专属价99元',
      '百亿补贴，正品保障',
      '这款耳机今天降价了',
      '比平时便宜50，赶紧入手',
    ],
    ['价格保护期内降价可以申请退差价', '您这单用过一张优惠券，退款后优惠券会退回', '这款耳机今天有货'],
  ],
  [
    'ABSOLUTE_TERM',
    ['这是业内唯一一款双认证产品', '最新科技，全网首发'],
    ['每个兑换码都是唯一的，请勿泄露', '唯一需要注意的是保修卡要保留', '门店最新的营业时间是早九晚九'],
  ],
])('%s', (code, hits, nearMisses) => {
  it.each(hits)('finds %s', (text) => expect(codes(text)).toContain(code));
  it.each(nearMisses)('passes %s', (text) => expect(codes(text)).not.toContain(code));
});

describe('disowning the message that carried a term, or sending it to the bank, is an info note, not a finding', () => {
  it.each(['那条“刷单返利”的消息不是我们发的，请勿理会', '收到假币请交到人民银行，不要再使用'])('%s', (text) => {
    const reasons = reasonsOf(text);
    expect(findingsOf(reasons)).toEqual([]);
    expect(reasons.some((r) => r.severity === 'info')).toBe(true);
  });
});
