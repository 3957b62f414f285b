/**
 * Replies cannot slip past the checks or leak internals (issue 9, items 6 and 7), through the
 * real app: the exact measured inputs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { check, startTestApp, T0, text, MIN, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const flow = (content: string) => ({
  schemaVersion: 1,
  id: 'vars-flow',
  name: '变量',
  nodes: [
    { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    { id: 'r', type: 'reply', position: { x: 400, y: 0 }, data: { mode: 'all', replies: [{ type: 'text', content }] } },
  ],
  edges: [{ id: 'e1', source: 't', target: 'r' }],
});

describe('/replies/check blocks the measured evasions', () => {
  it.each([
    ['保证\ud800治愈', 'MEDICAL_CLAIM'],
    ['能\ud800治疗高血压', 'MEDICAL_CLAIM'],
    ['保证\ufffd治愈', 'MEDICAL_CLAIM'],
    ['能\ufffd治疗高血压', 'MEDICAL_CLAIM'],
    ['详情 //evil.cn/x', 'EXTERNAL_LINK'],
  ])('%j → %s (block)', async (content, code) => {
    await t.post('/api/v1/inbound', text('u-evade', '你好', T0, 'm-evade'));
    const r = await t.post('/api/v1/replies/check', check('u-evade', content, T0 + MIN, false));
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('block');
    expect(r.body.reasons).toContainEqual(expect.objectContaining({ code, severity: 'block' }));
  });
});

describe('reply variables', () => {
  it.each(['{{constructor}}', '{{toString}}', '{{__proto__}}'])(
    'a flow whose reply says %s is refused at save with a pointer to the text',
    async (v) => {
      const r = await t.post('/api/v1/flows', flow(`您好${v}`));
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details).toEqual([
        { path: '/nodes/1/data/replies/0/content', message: expect.stringContaining(v) },
      ]);
      expect((await t.get('/api/v1/flows/vars-flow')).status).toBe(404);
    },
  );

  it('an agent text naming them is committed with nothing from Object.prototype filled in', async () => {
    await t.post('/api/v1/inbound', text('u-vars', '你好', T0, 'm-vars'));
    const r = await t.post('/api/v1/replies/check', {
      ...check('u-vars', '您好{{constructor}}{{toString}}{{__proto__}}，{{nickname}}', T0 + MIN),
      user: { nickname: '小明' },
    });
    expect(r.body.committed).toBe(true);
    const [logged] = await t.store.replies.listForUser('default', 'u-vars', 10);
    expect(logged?.reply).toEqual({ type: 'text', content: '您好，小明' });
  });
});

describe('info notes explain, they are not findings', () => {
  it('a refused offer is an info note in the answer and leaves no code in the reply history', async () => {
    await t.post('/api/v1/inbound', text('u-info', '你好', T0, 'm-info'));
    const r = await t.post(
      '/api/v1/replies/check',
      check('u-info', '本店不提供代开发票，请到税务局办理', T0 + MIN, true),
    );
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('allow');
    expect(r.body.reasons).toContainEqual(expect.objectContaining({ code: 'BANNED_TERM', severity: 'info' }));
    const log = await t.store.replies.listForUser('default', 'u-info', 10);
    expect(log[0]).toMatchObject({ reply: { content: '本店不提供代开发票，请到税务局办理' }, codes: [] });
  });
});
