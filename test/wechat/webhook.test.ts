/** The webhook of CONTRACT §11 through the real HTTP route: verification, mapping, answers, refusals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { T0 } from '../support/test-app.js';
import { wechatSignature } from '../../server/src/wechat/wechat-signature.js';
import { WechatCrypto } from '../../server/src/wechat/wechat-crypto.js';
import { parsePushXml } from '../../server/src/wechat/parse-push-xml.js';
import { pushToMessage } from '../../server/src/wechat/push-to-message.js';
import { startWechatApp, TOKEN, APP_ID, AES_KEY, type WechatTestApp } from './helpers/wechat-test-app.js';
import { PUSH_FIXTURES, picEvent, push, textPush } from './helpers/push-fixtures.js';

let t: WechatTestApp;
beforeEach(async () => {
  t = await startWechatApp();
  await t.configure({ apiBase: 'http://127.0.0.1:9' }); // no follow-up reaches a network here
});
afterEach(async () => {
  await t.close();
});

const xml = new XMLParser({ parseTagValue: false, processEntities: false });
const fieldsOf = (body: string) => (xml.parse(body) as { xml: Record<string, string> }).xml;
const window = async (openid: string) => (await t.get(`/api/v1/users/${openid}/window`)).body;
const recorded = async () =>
  (await t.store.inbound.listBetween('default', new Date(0), new Date(T0 + 3_600_000), 100)).map((r) => r.message);

describe('URL verification (GET)', () => {
  it('URL-1: echoes echostr as text for the official signature', async () => {
    await t.configure({ token: 'AAAAA' });
    t.setNow(1714036504_000);
    const r = await t.http.get(
      '/wechat/default?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=4375120948345356249',
    );
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.text).toBe('4375120948345356249');
  });

  it('a wrong signature, a stale timestamp or an unknown account is refused, without a stack', async () => {
    await t.configure({ token: 'AAAAA' });
    t.setNow(1714036504_000);
    const bad = await t.http.get(
      '/wechat/default?signature=f464b24fc39322e44b38aa78f5edd27bd1441697&timestamp=1714036504&nonce=1514711492&echostr=1',
    );
    expect(bad.status).toBe(403);
    expect(bad.body.error.code).toBe('FORBIDDEN');
    expect(bad.text).not.toMatch(/at .*\.ts/);
    t.setNow(1714036504_000 + 301_000);
    const stale = await t.http.get(
      '/wechat/default?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=1',
    );
    expect(stale.status).toBe(403);
    // An unknown account answers exactly as a bad signature: account names cannot be enumerated.
    t.setNow(1714036504_000);
    const unknown = await t.http.get(
      '/wechat/nobody?signature=f464b24fc39322e44b38aa78f5edd27bd1441697&timestamp=1714036504&nonce=1514711492&echostr=1',
    );
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual(bad.body);
  });

  it('WP1: msg_signature with an encrypted echostr returns the decrypted plaintext', async () => {
    await t.configure({
      token: '123456',
      encodingAESKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
      appId: 'wx49f0ab532d5d035a',
    });
    t.setNow(1411443780_000);
    const echostr = encodeURIComponent(
      '4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==',
    );
    const ok = await t.http.get(
      `/wechat/default?msg_signature=dd6b9c95b495b3f7e2901bfbc76c664930ffdb96&timestamp=1411443780&nonce=437374425&echostr=${echostr}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('5927782489442352469');
    const off = await t.http.get(
      `/wechat/default?msg_signature=dd6b9c95b495b3f7e2901bfbc76c664930ffdb96&timestamp=1411443780&nonce=437374424&echostr=${echostr}`,
    );
    expect(off.status).toBe(403);
  });
});

describe('official safe-mode pushes over HTTP', () => {
  it('Vector E: the debug_demo event is verified, decrypted and acknowledged with success', async () => {
    await t.configure({ token: 'AAAAA', encodingAESKey: 'A'.repeat(43), appId: 'wx134c8103faa5a59e' });
    t.setNow(1715943329_000);
    const body = `<xml>\n    <ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>\n    <Encrypt><![CDATA[D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==]]></Encrypt>\n</xml>`;
    const q =
      'signature=cc0c594499c1634947d5b502f158ee518947db27&timestamp=1715943329&nonce=1590219412&openid=o9AgO5Kd5ggOC-bXrbNODIiE3bGY&encrypt_type=aes&msg_signature=6c12a4205838198b8fa631b3220723bb07f1015c';
    const r = await t.http.post(`/wechat/default?${q}`).set('Content-Type', 'text/xml').send(body);
    expect(r.status).toBe(200);
    expect(r.text).toBe('success');
    // (The inbound log's TTL is real time, so a record dated 2024 is swept at once: map directly.)
    const inner = new WechatCrypto('A'.repeat(43)).decrypt(fieldsOf(body)['Encrypt'] ?? '').message;
    expect(pushToMessage(parsePushXml(inner))).toEqual({
      from: 'o9AgO5Kd5ggOC-bXrbNODIiE3bGY',
      type: 'event',
      event: 'debug_demo',
      at: 1715943329_000,
    });
  });

  it('Vector C: a compatible-mode body decrypts, runs the flows and the answer is encrypted', async () => {
    await t.configure({ token: 'spamtest' });
    t.setNow(1409735669_000);
    const enc =
      'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=';
    const body = `<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>6054768590064713728</MsgId><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`;
    const r = await t.http
      .post(
        '/wechat/default?timestamp=1409735669&nonce=1320562132&encrypt_type=aes&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fa',
      )
      .set('Content-Type', 'text/xml')
      .send(body);
    expect(r.status).toBe(200);
    const envelope = fieldsOf(r.text);
    expect(envelope['MsgSignature']).toBe(
      wechatSignature('spamtest', envelope['TimeStamp'] ?? '', envelope['Nonce'] ?? '', envelope['Encrypt'] ?? ''),
    );
    const inner = new WechatCrypto(AES_KEY).decrypt(envelope['Encrypt'] ?? '');
    expect(inner.appId).toBe(APP_ID);
    const reply = fieldsOf(inner.message);
    expect(reply).toMatchObject({
      ToUserName: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
      FromUserName: 'gh_10f6c3c3ac5a',
      MsgType: 'text',
      CreateTime: '1409735668',
    });
    expect(reply['Content']).toContain('收到你的消息啦');
  });
});

describe('every push type maps to the §5 JSON and has its window effect', () => {
  const at = T0;
  const cases: [string, string, Record<string, unknown>, 'open' | 'none' | 'unsubscribed', number?][] = [
    [
      'text',
      PUSH_FIXTURES.text,
      { msgId: '1234567890123456', type: 'text', content: 'this is a test' },
      'open',
      48 * 3600,
    ],
    [
      'image',
      PUSH_FIXTURES.image,
      { msgId: '1234567890123456', type: 'image', picUrl: 'this is a url', mediaId: 'media_id' },
      'open',
      48 * 3600,
    ],
    [
      'voice',
      PUSH_FIXTURES.voice,
      { msgId: '1234567890123456', type: 'voice', mediaId: 'media_id' },
      'open',
      48 * 3600,
    ],
    [
      'video',
      PUSH_FIXTURES.video,
      { msgId: '1234567890123456', type: 'video', mediaId: 'media_id' },
      'open',
      48 * 3600,
    ],
    [
      'shortvideo',
      PUSH_FIXTURES.shortvideo,
      { msgId: '1234567890123456', type: 'shortvideo', mediaId: 'media_id' },
      'open',
      48 * 3600,
    ],
    [
      'location',
      PUSH_FIXTURES.location,
      { msgId: '1234567890123456', type: 'location', latitude: 23.134521, longitude: 113.358803, label: '位置信息' },
      'open',
      48 * 3600,
    ],
    [
      'link',
      PUSH_FIXTURES.link,
      {
        msgId: '1234567890123456',
        type: 'link',
        title: '公众平台官网链接',
        description: '公众平台官网链接',
        url: 'url',
      },
      'open',
      48 * 3600,
    ],
    ['subscribe', PUSH_FIXTURES.subscribe, { type: 'event', event: 'subscribe' }, 'open', 60],
    [
      'subscribe (QR)',
      PUSH_FIXTURES.subscribeQr,
      { type: 'event', event: 'subscribe', eventKey: 'qrscene_123123' },
      'open',
      60,
    ],
    ['unsubscribe', PUSH_FIXTURES.unsubscribe, { type: 'event', event: 'unsubscribe' }, 'unsubscribed'],
    ['SCAN', PUSH_FIXTURES.SCAN, { type: 'event', event: 'SCAN', eventKey: 'SCENE_VALUE' }, 'open', 60],
    [
      'LOCATION',
      PUSH_FIXTURES.LOCATION,
      { type: 'event', event: 'LOCATION', latitude: 23.137466, longitude: 113.352425 },
      'none',
    ],
    ['CLICK', PUSH_FIXTURES.CLICK, { type: 'event', event: 'CLICK', eventKey: 'EVENTKEY' }, 'open', 60],
    ['VIEW', PUSH_FIXTURES.VIEW, { type: 'event', event: 'VIEW', eventKey: 'www.qq.com' }, 'none'],
    [
      'scancode_push',
      PUSH_FIXTURES.scancode_push,
      { type: 'event', event: 'scancode_push', eventKey: '6', content: '1' },
      'open',
      60,
    ],
    [
      'scancode_waitmsg',
      PUSH_FIXTURES.scancode_waitmsg,
      { type: 'event', event: 'scancode_waitmsg', eventKey: '6', content: '2' },
      'open',
      60,
    ],
    ['pic_sysphoto', PUSH_FIXTURES.pic_sysphoto, { type: 'event', event: 'pic_sysphoto', eventKey: '6' }, 'none'],
    [
      'pic_photo_or_album',
      picEvent('pic_photo_or_album'),
      { type: 'event', event: 'pic_photo_or_album', eventKey: '6' },
      'none',
    ],
    ['pic_weixin', picEvent('pic_weixin'), { type: 'event', event: 'pic_weixin', eventKey: '6' }, 'none'],
    [
      'location_select',
      PUSH_FIXTURES.location_select,
      {
        type: 'event',
        event: 'location_select',
        eventKey: '6',
        latitude: 23,
        longitude: 113,
        label: '广州市海珠区客村艺苑路 106号',
      },
      'none',
    ],
  ];
  it.each(cases)('%s', async (name, fixture, expected, state, grantSeconds) => {
    const from = `u-${name.replace(/\W/g, '')}`;
    const r = await t.pushPlain(push(fixture, { from, at }));
    expect(r.status).toBe(200);
    expect(await recorded()).toEqual([{ ...expected, from, at }]);
    const w = await window(from);
    expect(w.state).toBe(state);
    if (grantSeconds !== undefined) expect(Date.parse(w.expiresAt) - at).toBe(grantSeconds * 1000);
  });

  it('a message type the engine does not know is acknowledged and not recorded', async () => {
    const r = await t.pushPlain(PUSH_FIXTURES.text.replace('<![CDATA[text]]>', '<![CDATA[miniprogrampage]]>'));
    expect(r.text).toBe('success');
    expect(await recorded()).toEqual([]);
  });
});

describe('passive replies', () => {
  it('"退钱" answers with the refund reply as passive text XML (plain mode)', async () => {
    const r = await t.pushPlain(textPush('u-refund', '退钱', T0, '6054768590064713728'));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    const reply = fieldsOf(r.text);
    expect(reply).toMatchObject({
      ToUserName: 'u-refund',
      FromUserName: 'toUser',
      MsgType: 'text',
      CreateTime: String(T0 / 1000),
    });
    expect(reply['Content']).toMatch(/^您，退款请在「我的订单」里找到这笔订单/);
    expect(r.text).toContain('<Content><![CDATA[您，退款请在');
  });

  it('the same in safe mode: encrypted with a fresh timestamp and nonce, signed, decryptable', async () => {
    const r = await t.pushSafe(textPush('u-refund-safe', '退钱', T0, '6054768590064713729'));
    expect(r.status).toBe(200);
    const envelope = fieldsOf(r.text);
    expect(envelope['TimeStamp']).toBe(String(T0 / 1000));
    expect(envelope['Nonce']).toMatch(/^\d+$/);
    expect(envelope['MsgSignature']).toBe(
      wechatSignature(TOKEN, envelope['TimeStamp'] ?? '', envelope['Nonce'] ?? '', envelope['Encrypt'] ?? ''),
    );
    const inner = t.crypto.decrypt(envelope['Encrypt'] ?? '');
    expect(inner.appId).toBe(APP_ID);
    const reply = fieldsOf(inner.message);
    expect(reply).toMatchObject({ ToUserName: 'u-refund-safe', MsgType: 'text' });
    expect(reply['Content']).toMatch(/^您，退款请在/);
  });

  it('retries of one MsgId (3 deliveries) are processed once and answered identically', async () => {
    const body = textPush('u-retry', '退钱', T0, '777');
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await t.pushPlain(body)).text);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('退款请在');
    expect(await recorded()).toHaveLength(1);
    expect((await window('u-retry')).counters.repliesSinceInteraction).toBe(1);
    expect(await t.store.replies.listForUser('default', 'u-retry', 10)).toHaveLength(1);
  });
});

describe('refusals: nothing is recorded', () => {
  it('a forged signature → 403 and the window stays none', async () => {
    const q = `signature=${'0'.repeat(40)}&timestamp=${T0 / 1000}&nonce=1`;
    const r = await t.http
      .post(`/wechat/default?${q}`)
      .set('Content-Type', 'text/xml')
      .send(textPush('u-forged', '退钱', T0, '1'));
    expect(r.status).toBe(403);
    expect((await window('u-forged')).state).toBe('none');
    expect(await recorded()).toEqual([]);
  });

  it('safe mode: a wrong msg_signature → 403; a signed push for another appid → success, not recorded', async () => {
    const good = await t.pushSafe(textPush('u-x', 'hi', T0, '2'));
    expect(good.status).toBe(200);
    const ts = String(T0 / 1000);
    const foreign = new WechatCrypto(AES_KEY).encrypt(textPush('u-y', 'hi', T0, '3'), 'wxSOMEONEELSE');
    const envelope = `<xml><Encrypt><![CDATA[${foreign}]]></Encrypt></xml>`;
    const sig = wechatSignature(TOKEN, ts, '1', foreign);
    const r1 = await t.http
      .post(`/wechat/default?timestamp=${ts}&nonce=1&encrypt_type=aes&msg_signature=${sig}`)
      .set('Content-Type', 'text/xml')
      .send(envelope);
    expect([r1.status, r1.text]).toEqual([200, 'success']);
    const r2 = await t.http
      .post(`/wechat/default?timestamp=${ts}&nonce=2&encrypt_type=aes&msg_signature=${sig}`)
      .set('Content-Type', 'text/xml')
      .send(envelope);
    expect(r2.status).toBe(403);
    expect((await window('u-y')).state).toBe('none');
  });

  it('a DOCTYPE or ENTITY payload is not processed (signed: success for WeChat; unsigned: 403); the same text inside CDATA is a message like any other', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>a</ToUserName><FromUserName>u-xxe</FromUserName><CreateTime>${T0 / 1000}</CreateTime><MsgType>text</MsgType><Content>&xxe;</Content><MsgId>9</MsgId></xml>`;
    const r = await t.pushPlain(xxe);
    expect([r.status, r.text]).toEqual([200, 'success']);
    const bomb = `<!ENTITY a "aaaa"><xml><Content>&a;</Content></xml>`;
    expect((await t.pushPlain(bomb)).text).toBe('success');
    expect((await t.pushSafe(xxe)).text).toBe('success');
    const unsigned = await t.http
      .post(`/wechat/default?signature=${'0'.repeat(40)}&timestamp=${T0 / 1000}&nonce=1`)
      .set('Content-Type', 'text/xml')
      .send(xxe);
    expect(unsigned.status).toBe(403);
    expect((await window('u-xxe')).state).toBe('none');
    expect(await recorded()).toEqual([]);
    const innocent = await t.pushPlain(textPush('u-cdata', '<!DOCTYPE 是什么', T0, '10'));
    expect(innocent.status).toBe(200);
  });

  it('a body over the 64 KiB limit is not processed: signed → success, unsigned or a safe-mode envelope → 403', async () => {
    const big = textPush('u-big', 'x'.repeat(70 * 1024), T0, '11');
    const r = await t.pushPlain(big);
    expect([r.status, r.text]).toEqual([200, 'success']);
    const unsigned = await t.http
      .post(`/wechat/default?signature=${'0'.repeat(40)}&timestamp=${T0 / 1000}&nonce=1`)
      .set('Content-Type', 'text/xml')
      .send(big);
    expect(unsigned.status).toBe(403);
    // A safe-mode envelope is signed over its Encrypt field: one over the limit cannot be verified.
    expect((await t.pushSafe(big)).status).toBe(403);
    expect((await window('u-big')).state).toBe('none');
  });

  it('a timestamp outside the skew (replay) → 403', async () => {
    const old = String(T0 / 1000 - 301);
    const q = `signature=${wechatSignature(TOKEN, old, '5')}&timestamp=${old}&nonce=5`;
    const r = await t.http
      .post(`/wechat/default?${q}`)
      .set('Content-Type', 'text/xml')
      .send(textPush('u-replay', '退钱', T0, '12'));
    expect(r.status).toBe(403);
    expect((await window('u-replay')).state).toBe('none');
  });

  it('malformed XML, signed → success and nothing recorded; an account without a token → 403', async () => {
    expect((await t.pushPlain('<xml><a></xml>')).text).toBe('success');
    expect(await recorded()).toEqual([]);
    await t.http.put('/api/v1/accounts/bare').set('Authorization', 'Bearer test-admin-token').send({ appId: 'wx1' });
    expect((await t.pushPlain(PUSH_FIXTURES.text, {}, 'bare')).status).toBe(403);
  });
});
