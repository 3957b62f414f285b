/** GET /api/v1/keyword-groups/:id/suggestions over the real app and store: roles, errors, and the seeded 退款 group. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeywordGroup, KeywordSuggestion } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { normalizeKeyword } from '../../rules-schema/normalize-keyword.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let tokens: Record<'editor' | 'runtime' | 'viewer', string>;
beforeAll(async () => {
  t = await startTestApp();
  const make = async (role: 'editor' | 'runtime' | 'viewer') =>
    (await t.store.tokens.create(`as ${role}`, role, 'test')).token;
  tokens = { editor: await make('editor'), runtime: await make('runtime'), viewer: await make('viewer') };
});
afterAll(() => t.close());

const suggestions = (id: string, query = '', token?: string) =>
  t.get(`/api/v1/keyword-groups/${id}/suggestions?account=default${query}`, token);

describe('GET /api/v1/keyword-groups/:id/suggestions', () => {
  it('gives the seeded 退款 group related words that are not already in it, each with its reason and source', async () => {
    const r = await suggestions('refund', '', tokens.editor);
    expect(r.status).toBe(200);
    expect(validate('keyword-suggestions', r.body)).toMatchObject({ ok: true });
    const group = (await t.get('/api/v1/keyword-groups/refund?account=default')).body as KeywordGroup;
    const groupWords = [...group.keywords, ...(group.combos ?? []).flatMap((c) => c.all.flat())];
    const own = new Set([...groupWords, ...(group.exclusions ?? [])].map(normalizeKeyword));
    const got = r.body.suggestions as KeywordSuggestion[];
    expect(got.length).toBeGreaterThan(5);
    expect(got.length).toBeLessThanOrEqual(30);
    expect(got.filter((s) => own.has(normalizeKeyword(s.word))).map((s) => s.word)).toEqual([]);
    expect(got.filter((s) => !groupWords.includes(s.because))).toEqual([]);
    expect(got.every((s) => s.source.startsWith('同义词组') && s.votes >= 1)).toBe(true);
    const votes = got.map((s) => s.votes);
    expect(votes).toEqual([...votes].sort((a, b) => b - a));
  });

  it('follows the saved draft, and leaves out what a substring keyword already catches', async () => {
    const created = await t.post('/api/v1/keyword-groups?account=default', {
      id: 'parcel',
      name: '包裹',
      mode: 'contains',
      keywords: ['快递'],
    });
    expect(created.status).toBe(201);
    const before = (await suggestions('parcel', '&limit=200')).body.suggestions.map((s: KeywordSuggestion) => s.word);
    expect(before).toEqual(expect.arrayContaining(['物流', '派送', '派送中', 'kd']));
    expect(before).not.toContain('查快递'); // 快递 already catches it
    const saved = await t.put('/api/v1/keyword-groups/parcel?account=default', {
      ...created.body,
      keywords: ['快递', '派送'],
      exclusions: ['kd'],
    });
    expect(saved.status).toBe(200);
    const after = (await suggestions('parcel', '&limit=200')).body.suggestions.map((s: KeywordSuggestion) => s.word);
    expect(after).toContain('物流');
    for (const gone of ['派送', '派送中', 'kd']) expect(after).not.toContain(gone);
  });

  it('takes a limit from 1 to 200 and refuses any other with VALIDATION_FAILED at /limit', async () => {
    expect((await suggestions('refund', '&limit=3')).body.suggestions).toHaveLength(3);
    expect((await suggestions('refund', '&limit=200')).body.suggestions.length).toBeGreaterThan(30);
    for (const bad of ['0', '201', 'ten', '2.5', '-1', '']) {
      const r = await suggestions('refund', `&limit=${bad}`);
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(r.body.error.details).toEqual([expect.objectContaining({ path: '/limit' })]);
    }
  });

  it('answers 404 NOT_FOUND for an unknown group, and for a group of another account', async () => {
    const r = await suggestions('no-such-group');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
    expect((await t.get('/api/v1/keyword-groups/refund/suggestions?account=other')).status).toBe(404);
  });

  it('admits editors and admins; runtime and viewer get 403, no token 401', async () => {
    expect((await suggestions('refund', '', tokens.editor)).status).toBe(200);
    expect((await suggestions('refund')).status).toBe(200);
    for (const role of ['runtime', 'viewer'] as const) {
      const r = await suggestions('refund', '', tokens[role]);
      expect(r.status, role).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    expect((await t.http.get('/api/v1/keyword-groups/refund/suggestions')).status).toBe(401);
  });
});
