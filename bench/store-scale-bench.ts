/**
 * The embedded store at scale: users generated straight into the SQLite file (conversation state,
 * an inbound record and a reply each, copied from what the runtime itself wrote for one user),
 * then resident memory, disk, store open time, committed `/inbound` throughput as a ratio to the
 * dry run in the same run (the median of five alternating pairs of runs; and the process CPU
 * time per message of each, steadier than throughput on a shared machine), reply-check p99 in process, and what an inbound record takes
 * on disk: one that answered, and one that produced nothing (every eighth message is a menu-link
 * click, which no flow answers).
 *
 * `npm run bench` runs 100,000 users; `npm run bench -- store 1000000` adds the million.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store } from '../server/src/store/open-store.js';
import { SQLITE_FILE } from '../server/src/store/open-sqlite-database.js';
import { rawInsert } from './raw-insert.js';
import { createApp } from '../server/src/http/create-app.js';
import { createLogger } from '../server/src/logger.js';
import { seedWorkspace } from '../server/src/runtime/seed-workspace.js';
import { load, TOKEN } from './http-bench.js';
import { percentile } from './stats.js';
import { dirBytes, inboundRecordStats } from './inbound-record-stats.js';
import { PHRASES } from './customer-phrases.js';

const MiB = 1024 * 1024;
/** Dry and committed runs of `ROUND_MS` each, alternating. */
const ROUNDS = 5;
const ROUND_MS = 2000;
/** How long the extra committed run that counts WAL pages lasts. */
const PAGES_MS = 1500;

