/**
 * The banned-trade constructions and context cues added in the fifth recall round (issue 14,
 * dev-round5a): a list word reported only beside its trade cue in the same sentence (证件 +
 * 直接出证, 个人信息 + 按条卖, 赌局 + 押注, 发票 + 个点, 练功券 + 跟真钞一样, 四件套 + 银行卡),
 * each with the ordinary sentences that must stay clean, through the compiled default policy.
 */
import { describe, expect, it } from 'vitest';
import { codes, reasonsOf } from '../support/default-policy-checks.js';

const BANNED = ['BANNED_TERM'];

describe('round 5: banned trades as constructions', () => {
  it.each([
    '驾驶证不用考，交钱直接拿证',
    '结婚证可以定做，各地都有模板',
    '健康证免体检直接出证',
    '车主信息打包卖，全市都有',
    '机主户籍报名字就能查，一次两百',
    '通话记录都能调取，出轨取证用',
    '今晚炸金花开局，押注直接转我',
    '麻将代打上分，赢了对半分',
    '高价收银行卡，一张八百',
    '收款码出租，日结',
    '招卡农，包吃住包路费',
    '住宿发票按面额收3个点',
    '专票先验后付，全行业',
    '道具币跟真钞一样，菜市场能用',
    '高价收购银行卡四件套',
    '冰糖你懂的，熟客优先',
    '4号按克卖',
    '代开发票，开好可以到税务局官网验真',
  ])('%s → BANNED_TERM', (text) => {
    expect(codes(text)).toContain('BANNED_TERM');
  });

  it.each([
    '身份证丢了请到派出所补办',
    '请携带身份证原件和驾驶证到车管所办理',
    '毕业证遗失的，可以到学校办证明',
    '健康证需要先到社区医院体检',
    '您和客服的聊天记录我们都能查到，请放心',
    '请上传身份证正反面照片，稍后进行人脸识别',
    '您有一条新的聊天记录',
    '麻将机今天发货，三天内送到',
    '斗地主比赛周六开赛，欢迎报名',
    '电子发票会在当天发到您的邮箱',
    '练功券是银行柜员练习点钞用的',
    '加厚珊瑚绒四件套冬季保暖',
    '全套护肤包括洁面、水、乳、霜',
    '网吧包夜时段是晚上十二点到早上八点',
    '这款手机的安兔兔跑分大约八十万',
    'SK-II神仙水今天下午补货',
    '婚礼入场音乐推荐《卡农》',
    '根据反洗钱规定，大额转账需要核实资金来源',
    '含麻黄碱类复方制剂每次限购两盒',
    '福利彩票请到正规投注站购买',
    '冰糖雪梨炖好了，趁热喝',
  ])('%s → clean', (text) => {
    expect(codes(text)).not.toContain('BANNED_TERM');
  });
});

describe('round 5: warnings, refusals and lawful procedure take a hit back, as a note', () => {
  it.each([
    ['网警提示：“裸聊”背后常常是敲诈勒索', 'warning'],
    ['如果有人向您推销“听话水”，请立即报警', 'warning'],
    ['出售“开房记录”等公民个人信息，情节严重的构成犯罪', 'warning'],
    ['提醒：微信“红包接龙”群属于网络赌博', 'warning'],
    ['查询他人开房记录这类需求我们无法提供', 'warning'],
    ['抱歉，本店不販售電擊器', 'refusal'],
    ['我们的棋牌室不允许任何形式的赌博', 'refusal'],
    ['民用爆炸物的购买须经公安机关许可', 'legal'],
  ])('%s', (text, kind) => {
    expect(codes(text)).toEqual([]);
    const note = reasonsOf(text).find((r) => r.severity === 'info');
    expect(note?.message).toContain(KIND_WORDS[kind as keyof typeof KIND_WORDS]);
  });

  it('still reports the offer itself', () => {
    expect(codes('听话水有货，懂的私聊')).toEqual(BANNED);
    expect(codes('代开发票，全行业，可以到税务局官网验真')).toEqual(BANNED);
  });
});

const KIND_WORDS = { warning: '提醒、揭露或引述', refusal: '拒绝提供', legal: '合法办理' } as const;

describe('round 5: absolute terms and share codes in their disguises', () => {
  it.each([
    ['T0P1 的爆款，错过等一年', 'ABSOLUTE_TERM'],
    ['第①品牌空气炸锅', 'ABSOLUTE_TERM'],
    ['復·制这段描述/Kq7pLm2XvR9/后咑閞👉淘♂寳♀👈', 'MARKETPLACE_CODE'],
    ['复制这段描述.Ab3Cd4Ef5Gh.后到淘寳', 'MARKETPLACE_CODE'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it.each(['国家级非物质文化遗产展览本周开放', '第一届读书节下个月举办', '椅子最高承重150公斤', '请打开淘宝首页查看'])(
    '%s → clean',
    (text) => {
      expect(codes(text)).toEqual([]);
    },
  );
});

describe('round 5: 包好 (a cure guarantee) is not wrapping something up', () => {
  it('reports the claim and passes the wrapping', () => {
    expect(codes('喝三个疗程包好')).toEqual(['MEDICAL_CLAIM']);
    expect(codes('寄件时请把刀刃包好')).toEqual([]);
    expect(codes('刷单评价包好，真人物流')).not.toContain('MEDICAL_CLAIM');
  });
});

describe('round 5: a seller issuing its own invoices is not selling invoices', () => {
  it('passes 专票普票都能开 and blocks invoices of any trade or with a fee', () => {
    expect(codes('需要发票的话，专票普票都能开')).toEqual([]);
    expect(codes('各行业的发票都能开')).toEqual(BANNED);
    expect(codes('专票普票都能开，收2个点')).toEqual(BANNED);
  });
});
