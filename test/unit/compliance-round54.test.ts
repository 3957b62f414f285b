/**
 * Rounds 54 and 58 (issue 14): promotions mixed into service replies and written by shops in Taiwan
 * and Hong Kong. An after-sales word in the promotion's sentence (登记, 还剩, 保价, 起算, 通用, 到货)
 * excused offers that still asked for the order (要我先幫您登記一束嗎, 给您留两盒, 名额还剩 5 个);
 * a deposit and the balance due (定金, 尾款) are how a deal is paid, not a promotion. Warnings that
 * quote a claim and disown it (…是别人盗用的, …从来没发过, 这种词) are quotations. Each with the near
 * misses that must stay as they were.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('PROMOTION: offers that ask for the order are not rules explained', () => {
  itFinds('PROMOTION', {
    found: [
      '母親節康乃馨花束預購享95折🌸 5/5前下訂再免運費，要我先幫您登記一束嗎？',
      '开学季辅导班报名立减 3 0 0 元，名额还剩 5 个',
      '这款联名宠物窝卖完不补，满200减30，您家狗子那个尺码还剩3个',
      '车险续保价格已经算好了，现在续保打九折',
      '窗帘清洗这周下单就跟沙发一起算，打八折',
      '充500送100，充1000送300，储值后全店项目通用，办卡请找前台',
      'D滴剂到货啦，第二盒半价，给您留两盒？',
    ],
    clean: [
      '您的储值卡还剩200元，满减券已过期',
      '您的次卡还剩6次，每次到店扣一次，卡是实名的，家人使用需要您本人到店登记一下。',
      '您的年卡从3月1日起算，到明年2月28日到期，期间可以申请一次最长30天的停卡。',
      '价格保护是这样的：签收后7天内降价可申请退差价，秒杀价不算在保价范围里',
      '您问的这张代金券满100元可用，周末节假日通用，不能和团购同时使用',
      '您要的那款已经售完，下周到货再通知您，满减活动已结束',
    ],
  });
});

describe('PROMOTION: a deposit and the balance due are payment terms', () => {
  itFinds('PROMOTION', {
    found: ['双11预售付定金50抵150，尾款11号晚8点开付', '定金膨胀：现在付20元定金，付尾款时抵60元'],
    clean: ['年夜饭套餐需要交200元定金，除夕前一天付尾款', '装修合同签好后先付三成定金，验收合格再结尾款'],
  });
});

describe('quoted and disowned: a poster or message someone else made', () => {
  itFinds('ABSOLUTE_TERM', {
    found: ['我们家是全网最低价，放心拍'],
    clean: [
      '您截图的那张「全网最低价」海报不是我们店的宣传，是别人盗用了我们的商品图',
      '您这套房子满五唯一，过户税费会少一些',
    ],
  });
  itFinds('INDUCED_SHARING', {
    found: ['转发集赞满20个送免单，截图发客服'],
    clean: [
      '那个说「转发集赞送免单」的活动是别人冒用我们名义发的，我们公众号从来没发过',
      '集點卡集滿10點可以換中杯一杯，點數不能跨店合併',
    ],
  });
  itFinds('MEDICAL_CLAIM', {
    found: ['这款药膏能根治湿疹，包好'],
    clean: ['正规药品广告里不会出现「根治」「包好」这种词，您看到的那条小广告跟我们无关'],
  });
});
