/**
 * Idle keep-alive connections stay open longer than Node's default 5 s, so a load balancer or a
 * pooling client that sends on a connection idle for a while finds it still open (the server
 * closing first gave the soak bench ECONNRESETs).
 */
import { Agent, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHttpServer } from '../../server/src/http/create-http-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let server: Server;
beforeEach(async () => {
  t = await startTestApp();
  server = createHttpServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t.close();
});

/** GET /healthz through `agent`: its status and whether it went over a pooled connection. */
function health(agent: Agent): Promise<{ status: number; reused: boolean }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
    });
    req.on('error', reject);
  });
}

it('keeps an idle keep-alive connection open past 5 s: the next request reuses it', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    expect(await health(agent)).toEqual({ status: 200, reused: false });
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(await health(agent)).toEqual({ status: 200, reused: true });
  } finally {
    agent.destroy();
  }
}, 30_000);
