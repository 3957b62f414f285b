/** The customer-service API client against a local stand-in of the WeChat API (DOMAIN §1.4–§1.8). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WechatApiClient } from '../../server/src/wechat/wechat-api-client.js';
import { resolveWechatOptions, type WechatOptions } from '../../server/src/wechat/wechat-options.js';
import type { WireReply } from '../../server/src/wechat/wire-reply.js';
import { APP_ID, APP_SECRET } from './helpers/wechat-test-app.js';
import { SEND, withStandIn } from './helpers/with-stand-in.js';

const env = withStandIn({ seed: false });

const clientWith = (o: WechatOptions = {}) =>
  new WechatApiClient(env.t.store, resolveWechatOptions({ backoffMs: 5, requestTimeoutMs: 500, ...o }), env.t.now);

describe('access_token', () => {
  it('is fetched once for concurrent callers, with the account credentials', async () => {
    const client = clientWith();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => client.send('default', `u${i}`, { type: 'text', content: `hi ${i}` })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(env.wx.tokenFetches()).toHaveLength(1);
    expect(env.wx.tokenFetches()[0]?.query).toEqual({
      grant_type: 'client_credential',
      appid: APP_ID,
      secret: APP_SECRET,
    });
    expect(new Set(env.wx.sends().map((c) => c.query['access_token']))).toEqual(new Set(['tok-1']));
  });

  it('is shared by every runtime instance through the store: one fetch for several instances', async () => {
    // Three clients over one store stand for three instances behind a load balancer.
    const instances = [clientWith(), clientWith(), clientWith()];
    const results = await Promise.all(
      instances.flatMap((c, i) =>
        [0, 1, 2].map((j) => c.send('default', `u${i}-${j}`, { type: 'text', content: `hi ${i}-${j}` })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(env.wx.tokenFetches()).toHaveLength(1);
    expect(new Set(env.wx.sends().map((c) => c.query['access_token']))).toEqual(new Set(['tok-1']));
    // A token WeChat refuses is dropped for everyone: the next instance refreshes once.
    env.wx.revokeTokens();
    expect((await instances[1]!.send('default', 'x', { type: 'text', content: 'after revoke' })).ok).toBe(true);
    expect((await instances[2]!.send('default', 'y', { type: 'text', content: 'other instance' })).ok).toBe(true);
    expect(env.wx.tokenFetches()).toHaveLength(2);
    // The token at rest is sealed, never stored in clear.
    // Every file of the data directory (the database and its write-ahead log), byte for byte.
    const onDisk = readdirSync(env.t.dataDir)
      .map((f) => readFileSync(path.join(env.t.dataDir, f)).toString('latin1'))
      .join('\n');
    expect(onDisk).toContain('tokenHash');
    expect(onDisk).not.toContain('tok-1');
    expect(onDisk).not.toContain('tok-2');
  });

  it('is refreshed 5 minutes before it expires', async () => {
    const client = clientWith();
    await client.send('default', 'u', { type: 'text', content: 'a' });
    env.t.setNow(env.t.now() + (7200 - 301) * 1000);
    await client.send('default', 'u', { type: 'text', content: 'b' });
    expect(env.wx.tokenFetches()).toHaveLength(1);
    env.t.setNow(env.t.now() + 2000);
    await client.send('default', 'u', { type: 'text', content: 'c' });
    expect(env.wx.tokenFetches()).toHaveLength(2);
    expect(env.wx.sends().map((c) => c.query['access_token'])).toEqual(['tok-1', 'tok-1', 'tok-2']);
  });

  it('40001 (token revoked elsewhere): refreshed once and the send retried once', async () => {
    const client = clientWith();
    await client.send('default', 'u', { type: 'text', content: 'a' });
    env.wx.revokeTokens();
    const r = await client.send('default', 'u', { type: 'text', content: 'b' });
    expect(r.ok).toBe(true);
    expect(env.wx.sends().map((c) => c.query['access_token'])).toEqual(['tok-1', 'tok-1', 'tok-2']);
    // A token refused again right after the refresh is reported, not looped on.
    env.wx.script(
      SEND,
      { json: { errcode: 42001, errmsg: 'access_token expired' } },
      { json: { errcode: 40014, errmsg: 'invalid access_token' } },
    );
    const again = await client.send('default', 'u', { type: 'text', content: 'c' });
    expect(again).toEqual({ ok: false, errcode: 40014, errmsg: 'invalid access_token' });
    expect(env.wx.tokenFetches()).toHaveLength(3);
  });

  it('a token refusal (bad secret) is returned as the platform error', async () => {
    env.wx.script('/cgi-bin/token', { json: { errcode: 40125, errmsg: 'invalid appsecret' } });
    expect(await clientWith().send('default', 'u', { type: 'text', content: 'a' })).toEqual({
      ok: false,
      errcode: 40125,
      errmsg: 'invalid appsecret',
    });
    expect(env.wx.sends()).toHaveLength(0);
  });

  it('an account without appSecret cannot send', async () => {
    await env.t.http
      .put('/api/v1/accounts/nosecret')
      .set('Authorization', 'Bearer test-admin-token')
      .send({ appId: 'wx1' });
    await expect(clientWith().send('nosecret', 'u', { type: 'text', content: 'a' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});

describe('custom/send', () => {
  const shapes: [WireReply, Record<string, unknown>][] = [
    [{ type: 'text', content: '您好' }, { text: { content: '您好' } }],
    [{ type: 'image', mediaId: 'MEDIA_ID' }, { image: { media_id: 'MEDIA_ID' } }],
    [{ type: 'voice', mediaId: 'MEDIA_ID' }, { voice: { media_id: 'MEDIA_ID' } }],
    [
      { type: 'video', mediaId: 'MEDIA_ID', thumbMediaId: 'THUMB', title: 'TITLE', description: 'DESCRIPTION' },
      { video: { media_id: 'MEDIA_ID', thumb_media_id: 'THUMB', title: 'TITLE', description: 'DESCRIPTION' } },
    ],
    [{ type: 'mpnews', mediaId: 'MEDIA_ID' }, { mpnews: { media_id: 'MEDIA_ID' } }],
    [
      {
        type: 'news',
        articles: [{ title: 'Happy Day', description: 'Is Really A Happy Day', url: 'URL', picUrl: 'PIC_URL' }],
      },
      {
        news: {
          articles: [{ title: 'Happy Day', description: 'Is Really A Happy Day', url: 'URL', picurl: 'PIC_URL' }],
        },
      },
    ],
    [
      { type: 'miniprogrampage', title: 'title', appId: 'appid', pagePath: 'pagepath', thumbMediaId: 'thumb_media_id' },
      { miniprogrampage: { title: 'title', appid: 'appid', pagepath: 'pagepath', thumb_media_id: 'thumb_media_id' } },
    ],
    [
      {
        type: 'msgmenu',
        headContent: '您对本次服务是否满意呢? ',
        items: [
          { id: '101', content: '满意' },
          { id: '102', content: '不满意' },
        ],
        tailContent: '欢迎再次光临',
      },
      {
        msgmenu: {
          head_content: '您对本次服务是否满意呢? ',
          list: [
            { id: '101', content: '满意' },
            { id: '102', content: '不满意' },
          ],
          tail_content: '欢迎再次光临',
        },
      },
    ],
    [
      {
        type: 'music',
        title: 'TITLE',
        description: 'DESCRIPTION',
        musicUrl: 'MUSIC_URL',
        hqMusicUrl: 'HQ_MUSIC_URL',
        thumbMediaId: 'MEDIA_ID',
      },
      {
        music: {
          title: 'TITLE',
          description: 'DESCRIPTION',
          musicurl: 'MUSIC_URL',
          hqmusicurl: 'HQ_MUSIC_URL',
          thumb_media_id: 'MEDIA_ID',
        },
      },
    ],
  ];
  it.each(shapes)('%o goes out in the exact WeChat shape', async (reply, payload) => {
    expect((await clientWith().send('default', 'OPENID', reply)).ok).toBe(true);
    expect(env.wx.sends()[0]?.body).toEqual({ touser: 'OPENID', msgtype: reply.type, ...payload });
  });

  it('45015 and 45047 come back as the platform codes', async () => {
    env.wx.script(
      SEND,
      { json: { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' } },
      { json: { errcode: 45047, errmsg: 'out of response count limit' } },
    );
    const client = clientWith();
    expect(await client.send('default', 'u', { type: 'text', content: 'a' })).toMatchObject({
      ok: false,
      errcode: 45015,
    });
    expect(await client.send('default', 'u', { type: 'text', content: 'b' })).toMatchObject({
      ok: false,
      errcode: 45047,
    });
    expect(env.wx.sends()).toHaveLength(2); // refusals are final: no retry
  });

  it('errcode -1, a 5xx and a dropped connection are retried with backoff', async () => {
    env.wx.script(SEND, { json: { errcode: -1, errmsg: 'system error' } }, { json: {}, status: 502 }, 'drop');
    const r = await clientWith({ retries: 3 }).send('default', 'u', { type: 'text', content: 'a' });
    expect(r.ok).toBe(true);
    expect(env.wx.sends()).toHaveLength(4);
  });

  it('timeouts: bounded retries, then the failure is reported', async () => {
    const slow = { json: { errcode: 0, errmsg: 'ok' }, delayMs: 400 };
    const client = clientWith({ requestTimeoutMs: 80, retries: 2 });
    await client.send('default', 'u', { type: 'text', content: 'warm' }); // token fetched, not slow
    env.wx.script(SEND, slow, slow, slow);
    const r = await client.send('default', 'u', { type: 'text', content: 'a' });
    expect(r).toMatchObject({ ok: false, errcode: null });
    expect(r.ok ? '' : r.errmsg).toMatch(/timeout/);
    expect(env.wx.sends()).toHaveLength(4);
  });
});

describe('typing and console rules', () => {
  it('custom/typing sends the command', async () => {
    const client = clientWith();
    expect((await client.typing('default', 'OPENID', 'Typing')).ok).toBe(true);
    expect((await client.typing('default', 'OPENID', 'CancelTyping')).ok).toBe(true);
    expect(env.wx.to('/cgi-bin/message/custom/typing').map((c) => c.body)).toEqual([
      { touser: 'OPENID', command: 'Typing' },
      { touser: 'OPENID', command: 'CancelTyping' },
    ]);
  });
});
