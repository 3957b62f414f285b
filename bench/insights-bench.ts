/**
 * Conversation insights at scale (CONTRACT §12): 1,000,000 events and their turns generated
 * straight into the embedded store's file (rows in the shape the repositories write), 100,000
 * of the users waiting with an open window; then GET /metrics over the whole history, a month and
 * a week (daily series) and a day (hourly series), and GET /conversations (the first page and a
 * page half-way down the queue), through HTTP, one request at a time, median of five.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import supertest from 'supertest';
import { openStore } from '../server/src/store/open-store.js';
import { SQLITE_FILE } from '../server/src/store/open-sqlite-database.js';
import { rawInsert } from './raw-insert.js';
import { createApp } from '../server/src/http/create-app.js';
import { createLogger } from '../server/src/logger.js';
import { seedWorkspace } from '../server/src/runtime/seed-workspace.js';
import { deadlineKey } from '../server/src/store/turn-repository.js';
import { encodeCursor } from '../server/src/runtime/conversation-queue-service.js';
import { timeBuckets } from '../server/src/runtime/time-buckets.js';
import type { ConversationQueue, MetricsResponse } from '../rules-schema/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GROUPS = ['退款', '物流', '改密码', '转人工', '会员', '发票'];
const CODES = [
  ['DUPLICATE_REPLY', 'block'],
  ['EXTERNAL_LINK', 'block'],
  ['PROMOTION', 'warn'],
  ['WINDOW_CLOSING', 'warn'],
] as const;
const ADMIN = 'bench-admin';
/** Generated history: the answered turns spread over this many days before `now`. */
const HISTORY_DAYS = 90;

export async function insightsBench(events = 1_000_000, waiting = 100_000): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-insights-'));
  try {
    const now = Date.parse('2026-11-24T10:00:00+08:00');
    const setup = await openStore({ dataDir });
    await seedWorkspace(setup, path.resolve(import.meta.dirname, '../examples/workspace'));
    await setup.close();
    const t0 = performance.now();
    const { turns } = generate(dataDir, events, waiting, now);
    const rowsS = (performance.now() - t0) / 1000;
    // Opening the store builds the report indexes over the generated rows (`ensureIndexes`).
    const store = await openStore({ dataDir });
    const genS = (performance.now() - t0) / 1000;
    const app = createApp({ store, log: createLogger('silent'), adminToken: ADMIN, clock: () => now });
    const http = supertest(app);
    const get = (url: string) => http.get(url).set('Authorization', `Bearer ${ADMIN}`);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    const sqlite = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
    const version = sqlite.prepare('SELECT sqlite_version()').pluck().get() as string;
    const deepRank = Math.floor(waiting / 2);
    const deepKey = sqlite
      .prepare(
        `SELECT json_extract(doc, '$.queueKey') FROM c_turns WHERE json_extract(doc, '$.queueKey') > ? ORDER BY 1 LIMIT 1 OFFSET ?`,
      )
      .pluck()
      .get(`${deadlineKey(now)}|~`, deepRank - 1) as string;
    sqlite.close();
    const n = (x: number) => x.toLocaleString('en');
    console.log(
      `\n## Conversation insights (store: ${store.kind}, SQLite ${version}, one file in DATA_DIR; ${n(events)} events, ${n(turns)} turns over ${HISTORY_DAYS} days, ${n(waiting)} waiting)`,
    );
    console.log(
      `Generated in ${genS.toFixed(0)} s (rows ${rowsS.toFixed(0)} s, then the indexes built on opening the store); ${(dirBytes(dataDir) / 1e6).toFixed(0)} MB on disk.`,
    );
    console.log('| request | median of 5 | answer |');
    console.log('| --- | --- | --- |');
    const cases: Array<[string, string]> = [
      [
        `metrics, all ${HISTORY_DAYS} days, daily series`,
        `/api/v1/metrics?from=${iso(now - HISTORY_DAYS * DAY)}&to=${iso(now)}`,
      ],
      ['metrics, 30 days, daily series', `/api/v1/metrics?from=${iso(now - 30 * DAY)}&to=${iso(now)}`],
      ['metrics, 7 days, daily series', `/api/v1/metrics?from=${iso(now - 7 * DAY)}&to=${iso(now)}`],
      ['metrics, 1 day, hourly series', `/api/v1/metrics?from=${iso(now - DAY)}&to=${iso(now)}&groupBy=hour`],
      ['queue, first page (50)', '/api/v1/conversations?state=awaiting'],
      [
        `queue, page after ${n(deepRank)} waiting (50)`,
        `/api/v1/conversations?state=awaiting&cursor=${encodeCursor(deepKey)}`,
      ],
    ];
    for (const [name, url] of cases) {
      const { ms, body } = await timed(() => get(url));
      const answer = isMetrics(body)
        ? `${n(body.turns)} turns, reply rate ${body.replyRate.toFixed(3)}, median first response ${body.firstResponse.medianSeconds} s`
        : `${body.items.length} items, first deadline ${body.items[0]?.deadline}`;
      console.log(`| ${name} | ${ms.toFixed(0)} ms | ${answer} |`);
    }
    await store.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

type Answer = MetricsResponse | ConversationQueue;

function isMetrics(body: Answer): body is MetricsResponse {
  return 'turns' in body;
}

async function timed(call: () => PromiseLike<{ status: number; body: Answer }>) {
  const times: number[] = [];
  let body: Answer | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await call();
    times.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`bench request failed: ${r.status} ${JSON.stringify(r.body)}`);
    body = r.body;
  }
  times.sort((a, b) => a - b);
  if (!body) throw new Error('bench request never ran');
  return { ms: times[2] as number, body };
}

