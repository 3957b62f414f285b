/**
 * GET /conversations and GET /metrics (CONTRACT §12) over a generated history: thousands of
 * conversations over three simulated weeks, sent through /inbound and /replies/check (with and
 * without an agent) by a seeded generator. Every figure is checked against values the test
 * computes itself from what the API answered (which replies were committed, which reasons,
 * matches and hand-offs each call reported), never from the store.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, ADMIN, HOUR, MIN, T0, type TestApp } from '../support/test-app.js';

const DAY = 24 * HOUR;
const GRANT = 48 * HOUR;
const START = T0 - 21 * DAY;
/** The server clock while reading: everything happened before it. */
const NOW = T0;
const USERS = 2000;

interface Reason {
  code: string;
  severity: string;
}
type Fact =
  | { kind: 'message'; t: number; type: string; groups: string[]; handoff: boolean }
  | { kind: 'reply'; t: number; by: 'auto' | 'human'; promise?: boolean }
  | { kind: 'reasons'; t: number; reasons: Reason[] };

/** mulberry32: a small seeded PRNG, so the history is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let t: TestApp;
/** The history goes over one kept-alive connection pool to a real port (supertest listens anew per call). */
let server: Server;
// The answers are read field by field in the assertions, as supertest's `body` is.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ApiBody = any;
let base: string;
async function post(path: string, body: unknown): Promise<{ status: number; body: ApiBody }> {
  const r = await fetch(base + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: await r.json() };
}
const facts = new Map<string, Fact[]>();

/** One user's history, sent in time order; what each call answered is recorded as facts. */
async function playUser(openid: string, rnd: () => number): Promise<void> {
  const log: Fact[] = [];
  facts.set(openid, log);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  let seq = 0;
  const inbound = async (at: number, message: Record<string, unknown>) => {
    const r = await post('/api/v1/inbound', {
      account: 'default',
      message: { msgId: `${openid}-${seq++}`, from: openid, at, ...message },
      user: { nickname: `用户${openid}`, tags: rnd() < 0.2 ? ['vip'] : [] },
    });
    expect(r.status).toBe(200);
    const groups = [...new Set((r.body.matches as Array<{ group: string }>).map((m) => m.group))];
    log.push({ kind: 'message', t: at, type: String(message['type']), groups, handoff: r.body.handoff !== null });
    for (const reply of r.body.replies as Array<{
      committed: boolean;
      reasons: Reason[];
      reply: { content?: string };
    }>) {
      log.push({ kind: 'reasons', t: at, reasons: reply.reasons });
      // The default policy's promise of a person (queue.humanFollowUpPhrases).
      if (reply.committed)
        log.push({ kind: 'reply', t: at, by: 'auto', promise: (reply.reply.content ?? '').includes('可以继续问我') });
    }
  };
  const check = async (at: number, content: string, options: { commit: boolean; agent?: string }) => {
    const body = {
      account: 'default',
      to: openid,
      reply: { type: 'text', content },
      at,
      commit: options.commit,
      ...(options.agent ? { agent: options.agent } : {}),
    };
    const r = await post('/api/v1/replies/check', body);
    expect(r.status).toBe(200);
    log.push({ kind: 'reasons', t: at, reasons: r.body.reasons });
    if (r.body.committed) log.push({ kind: 'reply', t: at, by: options.agent ? 'human' : 'auto' });
  };
  let at = START + Math.floor(rnd() * 20 * DAY);
  const conversations = 1 + (rnd() < 0.6 ? 1 : 0) + (rnd() < 0.3 ? 1 : 0);
  for (let c = 0; c < conversations && at < NOW - HOUR; c++) {
    const kind = rnd();
    const agent = pick(['小王', '小李', '阿珍']);
    const delay = () => Math.floor(rnd() * rnd() * 6 * HOUR) + 1000;
    if (kind < 0.3) {
      await inbound(at, { type: 'text', content: pick(['我要退钱', '快递多久到', '忘记密码了', '退款怎么弄']) });
      if (rnd() < 0.3) await check((at += delay()), `${agent}补充：您的问题已记录 ${c}`, { commit: true, agent });
    } else if (kind < 0.45) {
      await inbound(at, { type: 'text', content: '转人工' });
      if (rnd() < 0.7)
        await check((at += delay()), `您好，我是${agent}，请问有什么可以帮您 ${c}`, { commit: true, agent });
    } else if (kind < 0.8) {
      await inbound(at, { type: 'image', mediaId: `m${seq}`, picUrl: 'https://mmbiz.qpic.cn/x.jpg' });
      if (rnd() < 0.3)
        await inbound((at += Math.floor(rnd() * 40 * HOUR) + MIN), { type: 'voice', mediaId: `v${seq}` });
      const outcome = rnd();
      if (outcome < 0.5)
        await check((at += delay()), `已收到图片，${agent}为您处理 ${c}`, {
          commit: true,
          agent: rnd() < 0.8 ? agent : undefined,
        });
      else if (outcome < 0.65) await check((at += GRANT + HOUR), `抱歉回复晚了 ${c}`, { commit: true, agent });
      // else: nobody answers; the turn expires (or is still waiting at the end).
    } else {
      await inbound(at, { type: 'text', content: pick(['在吗', '想咨询一下会员的事', '你们几点下班']) });
    }
    if (rnd() < 0.15)
      await check(at + MIN, pick(['限时抢购，全场满减', '详情见 http://evil.example.com/a', '最佳选择']), {
        commit: false,
      });
    at += Math.floor(rnd() * 4 * DAY) + 10 * MIN;
  }
}

