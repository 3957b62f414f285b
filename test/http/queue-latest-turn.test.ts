/**
 * GET /conversations?state=awaiting lists a user by their latest turn only (CONTRACT §12), also
 * when an earlier turn of theirs still holds a live queue key: a user handed to a person who then
 * gets an automatic answer to a new message leaves the queue, and one who writes again unanswered
 * is listed once, by the new turn, on every page size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, startTestApp, MIN, T0, text, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.setNow(T0 + 60 * MIN);
});
afterAll(async () => t.close());

type Item = { openid: string; deadline: string; handoff: boolean };
async function queue(limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let next: string | null = null;
  do {
    const r = await t.get(`/api/v1/conversations?limit=${limit}${next ? `&cursor=${next}` : ''}`);
    expect(r.status).toBe(200);
    items.push(...r.body.items);
    next = r.body.next;
  } while (next);
  return items;
}

describe('the agent queue after a hand-off and a new turn', () => {
  it('lists each user once, by the latest turn, whatever the page size', async () => {
    for (let i = 0; i < 6; i++) {
      const r = await t.post('/api/v1/inbound', text(`h${i}`, '转人工', T0 + i * MIN, `h${i}-1`));
      expect(r.body.handoff).not.toBeNull();
      // An automatic reply answers the turn, which still waits for a person.
      expect(
        (await t.post('/api/v1/replies/check', check(`h${i}`, '正在为您转接', T0 + i * MIN + 1000))).body.committed,
      ).toBe(true);
    }
    // h0, h1: a new message starts a new turn (the last one was answered), which a person answers:
    // their latest turn waits for no one, while the earlier one's key is still in the future.
    for (const u of ['h0', 'h1']) {
      expect((await t.post('/api/v1/inbound', text(u, '随便说说', T0 + 30 * MIN, `${u}-2`))).body.handoff).toBeNull();
      const human = await t.post('/api/v1/replies/check', {
        ...check(u, '您好，我来帮您看看', T0 + 31 * MIN),
        agent: '小王',
      });
      expect(human.body.committed).toBe(true);
    }
    const before = (await queue(50)).map((i) => i.openid);
    expect(before).toEqual(['h2', 'h3', 'h4', 'h5']);
    for (const limit of [1, 2, 3, 50])
      expect(
        (await queue(limit)).map((i) => i.openid),
        `limit ${limit}`,
      ).toEqual(before);
    // h2 writes again after its hand-off: a new turn, unanswered; still one row, by the new turn.
    const again = await t.post('/api/v1/inbound', text('h2', '转人工', T0 + 40 * MIN, 'h2-2'));
    expect(again.body.handoff).not.toBeNull();
    for (const limit of [1, 2, 50]) {
      const items = await queue(limit);
      expect(items.map((i) => i.openid)).toEqual(['h3', 'h4', 'h5', 'h2']);
      expect(items[3]?.deadline).toBe(new Date(T0 + 40 * MIN + 48 * 60 * MIN).toISOString());
    }
  });
});
