/**
 * A share code handed over by its name, without currency or bracket delimiters: 淘口令 (or another
 * marketplace's 口令) followed by a code of letters and digits, or beside a 复制 instruction.
 * Naming or warning about 淘口令 hands nothing over. Through the compiled default policy.
 */
import { describe } from 'vitest';
import { itFinds } from '../support/default-policy-checks.js';

describe('share codes given by name', () => {
  itFinds('MARKETPLACE_CODE', {
    found: [
      '淘口令：AbCdEfGh12',
      '这是淘口令 sZWJsZVhCu7 您复制一下',
      '拼多多口令 Xk29dLq81M',
      '淘口令发您了，复制后打开就行',
    ],
    clean: [
      '什么是淘口令？就是一段分享文字',
      '谨防陌生人发来的淘口令，复制后可能是诈骗',
      '本店不发淘口令，请在公众号菜单下单',
      '淘口令活动已结束，订单号 20261204',
    ],
  });
});

describe('the search-and-open instruction of the current share text', () => {
  itFinds('MARKETPLACE_CODE', {
    found: [
      '8 HU0854 「羊毛衫」 点击链接直接打开 或者 淘宝搜索直接打开',
      '长按复制本条消息，在淘宝搜索框粘贴即可',
      '在抖音搜索口令 123456 即可领取',
    ],
    clean: ['您可以在淘宝搜索我们的店名', '谨防陌生人让你淘宝搜索口令领钱'],
  });
});

describe('a 复制 before the name counts within the cue distance of where the name starts, whatever its length', () => {
  const forty = '这段话里面有您要的那款羊毛衫的全部信息和尺码说明还有颜色选择请您留意一下谢谢亲亲';
  itFinds('MARKETPLACE_CODE', {
    found: [`复制${forty}拼多多口令`, `复制${forty}淘口令`],
    clean: [`复制${forty}好的拼多多口令`],
  });
});

describe('the fixed parts of the current share text: its 「title」点击链接直接打开 closing and its 【app】link header', () => {
  itFinds('MARKETPLACE_CODE', {
    found: [
      '【京东】https://3.cn/1x-AbCdE 「保温杯」点击链接直接打开',
      '【闲鱼】https://m.tb.cn/h.5Fh2k?tk=AbC2xYz CZ0001 「我在闲鱼发布了【九成新相机】」点击链接直接打开',
      'CZ0001 「羊毛衫」\n点击链接直接打开',
      '【淘宝】 https://m.tb.cn/h.abc',
      '【天猫】HTTPS://m.tb.cn/h.abc',
      '「羊毛衫」點擊鏈接直接打開',
    ],
    clean: [
      '点击链接直接打开即可查看物流',
      '请点击下方菜单，点击链接直接打开订单页面',
      '【公告】https://example.com',
      '【重要】您在淘宝买的商品请到淘宝申请售后',
      '谨防“【淘宝】https://m.tb.cn/h.abc 「低价手机」点击链接直接打开”这类诈骗信息',
    ],
  });
});
