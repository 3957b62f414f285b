/**
 * The set-up the API-facing WeChat tests share: for each test, the app on a fresh store and a
 * fresh stand-in for the WeChat API, with the default account pointed at it.
 */
import { afterEach, beforeEach } from 'vitest';
import { startWechatApp, type WechatTestApp, type WechatTestOptions } from './wechat-test-app.js';
import { startStandIn, type StandIn } from './wechat-stand-in.js';

export const SEND = '/cgi-bin/message/custom/send';

export function withStandIn(options: WechatTestOptions = {}): { readonly t: WechatTestApp; readonly wx: StandIn } {
  let t: WechatTestApp | undefined;
  let wx: StandIn | undefined;
  beforeEach(async () => {
    t = await startWechatApp(options);
    wx = await startStandIn();
    await t.configure({ apiBase: wx.apiBase });
  });
  afterEach(async () => {
    await t?.close();
    await wx?.close();
  });
  return {
    get t() {
      if (!t) throw new Error('the app did not start');
      return t;
    },
    get wx() {
      if (!wx) throw new Error('the stand-in did not start');
      return wx;
    },
  };
}
