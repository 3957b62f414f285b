/**
 * What the webhook sends through the customer-service API: the 2nd and later replies after
 * the passive one, everything when the first reply has no passive form, and everything when
 * the 4.5 s deadline passes — never again for a retried push.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../server/src/store/open-store.js';
import type { ConversationRepository } from '../../server/src/store/conversation-repository.js';
import { T0 } from '../support/test-app.js';
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { wechatSignature } from '../../server/src/wechat/wechat-signature.js';
import {
  startWechatApp,
  waitFor,
  TOKEN,
  type WechatTestApp,
  type WechatTestOptions,
} from './helpers/wechat-test-app.js';
import { startStandIn, type StandIn } from './helpers/wechat-stand-in.js';
import { SEND } from './helpers/with-stand-in.js';
import { PUSH_FIXTURES, push, textPush } from './helpers/push-fixtures.js';

let t: WechatTestApp;
let wx: StandIn;
async function start(options: WechatTestOptions = {}) {
  t = await startWechatApp(options);
  wx = await startStandIn();
  await t.configure({ apiBase: wx.apiBase });
}
afterEach(async () => {
  await t.close();
  await wx.close();
});

/** A flow answering the menu key `key` with the given replies, published. */
async function menuFlow(key: string, replies: unknown[]) {
  const flow = {
    id: `menu-${key.toLowerCase()}`,
    name: `菜单 ${key}`,
    nodes: [
      { id: 'click', type: 'trigger', position: { x: 0, y: 0 }, data: { events: ['CLICK'], menuKeys: [key] } },
      { id: 'answer', type: 'reply', position: { x: 200, y: 0 }, data: { mode: 'all', replies } },
    ],
    edges: [{ id: 'e1', source: 'click', target: 'answer' }],
  };
  expect((await t.post('/api/v1/flows', flow)).status).toBe(201);
  expect((await t.post(`/api/v1/flows/${flow.id}/publish`, {})).status).toBe(201);
}

const click = (from: string, key: string) => push(PUSH_FIXTURES.CLICK.replace('EVENTKEY', key), { from, at: T0 });

describe('follow-up replies', () => {
  it('the first reply is passive, the second goes out by custom/send; a retry re-sends nothing', async () => {
    await start();
    await menuFlow('TWO', [
      { type: 'text', content: '第一条：营业时间 9:00–18:00' },
      { type: 'text', content: '第二条：门店地址在「我的」页面查看' },
    ]);
    const first = await t.pushPlain(click('u-two', 'TWO'));
    expect(first.text).toContain('第一条');
    const sent = await waitFor(() => wx.sends()[0]);
    expect(sent.body).toEqual({
      touser: 'u-two',
      msgtype: 'text',
      text: { content: '第二条：门店地址在「我的」页面查看' },
    });
    // WeChat's retry of the same event (same FromUserName + CreateTime + Event).
    const retry = await t.pushPlain(click('u-two', 'TWO'));
    expect(retry.text).toBe(first.text);
    await t.gateway.idle();
    expect(wx.sends()).toHaveLength(1);
  });

  it('a follow-up the platform refuses with 45047 leaves the grant exhausted here too', async () => {
    await start();
    await menuFlow('TWO', [
      { type: 'text', content: '第一条：营业时间 9:00–18:00' },
      { type: 'text', content: '第二条：门店地址在「我的」页面查看' },
    ]);
    wx.script(SEND, { json: { errcode: 45047, errmsg: 'out of response count limit' } });
    await t.pushPlain(click('u-refused', 'TWO'));
    await waitFor(() => wx.sends()[0]);
    await t.gateway.idle();
    expect((await t.get('/api/v1/users/u-refused/window')).body.quota.left).toBe(0);
  });

  it('a first reply without a passive form (msgmenu) answers success and everything goes by the API', async () => {
    await start();
    await menuFlow('RATE', [
      {
        type: 'msgmenu',
        headContent: '您对本次服务满意吗？',
        items: [
          { id: '101', content: '满意' },
          { id: '102', content: '不满意' },
        ],
      },
    ]);
    const r = await t.pushPlain(click('u-rate', 'RATE'));
    expect(r.text).toBe('success');
    const sent = await waitFor(() => wx.sends()[0]);
    expect(sent.body).toEqual({
      touser: 'u-rate',
      msgtype: 'msgmenu',
      msgmenu: {
        head_content: '您对本次服务满意吗？',
        list: [
          { id: '101', content: '满意' },
          { id: '102', content: '不满意' },
        ],
      },
    });
    expect((await t.pushPlain(click('u-rate', 'RATE'))).text).toBe('success');
    await t.gateway.idle();
    expect(wx.sends()).toHaveLength(1);
  });
});

describe('the 4.5 s deadline', () => {
  /** Conversation reads take `ms`: evaluation runs late. */
  const slowStore =
    (ms: number) =>
    (store: Store): Store => {
      const conversations: ConversationRepository = Object.create(store.conversations);
      conversations.get = async (account, openid) => {
        await new Promise((r) => setTimeout(r, ms));
        return store.conversations.get(account, openid);
      };
      return { ...store, conversations };
    };

  it('answers success in time and delivers the reply through custom/send; retries stay silent', async () => {
    await start({ wechat: { deadlineMs: 30 }, wrapStore: slowStore(150) });
    const began = Date.now();
    const r = await t.pushPlain(textPush('u-late', '退钱', T0, '4242'));
    expect(Date.now() - began).toBeLessThan(150);
    expect(r.status).toBe(200);
    expect(r.text).toBe('success');
    const sent = await waitFor(() => wx.sends()[0]);
    expect(sent.body).toMatchObject({ touser: 'u-late', msgtype: 'text' });
    expect(JSON.stringify(sent.body)).toContain('退款请在');
    await t.gateway.idle();
    const retry = await t.pushPlain(textPush('u-late', '退钱', T0, '4242'));
    expect(retry.text).toBe('success');
    await t.gateway.idle();
    expect(wx.sends()).toHaveLength(1);
    expect((await t.get('/api/v1/users/u-late/window')).body.counters.repliesSinceInteraction).toBe(1);
  });

  it('a retry reaching another instance behind the load balancer also answers success', async () => {
    await start({ wechat: { deadlineMs: 30 }, wrapStore: slowStore(150) });
    expect((await t.pushPlain(textPush('u-lb', '退钱', T0, '5151'))).text).toBe('success');
    await waitFor(() => wx.sends()[0]);
    await t.gateway.idle();
    // A second runtime instance on the same store, not slow, with nothing in its memory.
    const other = createApp({
      store: t.store,
      log: createLogger('silent'),
      adminToken: 'x',
      clock: t.now,
      wechat: { followUpDelayMs: 0, backoffMs: 5, requestTimeoutMs: 500 },
    });
    const timestamp = String(Math.floor(t.now() / 1000));
    const q = new URLSearchParams({ signature: wechatSignature(TOKEN, timestamp, 'n1'), timestamp, nonce: 'n1' });
    const retry = await supertest(other)
      .post(`/wechat/default?${q.toString()}`)
      .set('Content-Type', 'text/xml')
      .send(textPush('u-lb', '退钱', T0, '5151'));
    expect(retry.text).toBe('success');
    await (other.locals['wechat'] as { idle(): Promise<void> }).idle();
    expect(wx.sends()).toHaveLength(1);
  });
});
