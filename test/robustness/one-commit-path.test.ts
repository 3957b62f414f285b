/**
 * One commit path (issue 9, item 5): /replies/send reserves its slot through the same store
 * compare-and-set as /replies/check commits, so two instances racing sends and commits for one
 * user never spend more than the allowance, and a send that does not go out gives its slot back.
 */
import { describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { ADMIN, MIN, T0 } from '../support/test-app.js';
import { SEND, withStandIn } from '../wechat/helpers/with-stand-in.js';
import { waitFor } from '../wechat/helpers/wechat-test-app.js';

const env = withStandIn();

/** A second app over the same store: its own caches and clients, only the store in common. */
function secondInstance() {
  const app = createApp({
    store: env.t.store,
    log: createLogger('silent'),
    adminToken: ADMIN,
    clock: () => T0 + MIN,
    wechat: { followUpDelayMs: 0, backoffMs: 5, requestTimeoutMs: 500 },
  });
  const http = supertest(app);
  return { post: (url: string, body: object) => http.post(url).set('Authorization', `Bearer ${ADMIN}`).send(body) };
}

/** A fresh interaction that opens the 48 h grant (5 messages) and proposes no reply of its own. */
async function interact(openid: string) {
  const r = await env.t.post('/api/v1/inbound', {
    account: 'default',
    message: { msgId: `m-${openid}`, from: openid, type: 'image', mediaId: 'm1', picUrl: 'http://x/p.jpg', at: T0 },
  });
  expect(r.status).toBe(200);
  expect(r.body.replies).toEqual([]);
}

async function publishFrequency(maxRepliesPerInteraction: number) {
  const current = (await env.t.get('/api/v1/policies/default')).body;
  expect(
    (
      await env.t.http
        .put('/api/v1/policies/default')
        .set('Authorization', `Bearer ${ADMIN}`)
        .send({ ...current, frequency: { ...current.frequency, maxRepliesPerInteraction } })
    ).status,
  ).toBe(200);
  expect((await env.t.post('/api/v1/policies/default/publish', { note: 'one commit path' })).status).toBe(201);
}

/** 12 sends and 12 commits, alternating between the two instances, all at once. */
async function race(openid: string) {
  const other = secondInstance();
  const reply = (i: number) => ({ type: 'text', content: `第 ${i} 条不同的客服通知` });
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) => {
      const path = i % 2 === 0 ? '/api/v1/replies/send' : '/api/v1/replies/check';
      const body = {
        account: 'default',
        to: openid,
        reply: reply(i),
        at: T0 + MIN,
        ...(i % 2 === 0 ? {} : { commit: true }),
      };
      return i % 4 < 2 ? env.t.post(path, body) : other.post(path, body);
    }),
  );
  expect(results.every((r) => r.status === 200)).toBe(true);
  const sent = results.filter((r) => r.body.sent === true).length;
  const checked = results.filter((r) => r.body.sent === undefined && r.body.committed === true).length;
  const window = (await env.t.get(`/api/v1/users/${openid}/window`)).body;
  const log = await env.t.store.replies.listForUser('default', openid, 100);
  return { sent, checked, window, log, wire: env.wx.to(SEND).length };
}

describe('one commit path for /replies/send and /replies/check', () => {
  it('two instances racing 12 sends and 12 commits spend exactly the etiquette allowance (3)', async () => {
    await interact('u-race3');
    const r = await race('u-race3');
    expect(r.sent + r.checked).toBe(3);
    expect(r.wire).toBe(r.sent);
    expect(r.window.counters).toEqual({ repliesSinceInteraction: 3, maxRepliesPerInteraction: 3 });
    expect(r.window.quota.left).toBe(2);
    expect(r.log).toHaveLength(3);
  });

  it('with the etiquette limit raised to 50, they spend exactly the platform quota (5)', async () => {
    await publishFrequency(50);
    await interact('u-race5');
    const r = await race('u-race5');
    expect(r.sent + r.checked).toBe(5);
    expect(r.wire).toBe(r.sent);
    expect(r.window.counters.repliesSinceInteraction).toBe(5);
    expect(r.window.quota.left).toBe(0);
    expect(r.log).toHaveLength(5);
  });

  it('a send holds its slot while WeChat answers, and a 45047 refusal releases exactly that slot', async () => {
    await interact('u-refused');
    env.wx.script(SEND, { json: { errcode: 45047, errmsg: 'out of response count limit' }, delayMs: 150 });
    // supertest starts a request when it is awaited: then() sends it now.
    const pending = env.t
      .post('/api/v1/replies/send', {
        account: 'default',
        to: 'u-refused',
        reply: { type: 'text', content: '您好，有什么可以帮您？' },
        at: T0 + MIN,
      })
      .then((r) => r);
    await waitFor(() => (env.wx.to(SEND).length === 1 ? true : undefined));
    // While the call is out, the slot is taken for every instance.
    const during = (await env.t.get('/api/v1/users/u-refused/window')).body;
    expect(during.counters.repliesSinceInteraction).toBe(1);
    expect(during.quota.left).toBe(4);
    const refused = await pending;
    expect(refused.body).toMatchObject({ sent: false, committed: false, errcode: 45047 });
    const after = (await env.t.get('/api/v1/users/u-refused/window')).body;
    expect(after.counters.repliesSinceInteraction).toBe(0);
    // The platform's word on its quota stands; the reply itself was never sent, so it is no duplicate.
    expect(after.quota.left).toBe(0);
    const again = await secondInstance().post('/api/v1/replies/check', {
      account: 'default',
      to: 'u-refused',
      reply: { type: 'text', content: '您好，有什么可以帮您？' },
      at: T0 + MIN,
    });
    expect(again.body.reasons.map((x: { code: string }) => x.code)).not.toContain('DUPLICATE_REPLY');
    expect(await env.t.store.replies.listForUser('default', 'u-refused', 10)).toEqual([]);
  });

  it('a refusal that says nothing about the window gives the whole slot back', async () => {
    await interact('u-bad-openid');
    env.wx.script(SEND, { json: { errcode: 40003, errmsg: 'invalid openid' } });
    const r = await env.t.post('/api/v1/replies/send', {
      account: 'default',
      to: 'u-bad-openid',
      reply: { type: 'text', content: '您好' },
      at: T0 + MIN,
    });
    expect(r.body).toMatchObject({ sent: false, committed: false, errcode: 40003 });
    const after = (await env.t.get('/api/v1/users/u-bad-openid/window')).body;
    expect(after.counters.repliesSinceInteraction).toBe(0);
    expect(after.quota.left).toBe(5);
    const retry = await env.t.post('/api/v1/replies/send', {
      account: 'default',
      to: 'u-bad-openid',
      reply: { type: 'text', content: '您好' },
      at: T0 + MIN,
    });
    expect(retry.body).toMatchObject({ verdict: 'allow', sent: true, committed: true });
    expect(retry.body.counters.repliesSinceInteraction).toBe(1);
  });
});
