/** A published keyword group with a combo and whole words, through POST /inbound (dry run) and the document routes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';
import { invoiceFlow, invoiceGroup } from '../support/invoice-flow.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const group = {
  ...invoiceGroup(['开发票']),
  wholeWords: true,
  combos: [{ all: [['发票'], ['补', '重开', '抬头']], within: 'clause' }],
};

async function publishInvoice() {
  expect((await t.post('/api/v1/keyword-groups', group)).status).toBe(201);
  expect((await t.post('/api/v1/keyword-groups/invoice/publish', {})).status).toBe(201);
  expect((await t.post('/api/v1/flows', invoiceFlow('发票在订单详情页申请。'))).status).toBe(201);
  expect((await t.post('/api/v1/flows/invoice-flow/publish', {})).status).toBe(201);
}

const dryRun = (content: string) => t.post('/api/v1/inbound', { ...text('combo-user', content, T0), dryRun: true });

describe('keyword combos over HTTP', () => {
  it('both slots in one clause, in any order, match the group and name the words', async () => {
    await publishInvoice();
    const r = await dryRun('抬头写错了，发票抬头能改吗');
    expect(r.status).toBe(200);
    expect(r.body.matches).toContainEqual(
      expect.objectContaining({ flowId: 'invoice-flow', groupId: 'invoice', keyword: '发票+抬头' }),
    );
    expect(r.body.replies.map((x: { reply: { content: string } }) => x.reply.content)).toContain(
      '发票在订单详情页申请。',
    );
  });

  it('the slots in two clauses do not match, and neither does a keyword inside another word', async () => {
    await publishInvoice();
    const apart = await dryRun('发票收到了，能补个赠品吗');
    expect(apart.body.matches.map((m: { groupId: string }) => m.groupId)).not.toContain('invoice');
    const inside = await dryRun('我要开发票夹');
    expect(inside.body.matches.map((m: { groupId: string }) => m.groupId)).not.toContain('invoice');
  });

  it('a bad combo is refused with VALIDATION_FAILED and pointers', async () => {
    const r = await t.post('/api/v1/keyword-groups', { ...group, combos: [{ all: [['发票']], within: 'sentence' }] });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['/combos/0/all', '/combos/0/within']),
    );
  });
});
