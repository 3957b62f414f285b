/**
 * GET /api/v1/insights/missed-keywords: texts that matched no keyword group, sent through
 * /inbound at times around the app's virtual clock (T0), clustered with counts and examples,
 * filtered by period, suggested to the closest draft group; roles and bad queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, HOUR, T0, text, type TestApp } from '../support/test-app.js';
import { findMissedKeywords } from '../../server/src/runtime/missed-keywords-service.js';
import { KEYWORD_SYNONYMS } from '../../server/src/runtime/keyword-synonyms.js';

const DAY = 24 * HOUR;
const ROUTE = '/api/v1/insights/missed-keywords';
const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
const period = (from: number, to: number, extra = '') =>
  `${ROUTE}?account=default&from=${iso(from)}&to=${iso(to)}${extra}`;

let t: TestApp;
let seq = 0;

/** Sends a text and checks whether the published example groups matched it, as the test expects. */
async function send(content: string, at: number, expectMatched: boolean) {
  const r = await t.post('/api/v1/inbound', text(`o${seq}`, content, at, `m${seq++}`));
  expect(r.status).toBe(200);
  // The example groups are tuned over time: a text this test takes for unmatched must still be.
  expect({ content, matched: r.body.matches.length > 0 }).toEqual({ content, matched: expectMatched });
}

beforeAll(async () => {
  t = await startTestApp();
  await send('能开发票吗', T0 - 2 * DAY, false);
  await send('发票怎么开', T0 - DAY, false);
  await send('开个发票', T0 - 3 * HOUR, false);
  await send('能开发票吗', T0 - 2 * HOUR, false);
  await send('你们几点下班', T0 - 5 * DAY, false);
  await send('几点下班呀', T0 - 4 * DAY, false);
  await send('在吗', T0 - HOUR, false);
  // Outside every period asked below.
  await send('开个发票', T0 - 40 * DAY, false);
  // Matched texts and pictures are not missed.
  await send('我要退钱', T0 - DAY, true);
  await send('快递到哪了', T0 - DAY, true);
  const image = await t.post('/api/v1/inbound', {
    account: 'default',
    message: {
      msgId: 'img',
      from: 'oimg',
      type: 'image',
      mediaId: 'M',
      picUrl: 'https://mmbiz.qpic.cn/a.jpg',
      at: T0 - DAY,
    },
  });
  expect(image.status).toBe(200);
});
afterAll(() => t.close());

