/**
 * User preferences through the API: a `recordPreference` node stores `preferences[key] = value` on
 * the user's profile, a later message's `preference` condition reads it, and the agent queue shows it.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_PREFERENCES } from '../../server/src/store/profile-preferences.js';
import { MIN, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

const FIRST = '这款精华的主要成分是烟酰胺。';
const KNOWN = '您关注护肤成分，我们为您转给成分顾问。';

const skinGroup = { schemaVersion: 1, id: 'skin', name: '成分', mode: 'contains', keywords: ['成分'] };
/** First ask: the general answer, then remember the interest. Asked again with the interest known: hand off to a specialist. */
const skinFlow = {
  schemaVersion: 1,
  id: 'skin-flow',
  name: '成分问题',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    { id: 'k', type: 'keywordGroup', position: { x: 200, y: 0 }, data: { groupId: 'skin' } },
    {
      id: 'c',
      type: 'condition',
      position: { x: 400, y: 0 },
      data: { conditions: [{ fact: 'preference', key: '关注领域', operator: 'equal', value: '护肤成分' }] },
    },
    {
      id: 'known',
      type: 'reply',
      position: { x: 600, y: -100 },
      data: { replies: [{ type: 'text', content: KNOWN }] },
    },
    { id: 'h', type: 'handoff', position: { x: 800, y: -100 }, data: {} },
    { id: 'first', type: 'reply', position: { x: 600, y: 100 }, data: { replies: [{ type: 'text', content: FIRST }] } },
    { id: 'p', type: 'recordPreference', position: { x: 800, y: 100 }, data: { key: '关注领域', value: '护肤成分' } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'k' },
    { id: 'e2', source: 'k', target: 'c', sourceHandle: 'match' },
    { id: 'e3', source: 'c', target: 'known', sourceHandle: 'true' },
    { id: 'e4', source: 'known', target: 'h' },
    { id: 'e5', source: 'c', target: 'first', sourceHandle: 'false' },
    { id: 'e6', source: 'first', target: 'p' },
  ],
};

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp({ seed: false });
  for (const [kind, doc] of [
    ['keyword-groups', skinGroup],
    ['flows', skinFlow],
  ] as const) {
    expect((await t.post(`/api/v1/${kind}`, doc)).status).toBe(201);
    expect((await t.post(`/api/v1/${kind}/${doc.id}/publish`, {})).status).toBe(201);
  }
});
afterEach(async () => {
  await t.close();
});

async function ask(openid: string, at: number, msgId?: string): Promise<string[]> {
  const r = await t.post('/api/v1/inbound', text(openid, '这个精华有什么成分', at, msgId));
  expect(r.status).toBe(200);
  return (r.body.replies as Array<{ reply: { content: string } }>).map((x) => x.reply.content);
}

it('a recorded preference sends the next message down the other branch and shows in the agent queue', async () => {
  t.setNow(T0 + 2 * MIN);
  expect(await ask('u1', T0)).toEqual([FIRST]);
  expect((await t.store.profiles.get('default', 'u1'))?.preferences).toEqual({ 关注领域: '护肤成分' });
  expect(await ask('u1', T0 + MIN)).toEqual([KNOWN]);
  // Another user's preference is their own.
  expect(await ask('u2', T0 + MIN)).toEqual([FIRST]);

  const r = await t.get('/api/v1/conversations?account=default&state=awaiting');
  expect(r.status).toBe(200);
  const item = (r.body.items as Array<{ openid: string; handoff: boolean; preferences: Record<string, string> }>).find(
    (i) => i.openid === 'u1',
  );
  expect(item).toMatchObject({ handoff: true, preferences: { 关注领域: '护肤成分' } });
});

it('the conversation state keeps no preferences; a retried delivery records them once', async () => {
  const first = text('u3', '成分是什么', T0, 'm-1');
  expect((await t.post('/api/v1/inbound', first)).status).toBe(200);
  expect((await t.post('/api/v1/inbound', first)).body.duplicate).toBe(true);
  const stored = (await t.store.conversations.get('default', 'u3'))?.state as Record<string, unknown>;
  expect(stored).not.toHaveProperty('preferences');
  expect((await t.store.profiles.get('default', 'u3'))?.preferences).toEqual({ 关注领域: '护肤成分' });
});

it(`a profile keeps at most ${MAX_PREFERENCES} preferences: a new key forgets the one changed longest ago`, async () => {
  const set = (i: number, key: string, value: string) =>
    t.store.profiles.record(
      'default',
      'u4',
      `m-${i}`,
      { tags: [], topics: [], preferences: { [key]: value }, nickname: null },
      new Date(),
    );
  // "1"-like keys would sort first in a plain object: the order kept is the order of change.
  for (let i = 0; i < MAX_PREFERENCES; i++) await set(i, String(MAX_PREFERENCES - i), 'v');
  await set(100, String(MAX_PREFERENCES - 1), 'changed'); // the second oldest becomes the newest
  await set(101, '新的', 'x');
  const prefs = (await t.store.profiles.get('default', 'u4'))?.preferences ?? {};
  expect(Object.keys(prefs)).toHaveLength(MAX_PREFERENCES);
  expect(prefs).not.toHaveProperty(String(MAX_PREFERENCES));
  expect(prefs).toMatchObject({ [String(MAX_PREFERENCES - 1)]: 'changed', 新的: 'x', '1': 'v' });
});

it('a recordPreference node without a key is refused with 400 VALIDATION_FAILED and a pointer to it', async () => {
  const bad = {
    ...skinFlow,
    id: 'bad-flow',
    nodes: skinFlow.nodes.map((n) => (n.id === 'p' ? { ...n, data: { value: '护肤成分' } } : n)),
  };
  const r = await t.post('/api/v1/flows', bad);
  expect(r.status).toBe(400);
  expect(r.body.error.code).toBe('VALIDATION_FAILED');
  expect(r.body.error.details).toEqual([
    expect.objectContaining({ path: '/nodes/6/data', message: expect.stringContaining('key') }),
  ]);
});

it('a value longer than 60 characters is refused with a pointer to it', async () => {
  const bad = {
    ...skinFlow,
    id: 'long-flow',
    nodes: skinFlow.nodes.map((n) => (n.id === 'p' ? { ...n, data: { key: '关注领域', value: '长'.repeat(61) } } : n)),
  };
  const r = await t.post('/api/v1/flows', bad);
  expect(r.status).toBe(400);
  expect((r.body.error.details as Array<{ path: string }>).map((d) => d.path)).toContain('/nodes/6/data/value');
});
