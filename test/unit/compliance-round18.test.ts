/**
 * Round 18 of the recall work (issue 14): banned trades beyond the first thirteen, found by a new
 * writer's round (dev-round18, 150 offers in seventeen trades, 100 lawful mentions; as written
 * BANNED_TERM 46/150): counterfeit goods, e-cigarettes sold online and smuggled cigarettes,
 * prescription drugs without a prescription, electric fishing and bird nets, wildlife products,
 * sex selection and surrogacy, organ sources, exam cheating, pyramid schemes, VPNs, hacking,
 * illegal loans, fake reviews, account trading, cash-out. Goods that are lawful to sell in a shop
 * (电子烟 at a licensed counter, 象牙白 paint, a 处方药 with a prescription) are heads of a
 * construction: only a term of online sale or of a missing prescription in the sentence makes them
 * an offer. Each with the near misses that must stay clean, the ordinary words first.
 */
import { describe, expect, it } from 'vitest';
import { codes, itFinds, reasonsOf } from '../support/default-policy-checks.js';

describe('BANNED_TERM: counterfeit goods, tobacco and prescription drugs sold online', () => {
  itFinds('BANNED_TERM', {
    found: [
      '高仿包到货了，和专柜一样',
      '莆田纯原的鞋，能过鉴定',
      '超A货手表，做工和正品难分',
      '外烟新到一批，货到付款',
      '悦刻烟弹全口味都有，顺丰直接寄到家',
      '免税烟一手货源，按条发',
      '他达拉非不用处方，整盒发',
      '印度版奥希替尼可以代购',
      '米非司酮没处方也能发，隐私包装',
    ],
    clean: [
      // Ordinary words that hold the terms.
      '这是高仿真的绿植，不用浇水',
      '户外烟雾报警器现货，今天发货',
      '美甲片现货，可以直接下单',
      '这款是非处方药，药店就能买',
      '去烟油的清洁剂有现货',
      // Lawful statements about the trade.
      '电子烟属于违禁品，不能寄快递',
      '电子烟不能网上销售，只能在持证门店凭身份证购买',
      '处方药需要先上传医生开具的处方，药师审核后才能发货',
      '本店只卖品牌授权正品，不做高仿',
      '怎么辨别高仿，我们写了一篇指南',
      // A drug named beside a cue word of its own right: a prescription is asked for.
      '减肥针是处方药，需要到医院面诊',
    ],
  });
});

describe('BANNED_TERM: fishing and bird-catching gear, wildlife products', () => {
  itFinds('BANNED_TERM', {
    found: [
      '电鱼机大功率款有货',
      '绝户网按米卖，密眼的',
      '捕鸟网和电子鸟媒都有',
      '禁渔期也不怕，照样用',
      '犀角杯可以私下看货',
      '象牙手串，老料包浆',
      '野生画眉头口鸟，包活',
    ],
    clean: [
      '果园用的防鸟网有现货',
      '池塘消毒鱼药请按说明书用量',
      '今日特价：香酥炸鱼',
      '玳瑁色镜框现货，包邮',
      '象牙白的墙漆有现货',
      '我们家手串是牦牛骨的，不含象牙',
      '提醒钓友不要用电鱼、毒鱼的方法',
      '穿山甲已是国家一级保护动物，本店不收也不卖任何制品',
    ],
  });
});

describe('BANNED_TERM: sex selection, organ sources, exams, pyramid schemes', () => {
  itFinds('BANNED_TERM', {
    found: [
      '寄血验男女，一周出结果',
      'B超看男女，熟人医生',
      '包生男孩，试管代生都能安排',
      '肾源有现成的，配型快',
      '肝源可以找，包手术',
      '高价收肾，当场给钱',
      '作弊耳机塞耳朵里看不出',
      '驾考可以软过',
      '五级三阶制，下线越多分红越高',
      '交入门费成为代理，拉三个人就回本',
    ],
    clean: [
      '代生产加工请联系商务',
      '本店提供烤腰子和烤串',
      '无创产前基因检测查的是染色体异常，医院不会告知胎儿性别',
      '器官移植由医院通过国家分配系统排队',
      '滑雪入门费用大概两千元',
      '期末考试答案将在考后公布',
      '识别传销的特征：交入门费、拉人头，符合的请立即举报',
      '合法的直销企业不收取入门费，也不按拉人头计酬',
    ],
  });
});

describe('BANNED_TERM: VPNs, hacking, illegal loans, fake reviews, account trading, cash-out', () => {
  itFinds('BANNED_TERM', {
    found: [
      '机场节点订阅，全球线路',
      '魔法上网教程和节点都在这',
      '查人找人，给姓名就出结果',
      '期末挂科能改，教务系统有人',
      '以贷养贷找我们，利息日结',
      '714口子还有几个能下',
      '差评可以删，一条按价收费',
      '买粉买赞，一万粉丝三天到账',
      '抖音千粉号特价出',
      '花呗可以提现，秒到',
      '来路不问的手机都收',
    ],
    clean: [
      '我们这里没有淘口令，所有商品都在公众号商城',
      '请把EMS单号发给我',
      '别一直刷手机，注意休息',
      '通过人脸识别验证后即可登录',
      '注意防盗号，不要把验证码告诉别人',
      '公司的VPN是内网办公用的',
      '这里的机场是指接送机服务',
      '差评我们不会删，会先联系您解决问题',
    ],
  });
});

describe('context: the customer’s words declined, notices about a trade', () => {
  it('reads a quoted request the business then declines as a refusal, noted as info', () => {
    const text = '抱歉，您说的“S单”“鱼塘”我们不接，店铺只通过正常推广获取流量。';
    expect(codes(text)).not.toContain('BANNED_TERM');
    expect(reasonsOf(text).find((r) => r.code === 'BANNED_TERM')?.severity).toBe('info');
    // The same words, offered: no customer's words, no refusal.
    expect(codes('S单团队，鱼塘里几千刷手')).toContain('BANNED_TERM');
  });

  it('reads a trade told as forbidden, a heading that explains, a fraud guide and a product taken off sale as notices', () => {
    for (const text of [
      '象牙制品在我国禁止买卖，快递也不能寄',
      '世界穿山甲日科普：穿山甲鳞片的成分是角蛋白',
      '关于“714高炮”和砍头息的防骗说明，请看菜单',
      '“莆田纯原”其实是仿冒鞋的说法',
      '可视锚鱼器已被列为禁用渔具，我们已经下架，不再销售',
    ])
      expect(codes(text), text).not.toContain('BANNED_TERM');
    // 科普 as the thing shared is no notice: the reward still induces.
    expect(codes('把这篇体检科普转发到朋友圈，截图就能领保温杯')).toContain('INDUCED_SHARING');
  });
});
