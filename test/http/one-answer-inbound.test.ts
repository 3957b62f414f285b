/**
 * One answer per message through POST /inbound (CONTRACT §8) on the seeded example workspace:
 * a refund question that mentions delivery gets one reply, and `groupMatches` says which
 * groups matched and which one answered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Flow } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { startTestApp, T0, text, type TestApp } from '../support/test-app.js';

const BOTH = '我要退款，快递还没到';

interface GroupMatch {
  flowId: string;
  nodeId: string;
  groupId: string;
  group: string;
  keyword: string;
  won: boolean;
}

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const dryRun = (content: string, from = 'u1') =>
  t.post('/api/v1/inbound', { ...text(from, content, T0), user: { nickname: '小明' }, dryRun: true });

describe('one answer per message over /inbound', () => {
  it(`"${BOTH}" gets one reply: the winning group's, with both groups listed in groupMatches`, async () => {
    const r = await dryRun(BOTH);
    expect(r.status).toBe(200);
    expect(validate('inbound-result', structuredClone(r.body))).toMatchObject({ ok: true });

    const groupMatches = r.body.groupMatches as GroupMatch[];
    expect(groupMatches.map((m) => m.groupId).sort()).toEqual(['logistics', 'refund']);
    expect(groupMatches.every((m) => m.flowId === 'ecommerce-faq')).toBe(true);
    const winners = groupMatches.filter((m) => m.won);
    expect(winners).toHaveLength(1);
    const winner = winners[0] as GroupMatch;
    // `matches` stays the walked nodes: only the winner.
    expect(r.body.matches).toEqual([
      {
        flowId: winner.flowId,
        nodeId: winner.nodeId,
        group: winner.group,
        groupId: winner.groupId,
        keyword: winner.keyword,
      },
    ]);

    // The one reply is the one the winner's `match` branch leads to in the example flow.
    const flow = (await t.get('/api/v1/flows/ecommerce-faq')).body as Flow;
    const answer = flow.edges.find(
      (e) => e.source === winner.nodeId && (e.sourceHandle ?? 'match') === 'match',
    )?.target;
    expect(r.body.replies).toHaveLength(1);
    expect(r.body.replies[0].nodeId).toBe(answer);
    const loser = groupMatches.find((m) => !m.won) as GroupMatch;
    expect(r.body.trace).toContain(loser.nodeId);
    expect(r.body.trace).not.toContain(flow.edges.find((e) => e.source === loser.nodeId)?.target);
  });

  it('a message of one group lists that group alone, as the winner', async () => {
    const r = await dryRun('我要退钱');
    // The keyword is the example group's business (a word or a combo such as 要+退钱): it must be the walked match's.
    expect(r.body.groupMatches).toEqual([
      {
        flowId: 'ecommerce-faq',
        nodeId: 'kg-refund',
        group: '退款',
        groupId: 'refund',
        keyword: r.body.matches[0]?.keyword,
        won: true,
      },
    ]);
    expect(r.body.matches[0]?.keyword).toMatch(/退钱/);
    expect((await dryRun('今天天气不错', 'u2')).body.groupMatches).toEqual([]);
  });

  it('a flow published with keywordAnswers:"all" answers both groups again', async () => {
    const draft = (await t.get('/api/v1/flows/ecommerce-faq')).body as Flow;
    expect((await t.put('/api/v1/flows/ecommerce-faq', { ...draft, keywordAnswers: 'all' })).status).toBe(200);
    expect((await t.post('/api/v1/flows/ecommerce-faq/publish', { note: '每个匹配的关键词组都回答' })).status).toBe(
      201,
    );
    const r = await dryRun(BOTH);
    expect(r.body.replies.map((x: { nodeId: string }) => x.nodeId)).toEqual(['reply-refund', 'reply-logistics']);
    expect((r.body.groupMatches as GroupMatch[]).map((m) => [m.groupId, m.won])).toEqual([
      ['refund', true],
      ['logistics', true],
    ]);
  });

  it('refuses an unknown keywordAnswers value and a fractional priority with pointers', async () => {
    const draft = (await t.get('/api/v1/flows/ecommerce-faq')).body as Flow;
    const bad = {
      ...draft,
      keywordAnswers: 'first',
      nodes: draft.nodes.map((n) => (n.id === 'kg-refund' ? { ...n, data: { ...n.data, priority: 1.5 } } : n)),
    };
    const r = await t.put('/api/v1/flows/ecommerce-faq', bad);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    const paths = (r.body.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toContain('/keywordAnswers');
    expect(paths.some((p) => p.startsWith('/nodes/1/data/priority'))).toBe(true);
  });
});
