/**
 * Issue 14 must-show: the editor's live lint (POST /lint, with the published policy and with a
 * draft policy), /replies/check and the sandbox report the same content codes, and the same
 * rewrite suggestions, for the same text with the same packs installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

/** Codes that depend on the conversation, not on the text: /lint cannot and should not report them. */
const CONVERSATION_CODES = new Set([
  'WINDOW_NONE',
  'WINDOW_EXPIRED',
  'WINDOW_CLOSING',
  'USER_UNSUBSCRIBED',
  'QUOTA_EXHAUSTED',
  'FREQUENCY_LIMIT',
  'DUPLICATE_REPLY',
  'OVER_MARKETING',
]);

interface ReasonBody {
  code: string;
  severity: string;
  evidence?: unknown;
  suggestion?: unknown;
}

/** The content reasons of an answer, comparable across endpoints. */
const content = (reasons: ReasonBody[]) =>
  reasons
    // Findings only: `info` notes (a hit let through in context) are not codes the reply raises.
    .filter((r) => r.severity !== 'info' && !CONVERSATION_CODES.has(r.code))
    .map(({ code, evidence, suggestion }) => ({ code, evidence, suggestion }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const codeSet = (reasons: ReasonBody[]) => [...new Set(content(reasons).map((r) => r.code))].sort();

/** Each text with the code it must raise (the lexicons grow, so other codes may join; the clean text must raise none). */
const TABLE: Array<[string, string[]]> = [
  ['活动详情见：https://shop.example.com/a', ['EXTERNAL_LINK']],
  ['复制这段￥AbC123dEf￥打开淘宝', ['MARKETPLACE_CODE']],
  ['转发给朋友能再领一张', ['INDUCED_SHARING']],
  ['我们的产品能治疗高血压', ['MEDICAL_CLAIM']],
  // No lexicon word: the reply classifier's finding, the same in all three.
  ['这个枕头睡了一周，颈椎的毛病就轻多了', ['MEDICAL_CLAIM']],
  ['这是我们最佳的套餐', ['ABSOLUTE_TERM']],
  ['您好，订单已发货，请留意物流信息。', []],
  ['这款精华七天美白祛斑', ['pack:beauty/EFFICACY_GUARANTEE']],
];

let t: TestApp;
let draftPolicy: Record<string, unknown>;
beforeAll(async () => {
  t = await startTestApp();
  draftPolicy = (await t.get('/api/v1/policies/default')).body as Record<string, unknown>;
});
afterAll(async () => {
  await t.close();
});

describe('/lint, /replies/check and /sandbox/run agree', () => {
  it('an installed pack reaches the lint at once, with the published policy and with a draft policy', async () => {
    const reply = { type: 'text', content: '这款精华七天美白祛斑' };
    const before = await t.post('/api/v1/lint', { account: 'default', reply, policy: draftPolicy });
    expect(before.status).toBe(200);
    expect(codeSet(before.body.reasons)).not.toContain('pack:beauty/EFFICACY_GUARANTEE');
    expect((await t.post('/api/v1/packs/beauty/install', {})).status).toBe(200);
    for (const body of [
      { account: 'default', reply },
      { account: 'default', reply, policy: draftPolicy },
    ]) {
      const after = await t.post('/api/v1/lint', body);
      expect(after.status).toBe(200);
      expect(after.body.verdict).toBe('block');
      expect(codeSet(after.body.reasons)).toContain('pack:beauty/EFFICACY_GUARANTEE');
    }
  });

  it.each(TABLE.map(([c, codes], i) => ({ i, c, codes })))('$c → $codes', async ({ i, c, codes }) => {
    const reply = { type: 'text', content: c };
    const lint = await t.post('/api/v1/lint', { account: 'default', reply });
    const lintDraft = await t.post('/api/v1/lint', { account: 'default', reply, policy: draftPolicy });

    // A fresh user per row: an inbound opens the window, so only content can block.
    const user = `agree-${i}`;
    expect((await t.post('/api/v1/inbound', text(user, '在吗', T0))).status).toBe(200);
    const checked = await t.post('/api/v1/replies/check', check(user, c, T0 + 1000, false));

    const sandbox = await t.post('/api/v1/sandbox/run', {
      account: 'default',
      packs: ['beauty'],
      steps: [
        { inbound: { from: 'u1', type: 'text', content: '在吗' } },
        { after: '1s', reply, to: 'u1', commit: false },
      ],
    });

    for (const res of [lint, lintDraft, checked, sandbox]) expect(res.status).toBe(200);
    const sandboxReasons = sandbox.body.steps[1].result.reasons as ReasonBody[];
    const found = codeSet(lint.body.reasons);
    if (codes.length === 0) expect(found).toEqual([]);
    else expect(found).toEqual(expect.arrayContaining(codes));
    expect(codeSet(lintDraft.body.reasons)).toEqual(found);
    expect(codeSet(checked.body.reasons)).toEqual(found);
    expect(codeSet(sandboxReasons)).toEqual(found);
    // Not only the codes: the evidence and the rewrite suggestions are the same objects everywhere.
    expect(content(checked.body.reasons)).toEqual(content(lint.body.reasons));
    expect(content(sandboxReasons)).toEqual(content(lint.body.reasons));
    for (const r of content(lint.body.reasons)) expect(r.suggestion, r.code).toBeDefined();
  });

  it('/replies/check carries the rewrite, and sending the rewrite is allowed', async () => {
    expect((await t.post('/api/v1/inbound', text('agree-rewrite', '在吗', T0))).status).toBe(200);
    const blocked = await t.post(
      '/api/v1/replies/check',
      check('agree-rewrite', '满减券在菜单里，转发给朋友能再领一张。', T0 + 1000, false),
    );
    expect(blocked.body.verdict).toBe('block');
    const suggestion = (blocked.body.reasons as ReasonBody[]).find((r) => r.code === 'INDUCED_SHARING')?.suggestion as {
      kind: string;
      text: string;
    };
    expect(suggestion).toMatchObject({ kind: 'rewrite', field: 'content', text: '满减券在菜单里。' });
    const rewritten = await t.post('/api/v1/replies/check', check('agree-rewrite', suggestion.text, T0 + 2000, false));
    expect(codeSet(rewritten.body.reasons)).not.toContain('INDUCED_SHARING');
  });

  it('/lint answers bad input with 400 and JSON pointers', async () => {
    const noReply = await t.post('/api/v1/lint', { account: 'default' });
    expect(noReply.status).toBe(400);
    expect(noReply.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: '/reply' }] });
    const badPolicy = await t.post('/api/v1/lint', {
      account: 'default',
      reply: { type: 'text', content: '您好' },
      policy: { id: 7 },
    });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body.error.code).toBe('VALIDATION_FAILED');
    for (const d of badPolicy.body.error.details as Array<{ path: string }>)
      expect(d.path.startsWith('/policy')).toBe(true);
  });
});
