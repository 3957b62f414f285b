/**
 * Constructions of the default policy (regex terms on RE2 and paired lexicons), each with
 * near misses that must stay clean: price formats, efficacy claims, inducement, absolute
 * terms beyond the list words, banned offers in their trade wording.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/default-policy-checks.js';

describe.each([
  [
    'PROMOTION',
    [
      '现在店里满199减30',
      '全场8折，会员再9.5折',
      '给您发了一张无门槛券',
      '储值充300送50',
      '这款今天一口价99',
      '每周三是会员日',
      '买三免一',
      '第二件半价',
      '下单立减15元',
    ],
    ['这把伞是三折叠的', '骨折后要静养', '优惠券过期了系统没法恢复', '满意的话给个好评', '退款1-3个工作日到账'],
  ],
  [
    'MEDICAL_CLAIM',
    [
      '这款茶能降血压',
      '有降血糖的作用',
      '吃了当天血糖就正常了',
      'B超复查囊肿也没有了',
      '三天见效',
      '总有效率95%',
      '这个茶是清肺的',
      '糖尿病人喝这个能停胰岛素',
      '三高也能调理',
      '喝上半个月关节就不疼了',
      '三针下去大三阳都能转阴',
    ],
    ['血压正常的人也可以喝', '请按时服用降压药', '如果血糖一直偏高，建议去医院看看', '7天无理由退货', '3天到货'],
  ],
  [
    'INDUCED_SHARING',
    [
      '拉3个好友进群就送一盒面膜',
      '集满38个赞送保温杯',
      '找朋友助力，助力满10人就能领礼包',
      '转发到朋友圈保留2小时，截图就能解锁资料',
      '叫朋友帮忙加速，加速满5次送会员',
      '转发本消息给5位好友，截图给我就送话费',
    ],
    ['我已将您的问题转发给技术部门', '欢迎转发给朋友，没有任何奖励', '加速发货中，请耐心等待', '帮您查了一下物流'],
  ],
  [
    'ABSOLUTE_TERM',
    [
      '在榜单上一直是TOP1',
      '品牌是连续三年的NO.1',
      '这款是全球首发的新品',
      '我们是领导品牌',
      '国家机关专供',
      '产品属于国家免检产品',
      '睡感是最舒适的',
      '100%有机',
      '用过最好用的一款',
    ],
    [
      '使用前最好咨询一下医生',
      '这是我们的第一代产品',
      '我们一直坚持顾客第一',
      '穿M的最好选S',
      '最近快递量大',
      '最快明天发货',
      '100%纯棉面料',
    ],
  ],
  [
    'BANNED_TERM',
    [
      '可以代开各行业正规发票',
      '增值税专用发票我们能开，税点6个',
      '办证找我，毕业证、驾驶证都能做',
      '气狗电狗都有',
      '仿真水弹枪改过的，枪口比动能加大了',
      '代理百家乐、真人荷官',
      '私彩买码找我',
      '兼职刷单，日赚百元',
      '高仿假币一比五出',
      '上头电子烟一颗烟弹400',
      '本店长期出售雷管炸药',
    ],
    [
      '发票会随货寄出',
      '电子发票在订单里下载',
      '资料已经打包过来了',
      '我们的咖啡包是挂耳咖啡',
      '纯棉床上四件套',
      '这个邮票是纪念邮票套装',
    ],
  ],
])('%s', (code, hits, misses) => {
  it.each(hits)('finds %s', (text) => expect(codes(text)).toContain(code));
  it.each(misses)('near miss %s stays clean', (text) => expect(codes(text)).not.toContain(code));
});
