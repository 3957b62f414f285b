/**
 * Property: nothing a client posts makes the API answer 5xx or stop serving (CONTRACT §3).
 * Every POST and PUT route of the OpenAPI document gets random JSON shapes (some shaped like
 * the route's own body), bodies nested up to 120,000 levels, bodies of up to 250,000 values and
 * bodies over the size limit, with an admin token. Seeded, so a failure is reproducible.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, type TestApp } from '../support/test-app.js';
import { buildOpenApi } from '../../server/src/http/openapi.js';
import { createHttpServer } from '../../server/src/http/create-http-server.js';
import { SCHEMAS, type SchemaName } from '../../rules-schema/index.js';

const RUNS_PER_ROUTE = 40;

let t: TestApp;
let server: Server;
let base: string;
beforeAll(async () => {
  t = await startTestApp();
  server = createHttpServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

interface Route {
  method: 'POST' | 'PUT';
  template: string;
  /** Property names of the route's body schema, so random bodies are shaped like it. */
  names: string[];
}

type BodySchema = { $ref?: string; properties?: Record<string, unknown> };

/** Every POST/PUT under /api/v1 (the OpenAPI document lists every route of the app). */
function routes(): Route[] {
  const found: Route[] = [];
  for (const [template, ops] of Object.entries(buildOpenApi().paths)) {
    if (!template.startsWith('/api/v1/')) continue;
    for (const method of ['post', 'put'] as const) {
      const op = ops[method] as
        { requestBody?: { content: { 'application/json': { schema: BodySchema } } } } | undefined;
      if (!op) continue;
      const schema = op.requestBody?.content['application/json'].schema;
      const name = schema?.$ref?.split('/').pop();
      const resolved = name && name in SCHEMAS ? (SCHEMAS[name as SchemaName] as BodySchema) : schema;
      found.push({ method: method === 'post' ? 'POST' : 'PUT', template, names: propertyNames(resolved) });
    }
  }
  return found;
}

/**
 * A PUT saves over a draft that exists, so its body reaches the document checks. Other routes get
 * an id that does not exist: their bodies are still parsed, bounded and validated, but forty runs
 * do not publish, install or self-test forty times over (the same work, whatever the body).
 */
const EXISTING: Record<string, string> = { flows: 'ecommerce-faq', 'keyword-groups': 'refund', accounts: 'default' };

function urlOf(route: Route): string {
  const segment = route.template.split('/')[3] ?? '';
  const id = route.method === 'PUT' ? (EXISTING[segment] ?? 'no-such-id') : 'no-such-id';
  return route.template.replace(/\{[^}]+\}/g, id);
}

const nested = (depth: number, open: string, close: string, inner: string) =>
  open.repeat(depth) + inner + close.repeat(depth);

/**
 * Random bodies as the raw text sent. `names` are the property names found anywhere in the route's
 * schema: trees of objects keyed by them reach past the first checks, and any value in such a tree
 * may be one nested 120,000 levels deep. Built as text throughout: a deep value would overflow the
 * stack of JSON.stringify here, in the test.
 */
function bodies(names: string[]): fc.Arbitrary<string> {
  const depth = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100, max: 120_000 }));
  const deep = fc
    .tuple(depth, fc.boolean())
    .map(([d, arrays]) => (arrays ? nested(d, '[', ']', '') : nested(d, '{"a":', '}', '1')));
  const wide = fc.integer({ min: 0, max: 250_000 }).map((n) => `[${'0,'.repeat(n)}0]`);
  const large = fc.integer({ min: 0, max: 1_200_000 }).map((n) => JSON.stringify({ content: 'x'.repeat(n) }));
  const value = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names, 'type', 'x') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const { tree } = fc.letrec<{ tree: string; object: string; array: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      { weight: 5, arbitrary: value },
      { weight: 1, arbitrary: deep },
      tie('object'),
      tie('array'),
    ),
    object: fc
      .uniqueArray(fc.tuple(key, tie('tree')), { maxLength: 6, selector: ([k]) => k })
      .map((entries) => `{${entries.map(([k, text]) => `${JSON.stringify(k)}:${text}`).join(',')}}`),
    array: fc.array(tie('tree'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  }));
  return fc.oneof(
    { weight: 8, arbitrary: tree },
    { weight: 2, arbitrary: value },
    { weight: 2, arbitrary: deep },
    { weight: 1, arbitrary: wide },
    { weight: 1, arbitrary: large },
    { weight: 1, arbitrary: fc.string() },
  );
}

/** Every property name in a JSON Schema, at any depth (through $defs, items, oneOf …). */
function propertyNames(schema: unknown, into = new Set<string>()): string[] {
  const stack = [schema];
  for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
    if (!s || typeof s !== 'object') continue;
    const props = (s as { properties?: unknown }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) into.add(k);
    stack.push(...Object.values(s));
  }
  return [...into];
}

describe('random bodies to every POST/PUT route never get a 5xx', () => {
  const all = routes();

  it('the OpenAPI document lists the routes this test covers', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(all.map((r) => `${r.method} ${r.template}`)).toEqual(
      expect.arrayContaining([
        'POST /api/v1/replies/check',
        'POST /api/v1/replies/send',
        'POST /api/v1/sandbox/run',
        'POST /api/v1/scenarios',
        'POST /api/v1/packs/import',
        'PUT /api/v1/accounts/{id}',
      ]),
    );
  });

  for (const [index, route] of all.entries()) {
    it(`${route.method} ${route.template}`, async () => {
      const url = `${base}${urlOf(route)}`;
      await fc.assert(
        fc.asyncProperty(bodies(route.names), async (body) => {
          const res = await fetch(url, {
            method: route.method,
            body,
            headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
          });
          const text = await res.text();
          expect(res.status, `${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
          expect(res.headers.get('content-type') ?? '').toMatch(/application\/json/);
          if (res.status >= 400)
            expect((JSON.parse(text) as { error: { code: unknown } }).error.code).toEqual(expect.any(String));
        }),
        { numRuns: RUNS_PER_ROUTE, seed: 0x5eed + index, endOnFailure: true },
      );
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    });
  }
});