/** §12 turns, from the facts alone: the test's own reading of the contract. */
interface ModelTurn {
  openid: string;
  start: number;
  deadline: number;
  answeredAt: number | null;
  handoffAt: number | null;
  promisedAt: number | null;
  humanAt: number | null;
}

function modelTurns(): ModelTurn[] {
  const out: ModelTurn[] = [];
  for (const [openid, log] of facts) {
    let cur: ModelTurn | null = null;
    for (const f of log) {
      if (f.kind === 'message') {
        if (cur && cur.answeredAt === null && f.t < cur.deadline) cur.deadline = f.t + GRANT;
        else
          out.push(
            (cur = {
              openid,
              start: f.t,
              deadline: f.t + GRANT,
              answeredAt: null,
              handoffAt: null,
              promisedAt: null,
              humanAt: null,
            }),
          );
        if (f.handoff) cur.handoffAt ??= f.t;
      } else if (f.kind === 'reply' && cur && f.t < cur.deadline) {
        cur.answeredAt ??= f.t;
        if (f.promise && cur.humanAt === null) cur.promisedAt ??= f.t;
        if (f.by === 'human') cur.humanAt ??= f.t;
      }
    }
  }
  return out;
}

function nearestRank(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.ceil(q * sorted.length) - 1] as number) / 1000;
}

