/**
 * `npm run bench -- soak [--minutes 10] [--keep]`: the real server (`server/src/main.ts` as a child process,
 * a fresh DATA_DIR on disk, the example workspace) under a steady mix for minutes: committed
 * `/inbound` from a pool of 2,000 returning users (varied customer messages, every eighth a
 * menu-link click that no flow answers) and one `/replies/check` with commit per three inbound.
 *
 * Peak throughput of the mix is measured first (closed loop, ~20 s); the soak then offers 80 % of
 * it open-loop: requests are due at a fixed rate whatever the answers do, at most MAX_IN_FLIGHT at
 * once, and each latency runs from the moment its request was due, so a stall shows in p99 rather
 * than slowing the offered load. The server's resident memory is read from /proc every few
 * seconds; memory is "flat" when its slope over the last third is within FLAT_MIB_PER_MINUTE.
 * The exit code is 1 when any request failed; `--keep` leaves the data dir for a look inside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { load, TOKEN } from './http-bench.js';
import { percentile } from './stats.js';
import { customerMessages, prng } from './workload.js';
import { dirBytes, inboundRecordStats } from './inbound-record-stats.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const MiB = 1024 * 1024;
const USERS = 2_000;
const PEAK_SECONDS = 20;
const TARGET_SHARE = 0.8;
const MAX_IN_FLIGHT = 64;
const REQUEST_TIMEOUT_MS = 30_000;
const RSS_EVERY_MS = 2_000;
/**
 * Within ±this slope (MiB per minute) over the last third, memory counts as flat: the garbage
 * collector's saw-tooth (±50 MiB within a minute) leaves a few MiB/min of noise in the fit, while
 * the leak this guards against grew ~165 MiB/min (333 → 1,984 MiB in 10 min).
 */
const FLAT_MIB_PER_MINUTE = 5;