/**
 * Rows as EventRepository and TurnRepository write them (dates as `{"$date": ms}`, see
 * sqlite-collection.ts), in one transaction per 10,000: `HISTORY_DAYS` of turns of about three
 * events each (message, group match, reply, sometimes a reason); the first `waiting` turns
 * unanswered with their grant still running. The collections' indexes are dropped first and
 * built again by the next `openStore`, as a bulk import would.
 */
function generate(dataDir: string, events: number, waiting: number, now: number): { turns: number } {
  const db = new Database(path.join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  const indexes = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('c_events', 'c_turns') AND name LIKE 'ix%'`,
    )
    .pluck()
    .all() as string[];
  for (const name of indexes) db.exec(`DROP INDEX ${name}`);
  const insertEvent = rawInsert(db, 'c_events');
  const insertTurn = rawInsert(db, 'c_turns');
  const date = (ms: number) => ({ $date: ms });
  const serverAt = date(Date.now());
  let written = 0;
  let turns = 0;
  let rnd = 1;
  const next = () => (rnd = (rnd * 48271) % 2147483647) / 2147483647;
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count && written < events; i++) {
      const openid = `gen${turns}`;
      const open = turns < waiting;
      // Waiting turns started within the last 48 h; the rest over the history.
      const start = open ? now - Math.floor(next() * 47 * HOUR) : now - Math.floor(next() * HISTORY_DAYS * DAY);
      const place = { account: 'default', openid, ...timeBuckets(start, 'Asia/Shanghai') };
      const event = (t: number, fields: Record<string, unknown>) => {
        const eventId = randomUUID();
        insertEvent.run(eventId, JSON.stringify({ _id: eventId, ...place, t: date(t), at: serverAt, ...fields }));
        written += 1;
      };
      const group = GROUPS[Math.floor(next() * GROUPS.length)] as string;
      const matched = next() < 0.8;
      event(start, {
        kind: 'message',
        type: 'text',
        matched,
        message: JSON.stringify({ from: openid, type: 'text', content: `问题 ${turns}`, at: start }),
      });
      if (matched) event(start, { kind: 'match', group });
      const id = randomUUID();
      const deadline = start + 48 * HOUR;
      const turn: Record<string, unknown> = {
        _id: id,
        account: 'default',
        openid,
        seq: 1,
        v: 1,
        at: serverAt,
        startedAt: date(start),
        lastMessageAt: date(start),
        deadline: date(deadline),
        nickname: `用户${turns}`,
        tags: [],
        topics: JSON.stringify(matched ? { [group]: 1 } : {}),
        day: place.day,
        hour: place.hour,
      };
      if (open) turn['queueKey'] = `${deadlineKey(deadline)}|${id}`;
      else {
        const wait = Math.floor(next() * next() * 2 * HOUR);
        const human = next() < 0.3;
        event(start + wait, { kind: 'reply', by: human ? 'human' : 'auto', ...(human ? { agent: '小王' } : {}) });
        Object.assign(turn, {
          firstResponseMs: wait,
          answeredBy: human ? 'human' : 'auto',
          ...(human ? { humanFirstResponseMs: wait } : {}),
        });
        if (next() < 0.5) {
          const [code, severity] = CODES[Math.floor(next() * CODES.length)] as (typeof CODES)[number];
          event(start + wait, { kind: 'reason', code, severity });
        }
      }
      insertTurn.run(id, JSON.stringify(turn));
      turns += 1;
    }
  });
  while (written < events) batch(10_000);
  db.close();
  return { turns };
}
