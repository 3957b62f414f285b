/** The grant table of CONTRACT §6, through the HTTP API with a virtual clock. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import supertest from 'supertest';
import { createApp } from '../../server/src/http/create-app.js';
import { createLogger } from '../../server/src/logger.js';
import { ADMIN, startTestApp, T0, MIN, HOUR, event, check, codes, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A user message that no flow answers, so no reply is committed by the runtime itself. */
function image(from: string, at: number, msgId?: string) {
  return {
    account: 'default',
    message: { ...(msgId ? { msgId } : {}), from, type: 'image', mediaId: 'm1', picUrl: 'http://x/p.jpg', at },
  };
}

async function publishPolicy(t: TestApp, changes: Record<string, unknown>) {
  const current = (await t.get('/api/v1/policies/default')).body;
  const saved = await t.put('/api/v1/policies/default', { ...current, ...changes });
  expect(saved.status).toBe(200);
  expect((await t.post('/api/v1/policies/default/publish', { note: 'test' })).status).toBe(201);
}

describe('window grants', () => {
  it('a never-seen user has no window and a reply is blocked with WINDOW_NONE', async () => {
    const w = await t.get('/api/v1/users/nobody/window?account=default');
    expect(w.status).toBe(200);
    expect(w.body.state).toBe('none');
    const r = await t.post('/api/v1/replies/check', check('nobody', '您好', T0, false));
    expect(r.body.verdict).toBe('block');
    expect(codes(r.body)).toContain('WINDOW_NONE');
  });

  it('a user message opens 48 h; 47:59 warns WINDOW_CLOSING, 47:44 is clean, 48:00 is expired', async () => {
    await t.post('/api/v1/inbound', image('u1', T0));
    const early = await t.post('/api/v1/replies/check', check('u1', '您好', T0 + 47 * HOUR + 44 * MIN, false));
    expect(early.body.verdict).toBe('allow');
    expect(early.body.window.state).toBe('open');
    const late = await t.post('/api/v1/replies/check', check('u1', '您好', T0 + 47 * HOUR + 59 * MIN, false));
    expect(late.body.verdict).toBe('warn');
    expect(codes(late.body)).toEqual(['WINDOW_CLOSING']);
    expect(late.body.window.state).toBe('closing');
    expect(late.body.window.remainingSeconds).toBe(60);
    const expired = await t.post('/api/v1/replies/check', check('u1', '您好', T0 + 48 * HOUR, false));
    expect(expired.body.verdict).toBe('block');
    expect(codes(expired.body)).toContain('WINDOW_EXPIRED');
    expect(expired.body.window.state).toBe('expired');
  });

  it('a new message restarts the 48 h window with the full count', async () => {
    await t.post('/api/v1/inbound', image('u1', T0));
    await t.post('/api/v1/inbound', image('u1', T0 + 40 * HOUR));
    const r = await t.post('/api/v1/replies/check', check('u1', '您好', T0 + 60 * HOUR, false));
    expect(r.body.verdict).toBe('allow');
    expect(r.body.window.quota.left).toBe(5);
  });

  it.each([
    ['CLICK', 'FAQ_OTHER'],
    ['scancode_push', 'scan1'],
    ['scancode_waitmsg', 'scan2'],
    ['subscribe', undefined],
    ['SCAN', '123'],
  ])('%s gives 3 messages within 1 minute', async (name, key) => {
    const open = await t.post('/api/v1/inbound', event('u2', name, T0, key));
    expect(open.body.opensWindow).toBe(true);
    const w = await t.get('/api/v1/users/u2/window');
    // The welcome flow answers subscribe itself, spending one of the three.
    const spent = open.body.replies.filter((r: { committed: boolean }) => r.committed).length;
    expect(w.body.quota.left).toBe(3 - spent);
    expect(Date.parse(w.body.expiresAt)).toBe(T0 + MIN);
    // A one-minute grant is never "closing": the margin applies to grants of an hour or more.
    expect(w.body.state).toBe('open');
    const inside = await t.post('/api/v1/replies/check', check('u2', '您好', T0 + 59_000, false));
    expect(codes(inside.body)).not.toContain('WINDOW_EXPIRED');
    const after = await t.post('/api/v1/replies/check', check('u2', '您好', T0 + MIN, false));
    expect(codes(after.body)).toContain('WINDOW_EXPIRED');
  });

  it.each(['VIEW', 'LOCATION', 'view_miniprogram', 'pic_sysphoto', 'TEMPLATESENDJOBFINISH'])(
    '%s grants nothing',
    async (name) => {
      const r = await t.post(
        '/api/v1/inbound',
        event('u3', name, T0, name === 'VIEW' ? 'https://mp.weixin.qq.com/x' : undefined),
      );
      expect(r.status).toBe(200);
      expect(r.body.opensWindow).toBe(false);
      expect((await t.get('/api/v1/users/u3/window')).body.state).toBe('none');
    },
  );

  it('a "联系客服" click listed in nonOpeningEventKeys opens nothing', async () => {
    const current = (await t.get('/api/v1/policies/default')).body;
    await publishPolicy(t, { window: { ...(current.window ?? {}), nonOpeningEventKeys: ['CONTACT_KF'] } });
    const r = await t.post('/api/v1/inbound', event('u4', 'CLICK', T0, 'CONTACT_KF'));
    expect(r.body.opensWindow).toBe(false);
    expect((await t.get('/api/v1/users/u4/window')).body.state).toBe('none');
  });

  it('a lone emoji opens the 48 h window', async () => {
    const r = await t.post('/api/v1/inbound', {
      account: 'default',
      message: { from: 'u5', type: 'text', content: '👍', at: T0 },
    });
    expect(r.body.opensWindow).toBe(true);
    const w = await t.get('/api/v1/users/u5/window');
    expect(w.body.state).toBe('open');
    expect(Date.parse(w.body.expiresAt)).toBe(T0 + 48 * HOUR);
  });

  it('the sixth message in a 48 h grant is QUOTA_EXHAUSTED (with the etiquette limit raised)', async () => {
    await publishPolicy(t, { frequency: { maxRepliesPerInteraction: 10 } });
    await t.post('/api/v1/inbound', image('u6', T0));
    for (let i = 1; i <= 5; i++) {
      const r = await t.post('/api/v1/replies/check', check('u6', `第 ${i} 条回复`, T0 + i * MIN));
      expect(r.body.committed).toBe(true);
    }
    const sixth = await t.post('/api/v1/replies/check', check('u6', '第 6 条回复', T0 + 6 * MIN));
    expect(sixth.body.verdict).toBe('block');
    expect(codes(sixth.body)).toEqual(['QUOTA_EXHAUSTED']);
    expect(sixth.body.window.quota.left).toBe(0);
  });

  it('unsubscribe voids every grant at once; resubscribing gives a new one', async () => {
    await t.post('/api/v1/inbound', image('u7', T0));
    await t.post('/api/v1/inbound', event('u7', 'unsubscribe', T0 + MIN));
    const w = await t.get('/api/v1/users/u7/window');
    expect(w.body.state).toBe('unsubscribed');
    const r = await t.post('/api/v1/replies/check', check('u7', '您好', T0 + 2 * MIN, false));
    expect(codes(r.body)).toContain('USER_UNSUBSCRIBED');
    await t.post('/api/v1/inbound', event('u7', 'subscribe', T0 + 3 * MIN));
    const again = await t.post('/api/v1/replies/check', check('u7', '欢迎回来', T0 + 3 * MIN + 10_000, false));
    expect(again.body.window.state).toBe('open');
    expect(codes(again.body)).not.toContain('USER_UNSUBSCRIBED');
  });

  it('the etiquette limit blocks the 4th reply since the last interaction with FREQUENCY_LIMIT', async () => {
    await t.post('/api/v1/inbound', image('u8', T0));
    for (let i = 1; i <= 3; i++)
      expect((await t.post('/api/v1/replies/check', check('u8', `回复 ${i}`, T0 + i * MIN))).body.committed).toBe(true);
    const fourth = await t.post('/api/v1/replies/check', check('u8', '回复 4', T0 + 4 * MIN));
    expect(fourth.body.verdict).toBe('block');
    expect(codes(fourth.body)).toEqual(['FREQUENCY_LIMIT']);
    expect(fourth.body.counters).toEqual({ repliesSinceInteraction: 3, maxRepliesPerInteraction: 3 });
    // The user answers: the counter starts again.
    await t.post('/api/v1/inbound', image('u8', T0 + 5 * MIN));
    expect((await t.post('/api/v1/replies/check', check('u8', '回复 5', T0 + 6 * MIN))).body.verdict).toBe('allow');
  });

  it('20 concurrent commits after a fresh interaction commit exactly the allowance', async () => {
    await t.post('/api/v1/inbound', image('u9', T0));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.post('/api/v1/replies/check', check('u9', `并发回复 ${i}`, T0 + MIN))),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.committed).length).toBe(3);
    const w = await t.get('/api/v1/users/u9/window');
    expect(w.body.counters.repliesSinceInteraction).toBe(3);
  });

  it('two runtime instances on one store still commit exactly the allowance between them', async () => {
    // A second app over the same store stands for a second instance behind a load balancer:
    // its own caches, no shared memory, only the store's compare-and-set in common.
    const other = supertest(
      createApp({ store: t.store, log: createLogger('silent'), adminToken: ADMIN, clock: () => T0 + MIN }),
    );
    await t.post('/api/v1/inbound', image('u11', T0));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const body = check('u11', `两个实例并发回复 ${i}`, T0 + MIN);
        return i % 2 === 0
          ? t.post('/api/v1/replies/check', body)
          : other.post('/api/v1/replies/check').set('Authorization', `Bearer ${ADMIN}`).send(body);
      }),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.body.committed).length).toBe(3);
  });

  it('concurrent commits count the replies the runtime already committed', async () => {
    const inbound = await t.post('/api/v1/inbound', {
      ...image('u10', T0),
      message: { from: 'u10', type: 'text', content: '我要退钱', at: T0 },
    });
    expect(inbound.body.replies.filter((r: { committed: boolean }) => r.committed).length).toBe(1);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.post('/api/v1/replies/check', check('u10', `人工回复 ${i}`, T0 + MIN))),
    );
    expect(results.filter((r) => r.body.committed).length).toBe(2);
  });
});
