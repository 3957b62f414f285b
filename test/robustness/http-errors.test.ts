/**
 * One error policy (issue 9): each class of hostile or broken request, with the exact inputs that
 * once answered 503, now answers the §3 error it deserves; a bug is a 500 with a request id, and
 * only a real store failure is a 503.
 */
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { openStore } from '../../server/src/store/open-store.js';
import { createApp } from '../../server/src/http/create-app.js';
import { createHttpServer } from '../../server/src/http/create-http-server.js';
import { JSON_SHAPE_LIMITS } from '../../server/src/http/json-shape-limit.js';
import type { Logger } from '../../server/src/logger.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: {
    error?: { code: string; message: string; requestId?: string; details?: Array<{ path: string; message: string }> };
  };
}

function expectError(res: Answer, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body.error?.code).toBe(code);
  expect(res.body.error?.message).toEqual(expect.any(String));
  expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules/);
}

function expectInvalidAt(res: Answer, pointer: string) {
  expectError(res, 400, 'VALIDATION_FAILED');
  expect(res.body.error?.details?.map((d) => d.path)).toContain(pointer);
}

const postRaw = (url: string, json: string, token: string | null = ADMIN) => {
  const req = t.http.post(url).set('Content-Type', 'application/json');
  return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(json);
};

const DEPTH = 100_000;
const deepArray = '['.repeat(DEPTH) + ']'.repeat(DEPTH);

describe('a body nested 100,000 levels deep is refused with a pointer, on every route that once answered 503', () => {
  const routes: Array<[string, string, string]> = [
    [
      '/api/v1/replies/check',
      `{"account":"default","to":"u","reply":{"type":"text","content":"hi","x":${deepArray}}}`,
      '/reply/x',
    ],
    [
      '/api/v1/replies/send',
      `{"account":"default","to":"u","reply":{"type":"text","content":"hi","x":${deepArray}}}`,
      '/reply/x',
    ],
    [
      '/api/v1/sandbox/run',
      `{"steps":[{"inbound":{"from":"u","type":"text","content":"x"},"expect":${deepArray}}]}`,
      '/steps/0/expect',
    ],
    ['/api/v1/scenarios', `{"id":"deep","name":"deep","steps":${deepArray}}`, '/steps'],
    ['/api/v1/packs/import', `{"id":"deep","name":"deep","version":"1.0.0","lexicons":${deepArray}}`, '/lexicons'],
  ];
  for (const [url, body, prefix] of routes) {
    it(url, async () => {
      const res = await postRaw(url, body);
      expectError(res, 400, 'VALIDATION_FAILED');
      const pointer = res.body.error?.details?.[0]?.path ?? '';
      // The pointer names the first value nested deeper than the limit: one segment per level above it.
      expect(pointer.startsWith(`${prefix}/0`)).toBe(true);
      expect(pointer.split('/').length - 1).toBe(JSON_SHAPE_LIMITS.maxDepth);
    });
  }

  it('a deep body as the whole request, and the server stays healthy', async () => {
    expectError(await postRaw('/api/v1/packs/import?dryRun=true', deepArray), 400, 'VALIDATION_FAILED');
    expectError(
      await postRaw('/api/v1/inbound', '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH)),
      400,
      'VALIDATION_FAILED',
    );
    expect((await t.http.get('/healthz')).status).toBe(200);
  });

  it('a body within the depth limit is judged by its schema as before', async () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const res = await postRaw(
      '/api/v1/replies/check',
      `{"to":"u","reply":{"type":"text","content":"hi"},"x":${nested(JSON_SHAPE_LIMITS.maxDepth - 1)}}`,
    );
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error.details).toContainEqual({ path: '/', message: expect.stringContaining('x') });
  });

  it('a body with more values than the limit is refused before any processing', async () => {
    const wide = `{"to":"u","reply":{"type":"text","content":"hi"},"x":[${'0,'.repeat(JSON_SHAPE_LIMITS.maxValues)}0]}`;
    const res = await postRaw('/api/v1/replies/check', wide);
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.error?.details?.[0]?.path).toBe('/x');
  });
});

describe('instants outside 2000–2100 are refused with a pointer', () => {
  for (const at of [8.64e15, 2 ** 53 - 1, '9999-12-31T23:59:59Z', '1900-01-01T00:00:00+08:00']) {
    it(`at = ${at}`, async () => {
      expectInvalidAt(
        await t.post('/api/v1/inbound', {
          account: 'default',
          message: { from: 'u', type: 'text', content: '退款', at },
        }),
        '/message/at',
      );
      expectInvalidAt(
        await t.post('/api/v1/replies/check', { to: 'u', reply: { type: 'text', content: 'hi' }, at }),
        '/at',
      );
      expectInvalidAt(
        await t.post('/api/v1/sandbox/run', {
          start: at,
          steps: [{ inbound: { from: 'u', type: 'text', content: 'x' } }],
        }),
        '/start',
      );
      expectInvalidAt(
        await t.post('/api/v1/sandbox/run', { steps: [{ at, inbound: { from: 'u', type: 'text', content: 'x' } }] }),
        '/steps/0/at',
      );
    });
  }

  it('the edges of the range are accepted', async () => {
    const res = await t.post('/api/v1/replies/check', {
      to: 'u',
      reply: { type: 'text', content: 'hi' },
      at: '2099-12-31T23:59:59+08:00',
    });
    expect(res.status).toBe(200);
    expect(
      (
        await t.post('/api/v1/replies/check', {
          to: 'u',
          reply: { type: 'text', content: 'hi' },
          at: Date.UTC(2000, 0, 1),
        })
      ).status,
    ).toBe(200);
  });
});

