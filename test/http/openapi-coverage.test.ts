/**
 * The OpenAPI document lists every route the app serves, with the same methods, and no route
 * the app does not serve: it is read off the app's own router, so a new route without its
 * OpenAPI entry fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOpenApi } from '../../server/src/http/openapi.js';
import { startTestApp } from '../support/test-app.js';

const ROLES = ['admin', 'editor', 'runtime', 'viewer'] as const;

let t: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

/** Express 5's router (router 2.x) keeps each layer's path as given in `rawPath`. */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesOf(stack: Layer[], prefix: string): string[] {
  return stack.flatMap((layer) => {
    const at = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      if (typeof layer.route.path !== 'string') return []; // the editor's catch-all is a pattern
      const path = (prefix + layer.route.path).replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack, prefix + at) : [];
  });
}

describe('GET /api/v1/openapi.json', () => {
  it('describes exactly the routes the app serves', async () => {
    // Reaching into Express's internals is the price of reading the truth off the router itself.
    const router = (t.app as unknown as { router: { stack: Layer[] } }).router;
    const served = new Set(routesOf(router.stack, ''));
    const documented = new Set(
      Object.entries(buildOpenApi().paths).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    expect(served.size).toBeGreaterThan(40);
    expect([...served].filter((r) => !documented.has(r)).sort()).toEqual([]);
    expect([...documented].filter((r) => !served.has(r)).sort()).toEqual([]);
  });

  it('admits exactly the roles it lists in x-roles', async () => {
    const tokens = Object.fromEntries(
      await Promise.all(
        ROLES.map(async (role) => [role, (await t.store.tokens.create(`as ${role}`, role, 'test')).token] as const),
      ),
    );
    const mismatches: string[] = [];
    for (const [template, ops] of Object.entries(buildOpenApi().paths)) {
      const path = template.replace('{version}', '1').replace(/\{\w+\}/g, 'x');
      for (const [method, spec] of Object.entries(ops as Record<string, { 'x-roles'?: string[] }>)) {
        const admitted = spec['x-roles'];
        if (!admitted) continue; // public: the webhook and /healthz
        for (const role of ROLES) {
          const res = await t.http[method as 'get'](path)
            .set('Authorization', `Bearer ${tokens[role]}`)
            .send(method === 'get' || method === 'delete' ? undefined : {});
          if ((res.status === 403) === admitted.includes(role))
            mismatches.push(`${method.toUpperCase()} ${template} as ${role}: ${res.status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('is served, with the bearer scheme', async () => {
    const res = await t.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
  });
});