function expectedMetrics(from: number, to: number) {
  const turns = modelTurns().filter((x) => x.start >= from && x.start < to);
  const answered = turns.filter((x) => x.answeredAt !== null);
  const waits = answered.map((x) => (x.answeredAt as number) - x.start);
  const human = turns.filter((x) => x.humanAt !== null).map((x) => (x.humanAt as number) - (x.handoffAt ?? x.start));
  const all = [...facts.values()].flat().filter((f) => f.t >= from && f.t < to);
  const tally = (severity: string) => {
    const out: Record<string, number> = {};
    for (const f of all)
      if (f.kind === 'reasons')
        for (const r of f.reasons) if (r.severity === severity) out[r.code] = (out[r.code] ?? 0) + 1;
    return out;
  };
  const groups: Record<string, number> = {};
  for (const f of all) if (f.kind === 'message') for (const g of f.groups) groups[g] = (groups[g] ?? 0) + 1;
  const share = (n: number) => (turns.length === 0 ? 0 : n / turns.length);
  return {
    turns: turns.length,
    answered: answered.length,
    replyRate: share(answered.length),
    expiredUnanswered: turns.filter((x) => x.answeredAt === null && x.deadline <= NOW).length,
    firstResponse: { medianSeconds: nearestRank(waits, 0.5), p90Seconds: nearestRank(waits, 0.9) },
    answeredWithin: {
      '10m': share(waits.filter((w) => w <= 10 * MIN).length),
      '1h': share(waits.filter((w) => w <= HOUR).length),
    },
    human: {
      replies: all.filter((f) => f.kind === 'reply' && f.by === 'human').length,
      firstResponse: { medianSeconds: nearestRank(human, 0.5), p90Seconds: nearestRank(human, 0.9) },
    },
    auto: { replies: all.filter((f) => f.kind === 'reply' && f.by === 'auto').length },
    blocked: tally('block'),
    warned: tally('warn'),
    handoffs: all.filter((f) => f.kind === 'message' && f.handoff).length,
    topGroups: Object.entries(groups)
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
      .map(([group, messages]) => ({ group, messages })),
    unmatched: {
      messages: all.filter((f) => f.kind === 'message' && f.type === 'text' && f.groups.length === 0).length,
    },
  };
}

/**
 * Users whose latest turn waits (unanswered, or handed off or promised a person by an auto reply,
 * with no human reply) with its grant running at NOW.
 */
function expectedQueue(): ModelTurn[] {
  const latest = new Map<string, ModelTurn>();
  for (const x of modelTurns()) latest.set(x.openid, x);
  return [...latest.values()]
    .filter(
      (x) =>
        (x.answeredAt === null || ((x.handoffAt !== null || x.promisedAt !== null) && x.humanAt === null)) &&
        x.deadline > NOW,
    )
    .sort((a, b) => a.deadline - b.deadline || (a.openid < b.openid ? -1 : 1));
}

const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

