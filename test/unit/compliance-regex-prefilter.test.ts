/** The regex prefilter reads required chars conservatively: it may skip a pattern only when no match is possible. */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { mayMatch, requiredChars } from '../../server/src/core/checks/regex-prefilter.js';
import { normalizeTerm } from '../../server/src/core/text/normalize-text.js';

describe('requiredChars', () => {
  it.each([
    ['满[0-9]{1,6}(?:元|块)?(?:减|送)', [['满'], ['减', '送']]],
    ['(?:[1-9]|[一二])折', [['折']]],
    ['保证?治愈', [['保'], ['治'], ['愈']]],
    ['a|b', []], // top-level alternatives
    ['(?i)abc', []], // inline flags
    ['(?:x?y|z)w', [['w']]], // an alternative starting with an optional char
    ['\\d+元', [['元']]],
  ])('%s → %j', (pattern, sets) => {
    expect(requiredChars(pattern)).toEqual(sets);
  });
});

describe('the default regex terms are never skipped on a text they match', () => {
  const samples = [
    '现在店里满199减30',
    '全场8折',
    '储值充300送50',
    '买三免一',
    '两瓶送一瓶',
    '下单立减15元',
    '第二件半价',
    '前10名',
    '总有效率95%',
    '三天见效',
    '一个疗程痊愈',
    '吃三天就好',
    '比药还管用',
    '长高5厘米',
    '邀请3位好友',
    '转发给5位好友',
    '集满38个赞',
    '朋友圈保留2小时',
    '助力满10人',
    '枪口比动能加大了',
    '仿真枪改过',
    '拆成零件发',
    '一赔四十',
    '押大押小',
    '驾驶证可以直接办',
    '毕业证、驾驶证都能做',
    '办各类证件',
    '代开各行业正规发票',
    '发票税点6个',
    '兼职日结',
    '点赞就能赚钱',
    '能治牙周炎',
    '贴上十分钟就不疼了',
    '第二杯1元',
    '原价398，现在只要199',
    '点赞关注，一个赚3元',
    '出租银行卡',
    '车主信息一条5毛',
    '各类发票都能开',
    '按票面3个点',
    '发票保真',
    '不用体检当天出证',
    '秃鹰气瓶',
    '对高血压有辅助治疗效果',
    '对类风湿有特效',
    '降压药都停了',
    '不用打胰岛素',
    '半小时就不疼了',
    '三个疗程彻底康复',
    '一洗就好',
    '两个月就复色',
    '就能怀上',
    '做假的营业执照',
    '出售二手身份证',
    '出售公民个人信息',
    '黑户也能下款',
    '高仿美元',
    '注册就送',
    '吃了就可以停掉降糖药',
    '能促进头发生长',
    '病假条都可以代开',
    '代开病历',
    '可以定制毕业证',
    '代为开具增值税专票',
    '监听对方的聊天记录',
    '能查老公的聊天记录',
    '开盒服务',
    '快递面单数据一手出售',
    '名单按条卖',
    '点赞任务做完就返佣金',
    '比平时便宜50',
    '转发到朋友圈，截图发给客服',
    '一周瘦十斤',
    '一个疗程就能看到效果',
    '个子长了5厘米',
    '借一万先扣两千',
    '满59可用',
    '98元3件任选',
    '只要19元',
    '降到159元',
    '降到了159，今晚截止',
    '券后只要59',
    '只要168，平时要260',
    '特惠只要888，比单点省不少',
    '今天付款的都送替换芯一个，价值39元',
    '下单满199元就能参与抽奖',
    '限时报名价699元，原价999元',
    '加1元就能换购',
    '续费价再减200',
    '满两件打八折',
    '个子能比同龄孩子多窜三四厘米',
    '连续喝60天，身高增长30%',
    '一个月长5-8cm',
    '都还能再长5厘米',
    '智商明显提高',
    '对血糖的作用比药还明显',
    '外包装写化肥',
    'TNT小块装',
    '医院的章都能刻',
    '微信号出租',
    '工农建的流水都能出',
    '定位器吸车底，老公去哪一清二楚',
    '隔着墙壁也能听清',
    '静态收益每天千分之八',
    '十万起投年返12%',
    '月收益两成',
    '年底分红五成',
  ].map(normalizeTerm);
  const regexes = (policyJson as Policy).lexicons!.flatMap((l) => l.terms.filter((t) => t.regex).map((t) => t.term));

  it.each(regexes)('%s', (pattern) => {
    const re = RE2JS.compile(pattern);
    const needs = requiredChars(pattern);
    const matched = samples.filter((s) => re.matcher(s).find());
    for (const s of matched) expect(mayMatch(needs, new Set(s)), s).toBe(true);
  });

  it('every default regex term matches at least one sample', () => {
    const unmatched = regexes.filter((p) => !samples.some((s) => RE2JS.compile(p).matcher(s).find()));
    expect(unmatched).toEqual([]);
  });
});
