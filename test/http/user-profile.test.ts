/**
 * Bounded state through the API: a user's tags and topic counters live in their profile and
 * outlive the conversation state, which expires CONVERSATION_RETENTION_DAYS after the user's
 * grant closed. The store's server clock is set back relative to now (never today's date).
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../../server/src/store/store-errors.js';
import { emptyConversation } from '../../server/src/core/window/conversation-state.js';
import { MIN, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

const DAY = 24 * 3600 * 1000;
const FIRST = '退款请在订单页申请。';
const AGAIN = '又来问退款了？我们为您加急处理。';

/** Refund questions: the first gets the how-to and the tag; a tagged user asking again (2nd hit) gets the fast lane. */
const refundGroup = { schemaVersion: 1, id: 'refund', name: '退款', mode: 'contains', keywords: ['退款'] };
const refundFlow = {
  schemaVersion: 1,
  id: 'refund-flow',
  name: '退款问题',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    { id: 'k', type: 'keywordGroup', position: { x: 200, y: 0 }, data: { groupId: 'refund' } },
    {
      id: 'c',
      type: 'condition',
      position: { x: 400, y: 0 },
      data: {
        match: 'all',
        conditions: [
          { fact: 'userTags', operator: 'contains', value: '问过退款' },
          { fact: 'topicCount', operator: 'greaterThanInclusive', value: 2, topic: 'refund' },
        ],
      },
    },
    {
      id: 'again',
      type: 'reply',
      position: { x: 600, y: -100 },
      data: { mode: 'all', replies: [{ type: 'text', content: AGAIN }] },
    },
    {
      id: 'first',
      type: 'reply',
      position: { x: 600, y: 100 },
      data: { mode: 'all', replies: [{ type: 'text', content: FIRST }] },
    },
    { id: 'tag', type: 'recordTag', position: { x: 800, y: 100 }, data: { tags: ['问过退款'] } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'k' },
    { id: 'e2', source: 'k', target: 'c', sourceHandle: 'match' },
    { id: 'e3', source: 'c', target: 'again', sourceHandle: 'true' },
    { id: 'e4', source: 'c', target: 'first', sourceHandle: 'false' },
    { id: 'e5', source: 'first', target: 'tag' },
  ],
};

let t: TestApp;
let serverNow = Date.now();
beforeEach(async () => {
  serverNow = Date.now();
  t = await startTestApp({ seed: false, serverClock: () => serverNow });
  for (const [kind, doc] of [
    ['keyword-groups', refundGroup],
    ['flows', refundFlow],
  ] as const) {
    expect((await t.post(`/api/v1/${kind}`, doc)).status).toBe(201);
    expect((await t.post(`/api/v1/${kind}/${doc.id}/publish`, {})).status).toBe(201);
  }
});
afterEach(async () => {
  await t.close();
});

async function ask(openid: string, at: number): Promise<string[]> {
  const r = await t.post('/api/v1/inbound', text(openid, '我要退款', at));
  expect(r.status).toBe(200);
  return (r.body.replies as Array<{ reply: { content: string } }>).map((x) => x.reply.content);
}

const windowOf = async (openid: string) =>
  (await t.get(`/api/v1/users/${openid}/window?account=default`)).body.state as string;

it('tags recorded by a flow and topic counters survive the conversation state expiring', async () => {
  // u-old asked 40 days ago (server time): its state was kept the 48-hour window plus 30 days.
  serverNow = Date.now() - 40 * DAY;
  expect(await ask('u-old', T0)).toEqual([FIRST]);
  serverNow = Date.now();
  expect(await ask('u-recent', T0)).toEqual([FIRST]);

  // Same message time, same rules: only the retention tells the two apart.
  expect(await windowOf('u-recent')).toBe('open');
  expect(await windowOf('u-old')).toBe('none'); // as for an openid never seen (CONTRACT §6)
  expect(await t.store.conversations.get('default', 'u-old')).toBeNull();
  expect(await t.store.profiles.get('default', 'u-old')).toMatchObject({ tags: ['问过退款'], topics: { refund: 1 } });

  // Returning, the user is recognised by their profile: tag and second hit both hold.
  expect(await ask('u-old', T0 + MIN)).toEqual([AGAIN]);
  expect(await windowOf('u-old')).toBe('open');
  expect(await ask('u-never-seen', T0 + MIN)).toEqual([FIRST]);
});

it('the conversation state keeps no tags or counters; a retried delivery counts once', async () => {
  const first = text('u1', '我要退款', T0, 'm-1');
  expect((await t.post('/api/v1/inbound', first)).status).toBe(200);
  expect((await t.post('/api/v1/inbound', first)).body.duplicate).toBe(true);
  const stored = (await t.store.conversations.get('default', 'u1'))?.state as Record<string, unknown>;
  expect(stored).not.toHaveProperty('tags');
  expect(stored).not.toHaveProperty('topics');
  expect(await t.store.profiles.get('default', 'u1')).toMatchObject({ tags: ['问过退款'], topics: { refund: 1 } });
  expect(await ask('u1', T0 + MIN)).toEqual([AGAIN]);
  expect((await t.store.profiles.get('default', 'u1'))?.topics).toEqual({ refund: 2 });
});

it('a conversation state written by an earlier version hands its tags and counters to the profile', async () => {
  const earlier = { ...emptyConversation(), tags: ['问过退款', 'vip'], topics: { refund: 1, ship: 4 } };
  expect(await t.store.conversations.put('default', 'u-earlier', earlier, null)).toBe(true);

  expect(await ask('u-earlier', T0)).toEqual([AGAIN]);
  expect(await t.store.profiles.get('default', 'u-earlier')).toMatchObject({
    tags: ['问过退款', 'vip'],
    topics: { refund: 2, ship: 4 },
  });
  const stored = (await t.store.conversations.get('default', 'u-earlier'))?.state as Record<string, unknown>;
  expect(stored).not.toHaveProperty('tags');
  expect(stored).not.toHaveProperty('topics');
});

it('a delivery that died after its profile change and before its state is counted once when WeChat retries it', async () => {
  const message = text('u2', '我要退款', T0, 'm-crash');
  const put = vi
    .spyOn(t.store.conversations, 'put')
    .mockRejectedValueOnce(new StoreUnavailableError('killed before the state write'));
  expect((await t.post('/api/v1/inbound', message)).status).toBe(503);
  expect(put).toHaveBeenCalledTimes(1);
  put.mockRestore();
  expect((await t.store.profiles.get('default', 'u2'))?.topics).toEqual({ refund: 1 });

  const retried = await t.post('/api/v1/inbound', message);
  expect(retried.status).toBe(200);
  expect(retried.body.replies.map((r: { reply: { content: string } }) => r.reply.content)).toEqual([FIRST]);
  expect((await t.store.profiles.get('default', 'u2'))?.topics).toEqual({ refund: 1 });
  expect(await ask('u2', T0 + MIN)).toEqual([AGAIN]);
});