describe('GET /insights/missed-keywords', () => {
  it('clusters the unmatched texts of the period, largest first, with distinct examples newest first', async () => {
    const r = await t.get(period(T0 - 7 * DAY, T0));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      from: new Date(T0 - 7 * DAY).toISOString(),
      to: new Date(T0).toISOString(),
      scanned: 7,
      truncated: false,
      maxScanned: 20_000,
      unclustered: 1,
    });
    expect(r.body.clusters.map((c: { label: string; count: number }) => [c.label, c.count])).toEqual([
      ['发票', 4],
      ['下班', 2],
    ]);
    const [invoice, closing] = r.body.clusters;
    expect(invoice.words[0]).toBe('发票');
    expect(invoice.examples).toEqual(['能开发票吗', '开个发票', '发票怎么开']);
    expect(closing.examples).toEqual(['几点下班呀', '你们几点下班']);
  });

  it('reads only the period asked for: [from, to)', async () => {
    const r = await t.get(period(T0 - 36 * HOUR, T0 - 2 * HOUR));
    expect(r.status).toBe(200);
    expect(r.body.scanned).toBe(2);
    expect(r.body.clusters).toEqual([
      expect.objectContaining({ label: '发票', count: 2, examples: ['开个发票', '发票怎么开'] }),
    ]);
    const old = await t.get(period(T0 - 60 * DAY, T0 - 30 * DAY));
    expect(old.body.clusters).toEqual([expect.objectContaining({ label: '发票', count: 1, examples: ['开个发票'] })]);
    const none = await t.get(period(T0 + HOUR, T0 + 2 * HOUR));
    expect(none.body).toMatchObject({ scanned: 0, truncated: false, unclustered: 0, clusters: [] });
  });

  it('suggests the closest draft group, never one that excludes the word', async () => {
    // The example 物流 group excludes 发票 and no example group is about invoices.
    const before = await t.get(period(T0 - 7 * DAY, T0));
    expect(before.body.clusters[0].suggestedGroup).toBeNull();
    // A draft, never published: suggestions read the drafts. 开票 shares a synonym set with 发票.
    const created = await t.post('/api/v1/keyword-groups?account=default', {
      schemaVersion: 1,
      id: 'invoice',
      name: '开发票',
      mode: 'contains',
      keywords: ['开票'],
    });
    expect(created.status).toBe(201);
    const after = await t.get(period(T0 - 7 * DAY, T0));
    expect(after.body.clusters[0].suggestedGroup).toEqual({ id: 'invoice', name: '开发票', score: 0.9 });
  });

  it('limits the clusters with `limit`', async () => {
    const r = await t.get(period(T0 - 7 * DAY, T0, '&limit=1'));
    expect(r.body.clusters.map((c: { label: string }) => c.label)).toEqual(['发票']);
  });

  it('reads at most the bound, the most recent first, and says so', async () => {
    const r = await findMissedKeywords(
      t.store,
      KEYWORD_SYNONYMS,
      { account: 'default', from: T0 - 7 * DAY, to: T0, limit: 20 },
      3,
    );
    expect(r).toMatchObject({ scanned: 3, truncated: true, maxScanned: 3, unclustered: 1 });
    // 在吗 (T0-1h), 能开发票吗 (T0-2h), 开个发票 (T0-3h): the older ones are left out.
    expect(r.clusters).toEqual([
      expect.objectContaining({ label: '发票', count: 2, examples: ['能开发票吗', '开个发票'] }),
    ]);
    const exact = await findMissedKeywords(
      t.store,
      KEYWORD_SYNONYMS,
      { account: 'default', from: T0 - 7 * DAY, to: T0, limit: 20 },
      7,
    );
    expect(exact).toMatchObject({ scanned: 7, truncated: false });
  });

  it('answers viewers and editors, not the runtime role or strangers', async () => {
    for (const role of ['viewer', 'editor'] as const) {
      const { token } = await t.store.tokens.create(`a ${role}`, role, 'test');
      expect((await t.get(period(T0 - DAY, T0), token)).status).toBe(200);
    }
    const { token } = await t.store.tokens.create('a runtime', 'runtime', 'test');
    const runtime = await t.get(period(T0 - DAY, T0), token);
    expect(runtime.status).toBe(403);
    expect(runtime.body.error.code).toBe('FORBIDDEN');
    expect((await t.http.get(period(T0 - DAY, T0))).status).toBe(401);
  });

  it.each([
    ['a bad to', `${ROUTE}?from=${iso(T0 - DAY)}&to=yesterday`, '/query/to'],
    ['to before from', period(T0, T0 - DAY), '/query/to'],
    ['to equal to from', period(T0, T0), '/query/to'],
    ['a limit of 0', period(T0 - DAY, T0, '&limit=0'), '/query/limit'],
    ['a limit over 100', period(T0 - DAY, T0, '&limit=101'), '/query/limit'],
    ['a bad account', `${ROUTE}?account=a%20b&from=${iso(T0 - DAY)}&to=${iso(T0)}`, '/query/account'],
    ['a time out of range', `${ROUTE}?from=1&to=${iso(T0)}`, '/query/from'],
  ])('refuses %s with 400 VALIDATION_FAILED pointing into /query', async (_what, url, pointer) => {
    const r = await t.get(url);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details.map((d: { path: string }) => d.path)).toContain(pointer);
  });

  it('refuses a missing from, naming it', async () => {
    const r = await t.get(`${ROUTE}?to=${iso(T0)}`);
    expect(r.status).toBe(400);
    expect(r.body.error.details).toEqual([
      expect.objectContaining({ path: '/query', message: expect.stringContaining('from') }),
    ]);
  });

  it('refuses an unknown query parameter', async () => {
    const r = await t.get(period(T0 - DAY, T0, '&groupBy=day'));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    expect(r.body.error.details[0].path).toMatch(/^\/query/);
  });
});