describe('sandbox durations and the times they lead to are bounded', () => {
  const inbound = { inbound: { from: 'u', type: 'text', content: 'x' } };

  it('after: "99999999999999999d"', async () => {
    expectInvalidAt(
      await t.post('/api/v1/sandbox/run', { steps: [inbound, { ...inbound, after: '99999999999999999d' }] }),
      '/steps/1/after',
    );
    expectInvalidAt(
      await t.post('/api/v1/sandbox/run', { steps: [inbound, { ...inbound, after: '999999999d' }] }),
      '/steps/1/after',
    );
  });

  it('durations that each pass but carry the clock past the range', async () => {
    const res = await t.post('/api/v1/sandbox/run', {
      start: '2099-12-30T00:00:00Z',
      steps: [inbound, { ...inbound, after: '2d' }],
    });
    expectInvalidAt(res, '/steps/1/after');
    // 25 years a step from 2026: the third step would land in 2101.
    const steps = Array.from({ length: 4 }, () => ({ ...inbound, after: '9125d' }));
    expectInvalidAt(await t.post('/api/v1/sandbox/run', { steps }), '/steps/2/after');
  });

  it('ordinary durations still run', async () => {
    const res = await t.post('/api/v1/sandbox/run', { steps: [inbound, { ...inbound, after: '47h59m30s500ms' }] });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.steps[1].at) - Date.parse(res.body.steps[0].at)).toBe(
      ((47 * 60 + 59) * 60 + 30) * 1000 + 500,
    );
  });
});

describe('authentication comes before the body is read', () => {
  const huge = JSON.stringify({
    account: 'default',
    message: { from: 'u', type: 'text', content: 'x'.repeat(2_000_000) },
  });

  it('no token, a huge body: 401', async () => {
    expectError(await postRaw('/api/v1/inbound', huge, null), 401, 'UNAUTHORIZED');
    expectError(await postRaw('/api/v1/inbound', huge, 'not-a-token'), 401, 'UNAUTHORIZED');
  });

  it('no token, a body that is not JSON: 401', async () => {
    expectError(await postRaw('/api/v1/replies/check', '{"to": ', null), 401, 'UNAUTHORIZED');
    expectError(await postRaw('/api/v1/sandbox/run', deepArray, null), 401, 'UNAUTHORIZED');
  });

  it('with a token the same bodies still get their own answers', async () => {
    expectError(await postRaw('/api/v1/inbound', huge), 413, 'PAYLOAD_TOO_LARGE');
    expectError(await postRaw('/api/v1/replies/check', '{"to": '), 400, 'INVALID_JSON');
  });
});

describe('over-long URLs are answered in JSON', () => {
  let server: Server;
  let port: number;
  beforeEach(async () => {
    server = createHttpServer(t.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function get(url: string): Promise<{ status: number; type: string; body: Answer['body'] }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: url, headers: { Authorization: `Bearer ${ADMIN}` } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body: JSON.parse(text) }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  it('a 100,000-character URL: 431 JSON from the HTTP parser', async () => {
    const res = await get(`/api/v1/flows?q=${'a'.repeat(100_000)}`);
    expect(res.status).toBe(431);
    expect(res.type).toMatch(/application\/json/);
    expect(res.body.error?.code).toBe('HEADERS_TOO_LARGE');
  });

  it('a 10,000-character URL, under the parser limit: 414 JSON', async () => {
    const res = await get(`/api/v1/users/${'u'.repeat(10_000)}/window`);
    expect(res.status).toBe(414);
    expect(res.type).toMatch(/application\/json/);
    expect(res.body.error?.code).toBe('URI_TOO_LONG');
  });

  it('the server still answers afterwards', async () => {
    await get(`/api/v1/flows?q=${'a'.repeat(100_000)}`);
    expect((await get('/healthz')).status).toBe(200);
  });
});

describe('a bug is a 500 with a request id; only the store failing is a 503', () => {
  it('a thrown bug: 500 INTERNAL, its request id in the body, the header and the log with the stack', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-test-'));
    const store = await openStore({ dataDir });
    const lines: Array<{ msg: string } & Record<string, unknown>> = [];
    const capture = (msg: string, data?: Record<string, unknown>) => lines.push({ msg, ...data });
    const log: Logger = { debug: capture, info: capture, warn: capture, error: capture };
    try {
      const http = supertest(createApp({ store, log, adminToken: ADMIN }));
      vi.spyOn(store.documents, 'list').mockRejectedValue(
        new TypeError("Cannot read properties of undefined (reading 'doc')"),
      );
      const res = await http.get('/api/v1/flows').set('Authorization', `Bearer ${ADMIN}`);
      expectError(res, 500, 'INTERNAL');
      const id = res.body.error.requestId as string;
      expect(id).toMatch(/^[A-Za-z0-9-]{8,}$/);
      expect(res.headers['x-request-id']).toBe(id);
      expect(res.body.error.message).toContain(id);
      expect(res.body.error.message).not.toMatch(/写入|written|store|存储/i);
      const logged = lines.find((l) => l['requestId'] === id);
      expect(logged?.['error']).toMatch(/TypeError: Cannot read properties of undefined[\s\S]*\n\s+at /);
      // Another bug gets another id.
      const again = await http.get('/api/v1/flows').set('Authorization', `Bearer ${ADMIN}`);
      expect(again.body.error.requestId).not.toBe(id);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a real store failure: 503 STORE_UNAVAILABLE', async () => {
    await t.store.close();
    expectError(await t.get('/api/v1/flows'), 503, 'STORE_UNAVAILABLE');
    expectError(await t.http.get('/healthz'), 503, 'STORE_UNAVAILABLE');
  });
});
