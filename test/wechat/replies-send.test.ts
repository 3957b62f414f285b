/** POST /api/v1/replies/send (CONTRACT §11): check, then send, then commit. */
import { describe, expect, it } from 'vitest';
import { T0, text } from '../support/test-app.js';
import { SEND, withStandIn } from './helpers/with-stand-in.js';

const env = withStandIn();

const send = (to: string, content: string, extra: Record<string, unknown> = {}) =>
  env.t.post('/api/v1/replies/send', { account: 'default', to, reply: { type: 'text', content }, at: T0, ...extra });

describe('replies/send', () => {
  it('a blocked reply (no window) is answered like /replies/check and never reaches WeChat', async () => {
    const r = await send('u-none', '您好，您的订单已发货');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ verdict: 'block', committed: false, sent: false });
    expect(r.body.reasons.map((x: { code: string }) => x.code)).toContain('WINDOW_NONE');
    expect(r.body.window.state).toBe('none');
    expect(env.wx.calls).toHaveLength(0);
  });

  it('an allowed reply is sent, then committed (counters move, the reply log has it)', async () => {
    await env.t.post('/api/v1/inbound', text('u-ok', '你好', T0, 'm-ok'));
    const before = (await env.t.get('/api/v1/users/u-ok/window')).body.counters.repliesSinceInteraction;
    const r = await send('u-ok', '{{nickname}}，您的订单已发货，预计明天送达。', { user: { nickname: '小明' } });
    expect(r.body).toMatchObject({ verdict: 'allow', reasons: [], committed: true, sent: true });
    expect(r.body.counters.repliesSinceInteraction).toBe(before + 1);
    expect(env.wx.to(SEND).map((c) => c.body)).toEqual([
      { touser: 'u-ok', msgtype: 'text', text: { content: '小明，您的订单已发货，预计明天送达。' } },
    ]);
    const log = await env.t.store.replies.listForUser('default', 'u-ok', 10);
    expect(log.map((e) => e.reply)).toContainEqual({ type: 'text', content: '小明，您的订单已发货，预计明天送达。' });
    // Committed: the same text again is now a duplicate, blocked before WeChat.
    const again = await send('u-ok', '小明，您的订单已发货，预计明天送达。');
    expect(again.body.reasons.map((x: { code: string }) => x.code)).toContain('DUPLICATE_REPLY');
    expect(env.wx.to(SEND)).toHaveLength(1);
  });

  it('45047 → QUOTA_EXHAUSTED, sent:false, nothing committed, and the state takes the platform at its word', async () => {
    await env.t.post('/api/v1/inbound', text('u-quota', '你好', T0, 'm-q'));
    const before = (await env.t.get('/api/v1/users/u-quota/window')).body;
    env.wx.script(SEND, { json: { errcode: 45047, errmsg: 'out of response count limit' } });
    const r = await send('u-quota', '您好，有什么可以帮您？');
    expect(r.body).toMatchObject({ verdict: 'block', sent: false, committed: false, errcode: 45047 });
    expect(r.body.reasons).toContainEqual(
      expect.objectContaining({ code: 'QUOTA_EXHAUSTED', severity: 'block', ruleId: 'platform:45047' }),
    );
    const after = (await env.t.get('/api/v1/users/u-quota/window')).body;
    expect(after.counters).toEqual(before.counters);
    expect(after.quota.left).toBe(0);
    // The next reply is blocked here, without another call the platform would refuse.
    const r2 = await send('u-quota', '您好，还有什么可以帮您？');
    expect(r2.body).toMatchObject({ sent: false, committed: false });
    expect(r2.body.reasons.map((x: { code: string }) => x.code)).toContain('QUOTA_EXHAUSTED');
    expect(env.wx.to(SEND)).toHaveLength(1);
  });

  it('45015 → WINDOW_EXPIRED, and the window is expired from then on', async () => {
    await env.t.post('/api/v1/inbound', text('u-gone', '你好', T0, 'm-g'));
    env.wx.script(SEND, { json: { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' } });
    const r = await send('u-gone', '您好，有什么可以帮您？');
    expect(r.body).toMatchObject({ sent: false, committed: false, errcode: 45015 });
    expect(r.body.reasons.map((x: { code: string }) => x.code)).toContain('WINDOW_EXPIRED');
    expect((await env.t.get('/api/v1/users/u-gone/window')).body.state).toBe('expired');
    expect((await send('u-gone', '还在吗？')).body.reasons.map((x: { code: string }) => x.code)).toContain(
      'WINDOW_EXPIRED',
    );
    expect(env.wx.to(SEND)).toHaveLength(1);
  });

  it('concurrent sends to one user never exceed the etiquette limit', async () => {
    await env.t.post('/api/v1/inbound', text('u-race', '你好', T0, 'm-race'));
    const left = 3 - (await env.t.get('/api/v1/users/u-race/window')).body.counters.repliesSinceInteraction;
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => send('u-race', `第 ${i} 条不同的通知内容`)));
    expect(results.filter((r) => r.body.sent).length).toBe(left);
    expect(env.wx.to(SEND)).toHaveLength(left);
  });

  it('an account without credentials → 400 VALIDATION_FAILED; a bad body → 400; a viewer → 403', async () => {
    const r = await env.t.post('/api/v1/replies/send', {
      account: 'unset',
      to: 'u',
      reply: { type: 'text', content: 'x' },
    });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.message).toMatch(/未配置|not configured/);
    expect((await env.t.post('/api/v1/replies/send', { to: 'u' })).status).toBe(400);
    const viewer = await env.t.post('/api/v1/tokens', { name: 'v', role: 'viewer' });
    const denied = await env.t.http
      .post('/api/v1/replies/send')
      .set('Authorization', `Bearer ${viewer.body.token}`)
      .send({ to: 'u', reply: { type: 'text', content: 'x' } });
    expect(denied.status).toBe(403);
  });
});