export async function soakBench(args: readonly string[]): Promise<void> {
  const minutes = Number(option(args, '--minutes') ?? 10);
  if (!(minutes > 0)) throw new Error(`--minutes must be a positive number, got ${option(args, '--minutes')}`);
  const keep = args.includes('--keep');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-soak-'));
  const port = await freePort();
  const server = startServer(dataDir, port);
  try {
    await serverReady(port, server.child);
    const rssBoot = rssMiB(server.pid);
    const mix = requestMix();
    await warmUp(port);
    const peak = await load(port, mix.path, mix.body('peak'), PEAK_SECONDS * 1000);
    const target = peak * TARGET_SHARE;
    console.log(
      `\n## Soak: the real server, ${minutes} min at ${Math.round(TARGET_SHARE * 100)} % of peak (pool of ${USERS.toLocaleString('en')} returning users)`,
    );
    console.log(
      `load average at start: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (${availableParallelism()} cores)`,
    );
    console.log(
      `RSS after start-up ${rssBoot.toFixed(0)} MiB; peak of the mix (closed loop, 32 in flight, ${PEAK_SECONDS} s): ${peak.toFixed(0)} req/s; target ${target.toFixed(0)} req/s`,
    );
    const run = await soak(port, server.pid, mix, target, minutes * 60_000);
    const diskRunning = dirBytes(dataDir);
    await server.stop();
    report(run, target, minutes, diskRunning, dirBytes(dataDir));
    reportRecords(dataDir);
    console.log(
      `load average at end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (run.failed > 0) process.exitCode = 1;
  } finally {
    await server.stop();
    if (keep) console.log(`data dir kept (--keep): ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Mix {
  path: (i: number) => string;
  body: (tag: string) => (i: number) => string;
}

/** Three committed inbound messages, then one committed reply check, to users spread over the pool. */
function requestMix(): Mix {
  const texts = customerMessages(20_000, prng(12));
  const user = (i: number) => `soak${(i * 7919) % USERS}`;
  const isCheck = (i: number) => i % 4 === 3;
  return {
    path: (i) => (isCheck(i) ? '/api/v1/replies/check' : '/api/v1/inbound'),
    body: (tag) => (i) => {
      if (isCheck(i))
        return JSON.stringify({
          to: user(i),
          reply: { type: 'text', content: `您好，您的第 ${i} 号问题已经处理，还有其他问题可以继续问我` },
          commit: true,
        });
      // Every eighth inbound message (counting inbound only) is the click no flow answers.
      const inbound = i - Math.floor(i / 4);
      const message =
        inbound % 8 === 7
          ? {
              msgId: `${tag}-${i}`,
              from: user(i),
              type: 'event',
              event: 'VIEW',
              eventKey: 'https://example.com/orders',
            }
          : { msgId: `${tag}-${i}`, from: user(i), type: 'text', content: texts[i % texts.length] };
      return JSON.stringify({ message });
    },
  };
}

/** Every user of the pool writes once (with a nickname), so the measured load is of returning users. */
async function warmUp(port: number): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const queue = Array.from({ length: USERS }, (_, u) => u);
  const worker = async () => {
    for (let u = queue.shift(); u !== undefined; u = queue.shift()) {
      const body = JSON.stringify({
        message: { msgId: `warm-${u}`, from: `soak${u}`, type: 'text', content: '你好' },
        user: { nickname: `用户${u}` },
      });
      const r = await send(agent, port, '/api/v1/inbound', body);
      if (r !== 200) throw new Error(`warm-up /inbound answered ${r}`);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  agent.destroy();
}

interface SoakRun {
  elapsedMs: number;
  done: number;
  failed: number;
  byStatus: Map<string, number>;
  latencies: number[];
  /** [minutes since the soak started, RSS MiB] */
  rss: Array<[number, number]>;
  /** [minutes since the soak started, server CPU seconds used so far] */
  cpu: Array<[number, number]>;
  /** Requests answered in each minute of the soak. */
  answeredPerMinute: number[];
  maxLateMs: number;
}

/** Open loop: request i is due at start + i / rate; at most MAX_IN_FLIGHT are out at once. */
async function soak(port: number, pid: number, mix: Mix, rate: number, durationMs: number): Promise<SoakRun> {
  // With a timeout of its own the agent honours the server's `Keep-Alive: timeout=5` hint and
  // drops an idle socket a second before the server would; without one (Node 20) it keeps idle
  // sockets forever and now and then sends a request down one the server is closing (ECONNRESET).
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, timeout: REQUEST_TIMEOUT_MS });
  const body = mix.body('soak');
  const total = Math.floor((rate * durationMs) / 1000);
  const run: SoakRun = {
    elapsedMs: 0,
    done: 0,
    failed: 0,
    byStatus: new Map(),
    latencies: [],
    rss: [],
    cpu: [],
    answeredPerMinute: [],
    maxLateMs: 0,
  };
  const start = performance.now();
  const sampleRss = () => {
    const t = (performance.now() - start) / 60_000;
    run.rss.push([t, rssMiB(pid)]);
    run.cpu.push([t, cpuSeconds(pid)]);
  };
  sampleRss();
  const sampler = setInterval(sampleRss, RSS_EVERY_MS);
  let issued = 0;
  let inFlight = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((r) => (finish = r));
  const pump = () => {
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000));
    while (issued < due && inFlight < MAX_IN_FLIGHT) {
      const i = issued++;
      const dueAt = start + (i * 1000) / rate;
      run.maxLateMs = Math.max(run.maxLateMs, performance.now() - dueAt);
      inFlight++;
      void send(agent, port, mix.path(i), body(i)).then((status) => {
        inFlight--;
        run.done++;
        const minute = Math.floor((performance.now() - start) / 60_000);
        run.answeredPerMinute[minute] = (run.answeredPerMinute[minute] ?? 0) + 1;
        run.latencies.push(performance.now() - dueAt);
        const key = String(status);
        run.byStatus.set(key, (run.byStatus.get(key) ?? 0) + 1);
        if (typeof status !== 'number' || status < 200 || status > 299) run.failed++;
        if (run.done === total) finish();
        else pump();
      });
    }
  };
  const ticker = setInterval(pump, 2);
  await finished;
  run.elapsedMs = performance.now() - start;
  clearInterval(ticker);
  clearInterval(sampler);
  sampleRss();
  agent.destroy();
  return run;
}

/** The HTTP status, or the error's code when there was no answer (reset, timeout), noting a reused keep-alive socket. */
function send(agent: http.Agent, port: number, pathname: string, payload: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        port,
        host: '127.0.0.1',
        path: pathname,
        method: 'POST',
        agent,
        timeout: REQUEST_TIMEOUT_MS,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 'no status'));
        res.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve(`${e.code ?? e.message}${req.reusedSocket ? ' on a reused keep-alive socket' : ''}`),
    );
    // Without this the body waits for the delayed ACK of the headers (see http-bench).
    req.on('socket', (socket) => socket.setNoDelay(true));
    req.end(payload);
  });
}

