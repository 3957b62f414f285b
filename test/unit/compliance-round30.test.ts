/**
 * Rounds 30 and 34 of the recall work (issue 14), each a new writer's round measured as written
 * first: lawful replies that retell a news or police case of a banned trade (dev-round30: 23 of
 * its 50 stories blocked as written) and efficacy told as outcomes, against the warnings and
 * refusals that quote it (dev-round34: 90/100 with 12/100 false positives). A case-report word in
 * the sentence (破获, 新闻, 被抓 after the hit …) takes a banned hit back, but a seller's reassurance
 * (不怕被抓, 不会被查) never does. Each with the near misses that must stay as they are.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('BANNED_TERM: a case told as news is not an offer', () => {
  itFinds('BANNED_TERM', {
    found: [
      '仿真枪现货，一把八百，同城当面交易',
      '不怕被抓，仿真枪现货，一把八百',
      '仿真枪现货一把八百，不怕被抓',
      '发票代开，放心不会被查，点数低',
      '代开发票点数低，不用担心被查处',
    ],
    clean: [
      '前几天新闻说有个团伙在网上卖仿真枪，全被抓了，我们店只卖符合国标的玩具枪',
      '警方破获一个卖假发票的窝点，我们开的都是税控系统出的正规发票',
      '有人在群里代开发票，上个月被抓了，大家别信',
    ],
  });
});

describe('MEDICAL_CLAIM: outcomes of a measure, refusals and warnings that quote a claim', () => {
  itFinds('MEDICAL_CLAIM', {
    found: ['喝了半个月，黄疸值就退到正常了', '我们的猫粮能把结石溶掉，不用去做手术', '营养膏能预防犬瘟，小狗都能吃'],
    clean: [
      '推拿属于保健，没办法保证治好腰椎间盘突出，请您理解',
      '我们没法承诺治湿疹，湿疹反复还是要找皮肤科医生',
      '有人冒用我们的名义卖抗癌灵芝，那不是本公司的产品',
      '说艾灸能治百病都是夸大，我们不会这么讲',
      '更正说明：上期推文写的七天根治灰指甲属错误表述，已删除',
    ],
  });
});

describe('PROMOTION: a job and a rule that hold a promotion word', () => {
  itFinds('PROMOTION', {
    found: ['周末大促销，全场八折', '限量100份，先到先得'],
    clean: ['兼职说明：周末商场促销员，按小时计薪', '寄递电子烟有限量规定，我们只做到店销售'],
  });
});
