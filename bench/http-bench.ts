/**
 * HTTP throughput of /replies/check as a ratio to a bare Express JSON route served by the
 * same process in the same run, measured by the same keep-alive load loop on loopback.
 */
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { openStore } from '../server/src/store/open-store.js';
import { createApp } from '../server/src/http/create-app.js';
import { createLogger } from '../server/src/logger.js';
import { seedWorkspace } from '../server/src/runtime/seed-workspace.js';

export const TOKEN = 'bench-admin';
const DURATION_MS = 4000;
const CONCURRENCY = 32;

/** Requests per second for `durationMs`; `pathname` may vary per request (e.g. signed webhook URLs). */
export async function load(
  port: number,
  pathname: string | ((i: number) => string),
  body: (i: number) => string,
  durationMs = DURATION_MS,
): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let done = 0;
  const deadline = Date.now() + durationMs;
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const payload = body(i);
      const req = http.request(
        {
          port,
          host: '127.0.0.1',
          path: typeof pathname === 'string' ? pathname : pathname(i),
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${TOKEN}`,
            'content-length': Buffer.byteLength(payload),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      // Without this the body waits for the delayed ACK of the headers (≈40 ms per request).
      req.on('socket', (socket) => socket.setNoDelay(true));
      req.end(payload);
    });
  const worker = async (w: number) => {
    for (let i = w; Date.now() < deadline; i += CONCURRENCY) {
      await one(i);
      done++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  agent.destroy();
  return done / (durationMs / 1000);
}

export async function httpBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-bench-'));
  const store = await openStore({ dataDir });
  await seedWorkspace(store, path.resolve(import.meta.dirname, '../examples/workspace'));
  const app = createApp({ store, log: createLogger('silent'), adminToken: TOKEN });
  const bare = express();
  bare.use(express.json());
  bare.post('/bare', (req, res) => res.json({ ok: true, echo: (req.body as { to?: string }).to }));
  const server = app.listen(0, '127.0.0.1');
  const bareServer = bare.listen(0, '127.0.0.1');
  await new Promise((r) => setTimeout(r, 100));
  const port = (server.address() as { port: number }).port;
  const barePort = (bareServer.address() as { port: number }).port;
  const at = Date.now();
  // Open windows for a pool of users so checks take the full path.
  for (let u = 0; u < 200; u++) {
    await new Promise<void>((resolve) => {
      const body = JSON.stringify({ message: { from: `bench${u}`, type: 'image', mediaId: 'm', at } });
      http
        .request(
          {
            port,
            host: '127.0.0.1',
            path: '/api/v1/inbound',
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
          },
          (res) => res.resume().on('end', resolve),
        )
        .end(body);
    });
  }
  const check = (i: number) =>
    JSON.stringify({
      to: `bench${i % 200}`,
      reply: { type: 'text', content: `您好，第 ${i} 个问题的答复。如果还有其他问题，可以继续问我哦` },
      commit: false,
    });
  await load(barePort, '/bare', check); // warm-up
  await load(port, '/api/v1/replies/check', check);
  const bareRps = await load(barePort, '/bare', check);
  const checkRps = await load(port, '/api/v1/replies/check', check);
  console.log('\n## HTTP throughput (same process, same load loop, keep-alive, 32 in flight)');
  console.log(`bare Express JSON route: ${bareRps.toFixed(0)} req/s`);
  console.log(
    `/api/v1/replies/check:   ${checkRps.toFixed(0)} req/s (ratio ${(checkRps / bareRps).toFixed(2)}, target ≥ 0.6)`,
  );
  server.close();
  bareServer.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}