function report(run: SoakRun, target: number, minutes: number, diskRunning: number, diskStopped: number): void {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const statuses = [...run.byStatus]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}: ${n.toLocaleString('en')}`)
    .join(', ');
  const perMinute = Array.from({ length: Math.ceil(minutes) }, (_, m) => meanBetween(run.rss, m, m + 1));
  const slope = rssSlope(run.rss, minutes);
  const first = run.rss[0]?.[1] ?? Number.NaN;
  const last = run.rss[run.rss.length - 1]?.[1] ?? Number.NaN;
  console.log(
    `achieved ${((run.done * 1000) / run.elapsedMs).toFixed(0)} req/s (target ${target.toFixed(0)}) over ${(run.elapsedMs / 60_000).toFixed(1)} min, ${run.done.toLocaleString('en')} requests; latest start behind schedule ${run.maxLateMs.toFixed(0)} ms`,
  );
  console.log(`failed requests: ${run.failed.toLocaleString('en')} (by status: ${statuses})`);
  console.log(
    `latency from the moment due: p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? 0).toFixed(0)} ms`,
  );
  // Server CPU per answer shows whether the cost of a request grows as the data does, apart from how busy the machine is.
  const scheduled = Array.from(run.answeredPerMinute.slice(0, Math.ceil(minutes)), (n) => n ?? 0); // the drain after the last minute is left out
  const cpuPerAnswer = scheduled.map((n, m) => ((at(run.cpu, m + 1) - at(run.cpu, m)) * 1000) / n);
  console.log(
    `answered per minute: ${scheduled.map((n) => n.toLocaleString('en')).join(' → ')}; server CPU per answer: ${cpuPerAnswer.map((c) => c.toFixed(2)).join(' → ')} ms`,
  );
  console.log(
    `server RSS: start ${first.toFixed(0)} MiB, mean per minute ${perMinute.map((r) => r.toFixed(0)).join(' → ')}, end ${last.toFixed(0)} MiB (max ${Math.max(...run.rss.map(([, r]) => r)).toFixed(0)})`,
  );
  console.log(
    `RSS slope over the last third: ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MiB/min → ${memoryVerdict(slope)} (flat: within ±${FLAT_MIB_PER_MINUTE} MiB/min)`,
  );
  console.log(
    `data dir: ${(diskRunning / MiB).toFixed(1)} MiB at the end of the load (WAL included), ${(diskStopped / MiB).toFixed(1)} MiB once the server stopped`,
  );
}

function reportRecords(dataDir: string): void {
  const s = inboundRecordStats(dataDir);
  const pages =
    s.pageBytesPerRecord === null
      ? 'dbstat unavailable'
      : `${s.pageBytesPerRecord.toFixed(0)} B per record in table and index pages`;
  console.log(`inbound records: ${(s.answered.count + s.nothing.count).toLocaleString('en')} (${pages})`);
  console.log(
    `  produced replies:  ${s.withReplies.count.toLocaleString('en')}, average ${s.withReplies.avgBytes.toFixed(0)} B stored`,
  );
  console.log(
    `  produced nothing:  ${s.nothing.count.toLocaleString('en')}, average ${s.nothing.avgBytes.toFixed(0)} B stored`,
  );
  console.log(
    `  answered (any of replies, matches, hand-off, tags): ${s.answered.count.toLocaleString('en')}, average ${s.answered.avgBytes.toFixed(0)} B`,
  );
  console.log(`  stored as a full result: ${s.fullResults}; still carrying a staged copy: ${s.staged}`);
  if (s.sampleNothing) console.log(`  a record that produced nothing: ${s.sampleNothing}`);
}

/** Least-squares slope, MiB per minute, of the samples in the last third of the soak. */
function rssSlope(samples: Array<[number, number]>, minutes: number): number {
  const tail = samples.filter(([t]) => t >= (minutes * 2) / 3);
  const n = tail.length;
  if (n < 2) return Number.NaN;
  const mt = tail.reduce((a, [t]) => a + t, 0) / n;
  const mr = tail.reduce((a, [, r]) => a + r, 0) / n;
  const cov = tail.reduce((a, [t, r]) => a + (t - mt) * (r - mr), 0);
  const varT = tail.reduce((a, [t]) => a + (t - mt) ** 2, 0);
  return cov / varT;
}

function meanBetween(samples: Array<[number, number]>, from: number, to: number): number {
  const inside = samples.filter(([t]) => t >= from && t < to).map(([, r]) => r);
  return inside.reduce((a, r) => a + r, 0) / inside.length;
}

/** The last sample taken at or before `minute` (the first when none). */
function at(samples: Array<[number, number]>, minute: number): number {
  let value = samples[0]?.[1] ?? Number.NaN;
  for (const [t, v] of samples) if (t <= minute) value = v;
  return value;
}

/** utime + stime of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

interface RunningServer {
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

/** `node --import tsx server/src/main.ts` itself (no npm in between), so its pid is the server's. */
function startServer(dataDir: string, port: number): RunningServer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: TOKEN,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.pid === undefined) throw new Error('could not start the server');
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function serverReady(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not answer /healthz within 60 s');
}

/** A port free a moment ago (the server is told it through PORT). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Flat, or which way it moves: falling memory (the heap settling after the peak run) is no leak. */
function memoryVerdict(slope: number): string {
  if (Math.abs(slope) <= FLAT_MIB_PER_MINUTE) return 'flat';
  return slope > 0 ? 'NOT flat: growing' : 'falling (not growing)';
}