export async function storeScaleBench(userCounts: readonly number[]): Promise<void> {
  console.log('\n## Embedded store (SQLite) at scale');
  console.log(
    '| stored users | disk | open | RSS after open / after load | committed /inbound vs dry run | CPU per message, committed vs dry run | WAL pages per committed message | reply check p99 (HTTP, one at a time) | inbound record on disk: answered / produced nothing |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const users of userCounts) await oneSize(users);
}

async function oneSize(users: number): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-scale-'));
  try {
    const template = await recordTemplate(dataDir);
    generateUsers(dataDir, users, template);
    const diskMiB = dirBytes(dataDir) / MiB;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss / MiB;
    const t0 = performance.now();
    const store = await openStore({ dataDir });
    const openMs = performance.now() - t0;
    await store.conversations.get('default', `gen${users - 1}`); // first real read
    const rssAfterOpen = process.memoryUsage().rss / MiB;
    const { ratio, committed, dry, cpu, walPages } = await inboundRatio(store, users, dataDir);
    const rssAfterLoad = process.memoryUsage().rss / MiB;
    const p99 = await replyCheckP99(store, users);
    await store.close();
    const record = inboundRecordStats(dataDir, 'msg:live%');
    console.log(
      `| ${users.toLocaleString('en')} | ${diskMiB.toFixed(0)} MiB | ${openMs.toFixed(0)} ms (target ≤ 2,000 at 1 M) | ${signedMiB(rssAfterOpen - rssBefore)} / ${signedMiB(rssAfterLoad - rssBefore)} MiB | ${committed.toFixed(0)} vs ${dry.toFixed(0)} msg/s, ratio ${ratio.toFixed(2)} (target ≥ 0.6) | ${cpu.committed.toFixed(2)} vs ${cpu.dry.toFixed(2)} ms, ratio ${(cpu.dry / cpu.committed).toFixed(2)} | ${walPages.toFixed(1)} | ${(p99 / 1000).toFixed(1)} ms | ${record.answered.avgBytes.toFixed(0)} B / ${record.nothing.avgBytes.toFixed(0)} B |`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Template {
  conversation: string;
  inbound: string;
  reply: string;
}

/** Runs one user through the real runtime and keeps its stored rows as the pattern to copy. */
async function recordTemplate(dataDir: string): Promise<Template> {
  const store = await openStore({ dataDir });
  await seedWorkspace(store, path.resolve(import.meta.dirname, '../examples/workspace'));
  const app = createApp({ store, log: createLogger('silent'), adminToken: TOKEN });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const post = (p: string, body: unknown) =>
    fetch(`http://127.0.0.1:${port}${p}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await post('/api/v1/inbound', {
    message: { msgId: 'tpl-1', from: 'TEMPLATE_USER', type: 'text', content: '我要退钱' },
    user: { nickname: '小明' },
  });
  await post('/api/v1/replies/check', {
    to: 'TEMPLATE_USER',
    reply: { type: 'text', content: '还有其他问题吗？' },
    commit: true,
  });
  server.close();
  await store.close();
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  const row = (table: string, where: string) =>
    db.prepare(`SELECT doc FROM ${table} WHERE ${where} LIMIT 1`).pluck().get() as string;
  const template = {
    conversation: row('c_conversations', `json_extract(doc, '$.openid') = 'TEMPLATE_USER'`),
    inbound: row('c_inbound', `json_extract(doc, '$.from') = 'TEMPLATE_USER'`),
    reply: row('c_replies', `json_extract(doc, '$.openid') = 'TEMPLATE_USER'`),
  };
  db.close();
  return template;
}

/** Writes `users` copies of the template rows in one transaction per 50,000 users. */
function generateUsers(dataDir: string, users: number, t: Template): void {
  const db = new Database(path.join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  const ins = (table: string) => rawInsert(db, table);
  const conv = ins('c_conversations');
  const inbound = ins('c_inbound');
  const reply = ins('c_replies');
  const copy = (json: string, i: number) => {
    const doc = JSON.parse(json.replaceAll('TEMPLATE_USER', `gen${i}`).replaceAll('tpl-1', `gen-msg-${i}`)) as Record<
      string,
      unknown
    >;
    doc['_id'] = `gen-${i}`;
    return doc;
  };
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      conv.run(`gen-${i}`, JSON.stringify(copy(t.conversation, i)));
      inbound.run(`gen-${i}`, JSON.stringify(copy(t.inbound, i)));
      reply.run(`gen-${i}`, JSON.stringify(copy(t.reply, i)));
    }
  });
  for (let i = 0; i < users; i += 50_000) batch(i, Math.min(users, i + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Committed and dry-run /inbound from returning users (distinct msgIds), same load loop. */
async function inboundRatio(
  store: Store,
  users: number,
  dataDir: string,
): Promise<{
  ratio: number;
  committed: number;
  dry: number;
  cpu: { committed: number; dry: number };
  walPages: number;
}> {
  const app = createApp({ store, log: createLogger('silent'), adminToken: TOKEN });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const stride = Math.max(1, Math.floor(users / 20_000));
  const body = (dryRun: boolean, tag: string) => (i: number) => {
    const from = `gen${(i * stride) % users}`;
    const message =
      i % 8 === 7
        ? { msgId: `${tag}-${i}`, from, type: 'event', event: 'VIEW', eventKey: 'https://example.com/orders' }
        : { msgId: `${tag}-${i}`, from, type: 'text', content: `${PHRASES[i % PHRASES.length]} ${i}` };
    return JSON.stringify({ dryRun, message });
  };
  /** Messages per second, and process CPU milliseconds per message (client included, alike for both). */
  const measure = async (dryRun: boolean, tag: string) => {
    const cpu0 = process.cpuUsage();
    const rps = await load(port, '/api/v1/inbound', body(dryRun, tag), ROUND_MS);
    const cpu = process.cpuUsage(cpu0);
    return { rps, cpuMs: (cpu.user + cpu.system) / 1000 / ((rps * ROUND_MS) / 1000) };
  };
  await load(port, '/api/v1/inbound', body(true, 'warm'));
  // Dry and committed runs alternate, and each figure is the median of its rounds: a single pair
  // swung by ±0.1 in ratio with whatever the machine or the WAL's checkpoint did during one of them.
  const rounds: Array<{ dry: Awaited<ReturnType<typeof measure>>; committed: Awaited<ReturnType<typeof measure>> }> =
    [];
  for (let r = 0; r < ROUNDS; r++)
    rounds.push({ dry: await measure(true, `dry${r}`), committed: await measure(false, `live${r}`) });
  const median = (xs: number[]) =>
    percentile(
      xs.sort((a, b) => a - b),
      0.5,
    );
  const ratio = median(rounds.map((x) => x.committed.rps / x.dry.rps));
  const dry = { rps: median(rounds.map((x) => x.dry.rps)), cpuMs: median(rounds.map((x) => x.dry.cpuMs)) };
  const committed = {
    rps: median(rounds.map((x) => x.committed.rps)),
    cpuMs: median(rounds.map((x) => x.committed.cpuMs)),
  };
  const walPages = await walPagesPerMessage(dataDir, () =>
    load(port, '/api/v1/inbound', body(false, 'pages'), PAGES_MS),
  );
  await new Promise((r) => server.close(r));
  return {
    ratio,
    committed: committed.rps,
    dry: dry.rps,
    cpu: { committed: committed.cpuMs, dry: dry.cpuMs },
    walPages,
  };
}

/**
 * Pages the commits of `run` wrote to the WAL, per message: what a commit costs, steadier than
 * time on a busy machine. A reader holding its snapshot keeps the WAL from starting over, so the
 * frame count SQLite reports (`log` of a passive checkpoint) only grows meanwhile.
 */
async function walPagesPerMessage(dataDir: string, run: () => Promise<number>): Promise<number> {
  const file = path.join(dataDir, SQLITE_FILE);
  const reader = new Database(file, { readonly: true });
  const probe = new Database(file);
  try {
    // A reader whose snapshot is the fully checkpointed file holds no WAL frame, and then the WAL
    // may start over (a negative count): one frame written first makes its snapshot hold the WAL.
    probe.pragma(`user_version = ${Number(probe.pragma('user_version', { simple: true }))}`);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    const frames = () => (probe.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>)[0]?.log ?? 0;
    const before = frames();
    const rps = await run();
    return (frames() - before) / ((rps * PAGES_MS) / 1000);
  } finally {
    reader.close();
    probe.close();
  }
}

async function replyCheckP99(store: Store, users: number): Promise<number> {
  const app = createApp({ store, log: createLogger('silent'), adminToken: TOKEN });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as { port: number }).port;
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/replies/check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        to: `gen${(i * 7919) % users}`,
        reply: { type: 'text', content: `您好，第 ${i} 个问题的答复` },
      }),
    });
    await res.arrayBuffer();
    times.push((performance.now() - start) * 1000);
  }
  await new Promise((r) => server.close(r));
  times.sort((a, b) => a - b);
  return percentile(times, 0.99);
}

/** A memory change with its sign (the heap can shrink after a collection: −13, not +-13). */
function signedMiB(delta: number): string {
  const rounded = Math.round(delta);
  return rounded < 0 ? `−${-rounded}` : `+${rounded}`;
}
