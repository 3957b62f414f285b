/** POST /inbound (CONTRACT §8) against the example workspace. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, MIN, text, event, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('inbound', () => {
  it('"我要退钱" reaches the 退款 group and the reply greets the user by nickname', async () => {
    const r = await t.post('/api/v1/inbound', { ...text('u1', '我要退钱', T0, 'm-1'), user: { nickname: '小明' } });
    expect(r.status).toBe(200);
    expect(r.body.duplicate).toBe(false);
    expect(r.body.opensWindow).toBe(true);
    expect(r.body.matches).toEqual([
      { flowId: 'ecommerce-faq', nodeId: 'kg-refund', group: '退款', groupId: 'refund', keyword: '退钱' },
    ]);
    expect(r.body.replies).toHaveLength(1);
    expect(r.body.replies[0].reply.content).toMatch(/^小明，退款请在/);
    expect(r.body.replies[0].reply.content).toContain('如果还有其他问题，可以继续问我哦');
    expect(r.body.replies[0].verdict).toBe('allow');
    expect(r.body.trace).toEqual(expect.arrayContaining(['trigger', 'kg-refund', 'reply-refund']));
    expect(r.body.window.state).toBe('open');
    expect(r.body.handoff).toBeNull();
  });

  it.each([
    ['退-款怎么弄', '退款'],
    ['我想退個款', '退款'],
    ['ＴＵＩ 退 货', '退款'],
    ['快递多久到', '物流'],
    ['忘记密码了', '改密码'],
  ])('%s matches %s after normalization', async (content, group) => {
    const r = await t.post('/api/v1/inbound', text('u2', content, T0));
    expect(r.body.matches.map((m: { group: string }) => m.group)).toEqual([group]);
  });

  it('an exclusion keeps the group from matching, and the fallback answers instead', async () => {
    const r = await t.post('/api/v1/inbound', text('u3', '已经退款了，谢谢', T0));
    expect(r.body.matches).toEqual([]);
    expect(r.body.replies).toHaveLength(1);
    // FAQ flows whose keyword groups did not match are not walked at all.
    expect(r.body.trace).toEqual(['unmatched', 'ack']);
  });

  it('"转人工" hands off to a human, tags the user and says so', async () => {
    const r = await t.post('/api/v1/inbound', { ...text('u4', '转人工', T0), user: { nickname: '阿花' } });
    expect(r.body.handoff).toMatchObject({ flowId: 'handoff', nodeId: 'to-agent', queue: 'default' });
    expect(r.body.replies[0].reply.content).toBe('阿花，已为你转接人工客服，请稍候，我们会尽快回复你。');
    expect(r.body.tags).toEqual(['需要人工']);
  });

  it('subscribe greets {{nickname}} inside the 1-minute follow grant', async () => {
    const r = await t.post('/api/v1/inbound', { ...event('u5', 'subscribe', T0), user: { nickname: '小红' } });
    expect(r.body.replies[0].reply.content).toMatch(/^小红，欢迎关注/);
    expect(r.body.replies[0].verdict).toBe('allow');
    const w = await t.get('/api/v1/users/u5/window');
    expect(w.body.quota.left).toBe(2);
  });

  it('a menu click with its key runs the menu flow', async () => {
    const r = await t.post('/api/v1/inbound', event('u6', 'CLICK', T0, 'FAQ'));
    expect(r.body.trace).toEqual(['click-faq', 'faq']);
    expect(r.body.replies[0].reply.content).toContain('常见问题');
  });

  it('the same msgId again returns the first body with duplicate:true and changes nothing', async () => {
    const first = await t.post('/api/v1/inbound', text('u7', '退款', T0, 'm-retry'));
    const before = (await t.get('/api/v1/users/u7/window')).body;
    for (let i = 0; i < 3; i++) {
      const retry = await t.post('/api/v1/inbound', text('u7', '退款', T0 + 5000 * (i + 1), 'm-retry'));
      expect(retry.body).toEqual({ ...first.body, duplicate: true });
    }
    expect((await t.get('/api/v1/users/u7/window')).body).toEqual(before);
  });

  it('concurrent deliveries of one msgId are processed once', async () => {
    const all = await Promise.all(
      Array.from({ length: 5 }, () => t.post('/api/v1/inbound', text('u8', '物流', T0, 'm-par'))),
    );
    expect(all.filter((r) => r.body.duplicate === false)).toHaveLength(1);
    // Every duplicate answers what the one that applied it answered.
    const { duplicate: _d, ...applied } = all.find((r) => r.body.duplicate === false)!.body;
    for (const r of all) expect({ ...r.body, duplicate: false }).toEqual({ ...applied, duplicate: false });
    expect((await t.get('/api/v1/users/u8/window')).body.counters.repliesSinceInteraction).toBe(1);
    // The deliveries that lost the claim computed the same change: the topic is counted once.
    const topics = (await t.store.profiles.get('default', 'u8'))?.topics ?? {};
    expect(Object.values(topics)).toEqual([1]);
    expect(await t.store.inbound.claim('default', 'msg:m-par')).toMatchObject({ status: 'done' });
  });

  it('events without msgId are keyed by from+at+event', async () => {
    const a = await t.post('/api/v1/inbound', event('u9', 'subscribe', T0));
    const b = await t.post('/api/v1/inbound', event('u9', 'subscribe', T0));
    expect(a.body.duplicate).toBe(false);
    expect(b.body.duplicate).toBe(true);
    const c = await t.post('/api/v1/inbound', event('u9', 'subscribe', T0 + 1000));
    expect(c.body.duplicate).toBe(false);
  });

  it('dryRun changes nothing', async () => {
    const r = await t.post('/api/v1/inbound', { ...text('u10', '退款', T0, 'm-dry'), dryRun: true });
    expect(r.body.replies).toHaveLength(1);
    expect((await t.get('/api/v1/users/u10/window')).body.state).toBe('none');
    const real = await t.post('/api/v1/inbound', text('u10', '退款', T0, 'm-dry'));
    expect(real.body.duplicate).toBe(false);
  });

  it('the same question asked three times in ten minutes gets the answer once, then DUPLICATE_REPLY', async () => {
    const replies = [];
    for (let i = 0; i < 3; i++)
      replies.push((await t.post('/api/v1/inbound', text('u11', '退款', T0 + i * 3 * MIN))).body.replies[0]);
    expect(replies[0].verdict).toBe('allow');
    expect(replies[1].verdict).toBe('block');
    expect(replies[1].reasons.map((r: { code: string }) => r.code)).toEqual(['DUPLICATE_REPLY']);
    expect(replies[2].committed).toBe(false);
    // After ten minutes the answer may be given again.
    const later = await t.post('/api/v1/inbound', text('u11', '退款', T0 + 11 * MIN));
    expect(later.body.replies[0].verdict).toBe('allow');
  });
});

describe('a crash between applying a message and recording its answer', () => {
  it('the retried delivery gets the first result and is not applied twice', async () => {
    const t2 = await startTestApp();
    try {
      // The first attempt dies after its conversation write, before the inbound log records the
      // answer (as a process killed at that instant would): the claim is released, WeChat retries.
      const complete = t2.store.inbound.complete.bind(t2.store.inbound);
      let failOnce = true;
      t2.store.inbound.complete = async (...args) => {
        if (failOnce) {
          failOnce = false;
          throw new Error('killed before the answer was recorded');
        }
        return complete(...args);
      };
      const first = await t2.post('/api/v1/inbound', {
        ...text('c1', '我要退钱', T0, 'm-crash'),
        user: { nickname: '小明' },
      });
      // Not a store outage but an unexpected fault after a write: a 500, which claims nothing about writes.
      expect(first.status).toBe(500);
      expect(first.body.error.code).toBe('INTERNAL');
      const retry = await t2.post('/api/v1/inbound', {
        ...text('c1', '我要退钱', T0, 'm-crash'),
        user: { nickname: '小明' },
      });
      expect(retry.status).toBe(200);
      expect(retry.body.duplicate).toBe(false);
      expect(retry.body.replies[0].reply.content).toMatch(/^小明，退款请在/);
      const w = (await t2.get('/api/v1/users/c1/window')).body;
      expect(w.counters.repliesSinceInteraction).toBe(1);
      expect(w.quota.left).toBe(4);
      // The conversation state remembers the message by key only; the result lived on its inbound record.
      const stored = (await t2.store.conversations.get('default', 'c1'))?.state as { applied: unknown[] };
      expect(stored.applied).toEqual(['msg:m-crash']);
      const again = await t2.post('/api/v1/inbound', text('c1', '我要退钱', T0, 'm-crash'));
      expect(again.body).toEqual({ ...retry.body, duplicate: true });
    } finally {
      await t2.close();
    }
  });
});
