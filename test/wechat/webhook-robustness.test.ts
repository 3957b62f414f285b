/**
 * The webhook cases measured in issue 9, through the real HTTP route: deep nesting never costs a
 * 5xx, an authentic push is always answered the way WeChat needs (never a 4xx), and an unknown
 * account is indistinguishable from a bad signature.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import type { InboundMessage } from '../../rules-schema/index.js';
import { T0 } from '../support/test-app.js';
import { wechatSignature } from '../../server/src/wechat/wechat-signature.js';
import { startWechatApp, TOKEN, type WechatTestApp } from './helpers/wechat-test-app.js';
import { PUSH_FIXTURES, push, textPush } from './helpers/push-fixtures.js';
import { recordingLogger } from './helpers/recording-logger.js';

let t: WechatTestApp;
let log: ReturnType<typeof recordingLogger>;
beforeEach(async () => {
  log = recordingLogger();
  // 8,000 nested tags encrypt to ~75 KB: the limit is raised so the depth, not the size, is what refuses them.
  t = await startWechatApp({ log, wechat: { bodyLimitBytes: 128 * 1024 } });
  await t.configure({ apiBase: 'http://127.0.0.1:9' }); // no follow-up reaches a network here
});
afterEach(async () => {
  await t.close();
});

const recorded = async () =>
  (await t.store.inbound.listBetween('default', new Date(0), new Date(T0 + 3_600_000), 100)).map(
    (r) => r.message as InboundMessage,
  );
const ts = () => String(Math.floor(t.now() / 1000));
const unsignedPlain = (xml: string, account = 'default') =>
  t.http
    .post(`/wechat/${account}?signature=${'0'.repeat(40)}&timestamp=${ts()}&nonce=1`)
    .set('Content-Type', 'text/xml')
    .send(xml);
const unsignedSafe = (envelope: string, account = 'default') =>
  t.http
    .post(`/wechat/${account}?timestamp=${ts()}&nonce=1&encrypt_type=aes&msg_signature=${'0'.repeat(40)}`)
    .set('Content-Type', 'text/xml')
    .send(envelope);
const warnings = () => log.lines.filter((l) => l.level === 'warn').map((l) => l.msg);

describe('8,000 nested tags', () => {
  const nested = `<xml>${'<a>'.repeat(8000)}x${'</a>'.repeat(8000)}</xml>`;

  it('plain mode: signed → success (logged), unsigned → 403, and the server stays healthy', async () => {
    const signed = await t.pushPlain(nested);
    expect([signed.status, signed.text]).toEqual([200, 'success']);
    expect(warnings()).toContain('authentic push acknowledged without processing');
    const unsigned = await unsignedPlain(nested);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.error.code).toBe('FORBIDDEN');
    expect((await t.http.get('/healthz')).status).toBe(200);
    expect(await recorded()).toEqual([]);
  });

  it('safe mode: nested inner XML signed → success; a nested envelope, unsigned or not, → 403', async () => {
    const signed = await t.pushSafe(nested);
    expect([signed.status, signed.text]).toEqual([200, 'success']);
    expect(warnings()).toContain('authentic push acknowledged without processing');
    expect((await unsignedSafe(nested)).status).toBe(403);
    // The signature covers Encrypt, which a refused envelope does not yield: it cannot be verified.
    const encrypted = t.crypto.encrypt(textPush('u-deep', 'hi', T0, '1'), 'wx2c2769f8efd9abc2');
    const deepEnvelope = `<xml><Encrypt><![CDATA[${encrypted}]]></Encrypt>${'<a>'.repeat(8000)}${'</a>'.repeat(8000)}</xml>`;
    const q = new URLSearchParams({
      timestamp: ts(),
      nonce: '7',
      encrypt_type: 'aes',
      msg_signature: wechatSignature(TOKEN, ts(), '7', encrypted),
    });
    expect(
      (await t.http.post(`/wechat/default?${q.toString()}`).set('Content-Type', 'text/xml').send(deepEnvelope)).status,
    ).toBe(403);
    expect((await t.http.get('/healthz')).status).toBe(200);
    expect(await recorded()).toEqual([]);
  });
});

describe('an authentic text push of 5,000 characters', () => {
  it('is matched on its first 4,096 characters, answered with the reply and recorded', async () => {
    const content = `我要退钱${'啊'.repeat(4996)}`;
    const r = await t.pushPlain(textPush('u-long', content, T0, '5000'));
    expect(r.status).toBe(200);
    const reply = (new XMLParser({ parseTagValue: false }).parse(r.text) as { xml: Record<string, string> }).xml;
    expect(reply['Content']).toMatch(/^您，退款请在/);
    const [message] = await recorded();
    expect(message).toMatchObject({ from: 'u-long', type: 'text', msgId: '5000' });
    expect(message?.content).toBe(content.slice(0, 4096));
    expect((await t.get('/api/v1/users/u-long/window')).body.state).toBe('open');
  });

  it('a keyword only past the prefix does not match, and the push is still answered and recorded (safe mode)', async () => {
    const r = await t.pushSafe(textPush('u-tail', `${'啊'.repeat(4800)}退钱`, T0, '5001'));
    expect(r.status).toBe(200);
    const answer =
      r.text === 'success' ? '' : t.crypto.decrypt(/<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(r.text)?.[1] ?? '').message;
    expect(answer).not.toContain('退款请在');
    expect((await recorded()).map((m) => m.content?.length)).toEqual([4096]);
  });

  it('the prefix never splits a surrogate pair', async () => {
    const r = await t.pushPlain(textPush('u-emoji', '😀'.repeat(5000), T0, '5002'));
    expect(r.status).toBe(200);
    const [message] = await recorded();
    expect(Array.from(message?.content ?? '')).toHaveLength(4096);
    expect(message?.content).toBe('😀'.repeat(4096));
  });
});

describe('an unknown account is answered exactly as a bad signature', () => {
  it('plain and safe mode, and an account without a token: same status, same body', async () => {
    await t.http.put('/api/v1/accounts/bare').set('Authorization', 'Bearer test-admin-token').send({ appId: 'wx1' });
    const xml = textPush('u-probe', 'hi', T0, '42');
    const answers = await Promise.all(['default', 'nobody', 'bare'].map((account) => unsignedPlain(xml, account)));
    const envelope = `<xml><Encrypt><![CDATA[${t.crypto.encrypt(xml, 'wx2c2769f8efd9abc2')}]]></Encrypt></xml>`;
    answers.push(
      ...(await Promise.all(['default', 'nobody', 'bare'].map((account) => unsignedSafe(envelope, account)))),
    );
    for (const a of answers)
      expect({ status: a.status, body: a.body }).toEqual({ status: 403, body: answers[0]?.body });
    expect(answers[0]?.body.error.code).toBe('FORBIDDEN');
  });

  it('a push signed with the real token for an unknown account is refused too', async () => {
    expect((await t.pushPlain(PUSH_FIXTURES.text, {}, 'nobody')).status).toBe(403);
    expect((await t.pushSafe(PUSH_FIXTURES.text, 'nobody')).status).toBe(403);
  });
});

describe('authentic pushes the engine cannot take are acknowledged and logged', () => {
  it('an unknown MsgType → success, logged, not recorded', async () => {
    const r = await t.pushPlain(
      push(PUSH_FIXTURES.text, { from: 'u-mini', at: T0 }).replace('<![CDATA[text]]>', '<![CDATA[miniprogrampage]]>'),
    );
    expect([r.status, r.text]).toEqual([200, 'success']);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'info', data: expect.objectContaining({ msgType: 'miniprogrampage' }) }),
    );
    expect(await recorded()).toEqual([]);
  });

  it('an event outside the known list → passed to the flows (none listens: success), logged, recorded', async () => {
    const xml = push(PUSH_FIXTURES.CLICK, { from: 'u-tmpl', at: T0 }).replace(
      '<![CDATA[CLICK]]>',
      '<![CDATA[TEMPLATESENDJOBFINISH]]>',
    );
    const r = await t.pushPlain(xml);
    expect([r.status, r.text]).toEqual([200, 'success']);
    expect(log.lines).toContainEqual(
      expect.objectContaining({ level: 'info', data: expect.objectContaining({ event: 'TEMPLATESENDJOBFINISH' }) }),
    );
    expect(await recorded()).toMatchObject([{ from: 'u-tmpl', type: 'event', event: 'TEMPLATESENDJOBFINISH' }]);
  });

  it('a push failing the message schema → success, log.warn with the reason and the openid only', async () => {
    const r = await t.pushSafe(push(PUSH_FIXTURES.text, { from: 'u-badid', at: T0, msgId: '9'.repeat(80) }));
    expect([r.status, r.text]).toEqual([200, 'success']);
    const line = log.lines.find((l) => l.level === 'warn');
    expect(line?.data).toMatchObject({
      account: 'default',
      openid: 'u-badid',
      details: [expect.objectContaining({ path: '/msgId' })],
    });
    expect(JSON.stringify(line)).not.toContain('this is a test');
    expect(await recorded()).toEqual([]);
  });
});