beforeAll(async () => {
  t = await startTestApp();
  server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rnd = prng(20261124);
  const seeds = Array.from({ length: USERS }, () => Math.floor(rnd() * 2 ** 32));
  // A few users at a time: each user's own calls stay in time order.
  for (let i = 0; i < USERS; i += 8) {
    await Promise.all(
      seeds.slice(i, i + 8).map((seed, k) => playUser(`o${String(i + k).padStart(5, '0')}`, prng(seed))),
    );
  }
  t.setNow(NOW);
}, 120_000);
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('GET /metrics over a generated history', () => {
  it('the history is the size the test claims, with every kind of turn in it', () => {
    const turns = modelTurns();
    expect(turns.length).toBeGreaterThan(3500);
    expect(turns.some((x) => x.answeredAt === null && x.deadline <= NOW)).toBe(true);
    expect(turns.some((x) => x.humanAt !== null && x.handoffAt !== null)).toBe(true);
    expect(turns.some((x) => x.answeredAt !== null && x.answeredAt > x.start)).toBe(true);
  });

  it.each([
    ['the three weeks', START, NOW],
    ['the second week', START + 7 * DAY, START + 14 * DAY],
    ['one afternoon', START + 10 * DAY + 6 * HOUR, START + 10 * DAY + 11 * HOUR],
  ])('every §12 figure of %s matches the history', async (_name, from, to) => {
    const r = await t.get(
      `/api/v1/metrics?account=default&from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}&top=50`,
    );
    expect(r.status).toBe(200);
    const { from: _f, to: _t, timezone, groupBy, series, ...figures } = r.body;
    const expected = expectedMetrics(from, to);
    expect(figures).toEqual({
      ...expected,
      replyRate: expect.closeTo(expected.replyRate, 12),
      answeredWithin: {
        '10m': expect.closeTo(expected.answeredWithin['10m'], 12),
        '1h': expect.closeTo(expected.answeredWithin['1h'], 12),
      },
    });
    expect(timezone).toBe('Asia/Shanghai');
    expect(groupBy).toBe('day');
    // The daily series adds up to the period's figures.
    const sum = (k: string) => (series as Array<Record<string, number>>).reduce((n, p) => n + (p[k] ?? 0), 0);
    expect(sum('turns')).toBe(expected.turns);
    expect(sum('answered')).toBe(expected.answered);
    expect(sum('expiredUnanswered')).toBe(expected.expiredUnanswered);
    expect(sum('humanReplies')).toBe(expected.human.replies);
    expect(sum('handoffs')).toBe(expected.handoffs);
    expect(sum('unmatched')).toBe(expected.unmatched.messages);
  });

  it('the hourly series puts each turn in its Asia/Shanghai hour, zero-filled', async () => {
    const from = START + 3 * DAY;
    const to = from + 2 * DAY;
    const r = await t.get(`/api/v1/metrics?from=${from}&to=${to}&groupBy=hour`);
    expect(r.status).toBe(200);
    expect(r.body.series).toHaveLength(48);
    const local = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 13);
    const byHour: Record<string, number> = {};
    for (const x of modelTurns())
      if (x.start >= from && x.start < to) byHour[local(x.start)] = (byHour[local(x.start)] ?? 0) + 1;
    for (const p of r.body.series as Array<{ bucket: string; turns: number }>)
      expect(p.turns).toBe(byHour[p.bucket] ?? 0);
    expect(r.body.series[0].bucket).toBe(local(from));
  });

  it('exports the series as CSV, by format=csv or Accept: text/csv', async () => {
    const url = `/api/v1/metrics?from=${START}&to=${NOW}`;
    const json = (await t.get(url)).body;
    for (const r of [await t.get(`${url}&format=csv`), await t.get(url).set('Accept', 'text/csv')]) {
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      const lines = r.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'bucket,turns,answered,replyRate,expiredUnanswered,answeredWithin10m,answeredWithin1h,humanReplies,autoReplies,handoffs,blocked,warned,unmatched',
      );
      expect(lines).toHaveLength(json.series.length + 1);
      expect(lines.slice(1).reduce((n: number, l: string) => n + Number(l.split(',')[1]), 0)).toBe(json.turns);
    }
  });

  it('refuses bad query strings with pointers into /query', async () => {
    const cases: Array<[string, string]> = [
      ['from=yesterday&to=2026-11-24T00:00:00%2B08:00', '/query/from'],
      ['from=2026-11-24T00:00:00%2B08:00', '/query'],
      ['from=2026-11-24T00:00:00%2B08:00&to=2026-11-23T00:00:00%2B08:00', '/query/to'],
      [`from=${START}&to=${NOW}&groupBy=minute`, '/query/groupBy'],
      [`from=${START - 60 * DAY}&to=${NOW}&groupBy=hour`, '/query/groupBy'],
      [`from=${START}&to=${NOW}&top=0`, '/query/top'],
      [`from=${START}&to=${NOW}&colour=red`, '/query'],
    ];
    for (const [query, pointer] of cases) {
      const r = await t.get(`/api/v1/metrics?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_FAILED');
      expect(
        r.body.error.details.map((d: { path: string }) => d.path),
        query,
      ).toContain(pointer);
    }
  });

  it('admits viewers and editors, not the runtime', async () => {
    const url = `/api/v1/metrics?from=${START}&to=${NOW}`;
    for (const [role, status] of [
      ['viewer', 200],
      ['editor', 200],
      ['runtime', 403],
    ] as const) {
      const { token } = await t.store.tokens.create(`m-${role}`, role, 'test');
      expect((await t.get(url, token)).status, role).toBe(status);
    }
  });
});

describe('GET /conversations?state=awaiting', () => {
  it('lists exactly the waiting users, soonest deadline first, page by page', async () => {
    const expected = expectedQueue();
    expect(expected.length).toBeGreaterThan(30);
    const seen: Array<{ openid: string; deadline: string; handoff: boolean }> = [];
    let next: string | null = null;
    do {
      const r = await t.get(
        `/api/v1/conversations?account=default&state=awaiting&limit=13${next ? `&cursor=${next}` : ''}`,
      );
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(13);
      seen.push(...r.body.items);
      next = r.body.next;
    } while (next);
    expect(seen.map((i) => i.openid)).toEqual(expected.map((x) => x.openid));
    expect(seen.map((i) => i.deadline)).toEqual(expected.map((x) => new Date(x.deadline).toISOString()));
    expect(seen.map((i) => i.handoff)).toEqual(expected.map((x) => x.handoffAt !== null));
  });

  it('each item carries its window, last messages, topics and tags', async () => {
    const r = await t.get('/api/v1/conversations?limit=5');
    const [item] = r.body.items;
    expect(item.window.state).toMatch(/^(open|closing)$/);
    expect(item.window.counters).toEqual({ repliesSinceInteraction: expect.any(Number), maxRepliesPerInteraction: 3 });
    expect(item.window.expiresAt).toBe(item.deadline);
    const messages = (facts.get(item.openid) ?? []).filter((f) => f.kind === 'message');
    expect(item.lastMessages.map((m: { at: number }) => m.at)).toEqual(messages.slice(-5).map((f) => f.t));
    expect(item.nickname).toBe(`用户${item.openid}`);
    expect(Array.isArray(item.tags)).toBe(true);
    expect(typeof item.topics).toBe('object');
    // The default policy suggests the follow-up question in the window's last hour.
    expect(item.followUp).toEqual({
      text: '还有其他问题吗？',
      from: new Date(Date.parse(item.deadline) - HOUR).toISOString(),
    });
  });

  it('an auto reply that promises a person keeps the user waiting for a human, not marked as a hand-off', async () => {
    const at = NOW - HOUR;
    const r = await t.post('/api/v1/inbound', {
      message: { msgId: 'promise-1', from: 'o-promise', type: 'text', content: '你们周末上班吗', at },
    });
    expect(r.body.replies[0]).toMatchObject({
      committed: true,
      reply: { content: expect.stringContaining('可以继续问我') },
    });
    const find = async () =>
      (
        (await t.get('/api/v1/conversations?limit=200')).body.items as Array<{
          openid: string;
          handoff: boolean;
          waitingSince: string;
        }>
      ).find((i) => i.openid === 'o-promise');
    expect(await find()).toMatchObject({ handoff: false, waitingSince: new Date(at).toISOString() });
    // Another automatic reply (no agent) is still not a person.
    await t.post('/api/v1/replies/check', {
      to: 'o-promise',
      reply: { type: 'text', content: '稍等哦' },
      at: at + MIN,
      commit: true,
    });
    expect(await find()).toBeDefined();
    await t.post('/api/v1/replies/check', {
      to: 'o-promise',
      reply: { type: 'text', content: '周末也上班的' },
      at: at + 2 * MIN,
      commit: true,
      agent: '小王',
    });
    expect(await find()).toBeUndefined();
  });

  it('a human reply takes the user out of the queue; the runtime and viewers may read it', async () => {
    const first = (await t.get('/api/v1/conversations?limit=1')).body.items[0];
    const sent = await t.post('/api/v1/replies/check', {
      to: first.openid,
      reply: { type: 'text', content: '您好，让您久等了' },
      at: NOW,
      commit: true,
      agent: '小王',
    });
    expect(sent.body.committed).toBe(true);
    const after = (await t.get('/api/v1/conversations?limit=200')).body.items.map((i: { openid: string }) => i.openid);
    expect(after).not.toContain(first.openid);
    expect(after).toEqual(
      expectedQueue()
        .map((x) => x.openid)
        .filter((o) => o !== first.openid)
        .slice(0, 200),
    );
    for (const role of ['runtime', 'viewer', 'editor'] as const) {
      const { token } = await t.store.tokens.create(`q-${role}`, role, 'test');
      expect((await t.get('/api/v1/conversations', token)).status, role).toBe(200);
    }
    expect((await t.get('/api/v1/conversations?cursor=bm90LWEta2V5')).status).toBe(400);
  });
});
