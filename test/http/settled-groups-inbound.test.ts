/**
 * 不回复了结的话 through POST /inbound on the seeded example workspace: a report of a smooth refund
 * answers nothing from the refund group, and `settledGroups` says which group stayed quiet
 * and why; the same words as a question are answered; a duplicate delivery answers the same.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../rules-schema/validator.js';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

describe('settled talk over /inbound', () => {
  it('a report of a smooth refund is not a refund question, and the answer says so', async () => {
    const r = await t.post('/api/v1/inbound', { ...text('u1', '上次退款很顺利，这次再来买', T0), dryRun: true });
    expect(r.status).toBe(200);
    expect(validate('inbound-result', structuredClone(r.body))).toMatchObject({ ok: true });
    expect(r.body.groupMatches).toEqual([]);
    expect(r.body.settledGroups).toEqual([
      { groupId: 'refund', group: '退款', keyword: expect.any(String), cue: '上次' },
    ]);
  });

  it('the same words asked as a question are answered, with no settledGroups', async () => {
    const r = await t.post('/api/v1/inbound', { ...text('u1', '退款已经到账了吗', T0), dryRun: true });
    expect(r.status).toBe(200);
    expect((r.body.matches as Array<{ groupId: string }>).map((m) => m.groupId)).toEqual(['refund']);
    expect(r.body).not.toHaveProperty('settledGroups');
  });

  it('a committed message keeps settledGroups for its duplicate delivery', async () => {
    const body = { ...text('u2', '快递已经签收了，东西挺好用', T0), user: { nickname: '小红' } };
    const first = await t.post('/api/v1/inbound', body);
    expect(first.status).toBe(200);
    expect((first.body.settledGroups as Array<{ groupId: string }>).map((g) => g.groupId)).toEqual(['logistics']);
    const again = await t.post('/api/v1/inbound', body);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.settledGroups).toEqual(first.body.settledGroups);
  });
});
