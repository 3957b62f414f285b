/** Every error of CONTRACT §3, as a client would meet it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startTestApp, T0, text, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

function expectError(
  res: { status: number; body: { error?: { code: string; message: string } }; headers: Record<string, string> },
  status: number,
  code: string,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body.error?.code).toBe(code);
  expect(res.body.error?.message).toEqual(expect.any(String));
  expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules/);
}

async function tokenFor(role: string) {
  return (await t.post('/api/v1/tokens', { name: `${role} token`, role })).body.token as string;
}

describe('errors', () => {
  it('INVALID_JSON for a body that is not JSON', async () => {
    const res = await t.http
      .post('/api/v1/inbound')
      .set('Authorization', `Bearer ${ADMIN}`)
      .set('Content-Type', 'application/json')
      .send('{"message": ');
    expectError(res, 400, 'INVALID_JSON');
  });

  it('VALIDATION_FAILED lists every error with its JSON pointer', async () => {
    const res = await t.post('/api/v1/inbound', { account: 'default', message: { type: 'fax', content: 5 } });
    expectError(res, 400, 'VALIDATION_FAILED');
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['/message', '/message/type', '/message/content']));
  });

  it('VALIDATION_FAILED for a body that is JSON but not an object, and for a missing body', async () => {
    expectError(await t.post('/api/v1/replies/check', [1, 2]), 400, 'VALIDATION_FAILED');
    expectError(
      await t.http.post('/api/v1/replies/check').set('Authorization', `Bearer ${ADMIN}`),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('UNAUTHORIZED without a token, with a wrong one, and with a revoked one', async () => {
    expectError(await t.http.get('/api/v1/flows'), 401, 'UNAUTHORIZED');
    expectError(await t.get('/api/v1/flows', 'nope'), 401, 'UNAUTHORIZED');
    const created = (await t.post('/api/v1/tokens', { name: 'temp', role: 'viewer' })).body;
    expect((await t.get('/api/v1/flows', created.token)).status).toBe(200);
    expect((await t.http.delete(`/api/v1/tokens/${created.id}`).set('Authorization', `Bearer ${ADMIN}`)).status).toBe(
      204,
    );
    expectError(await t.get('/api/v1/flows', created.token), 401, 'UNAUTHORIZED');
  });

  it('FORBIDDEN when a role may not', async () => {
    const viewer = await tokenFor('viewer');
    const runtime = await tokenFor('runtime');
    const editor = await tokenFor('editor');
    expectError(await t.post('/api/v1/inbound', text('u', 'hi', T0), viewer), 403, 'FORBIDDEN');
    expectError(await t.post('/api/v1/flows', { id: 'x', name: 'x', nodes: [], edges: [] }, runtime), 403, 'FORBIDDEN');
    expectError(await t.get('/api/v1/flows', runtime), 403, 'FORBIDDEN');
    expectError(await t.post('/api/v1/inbound', text('u', 'hi', T0), editor), 403, 'FORBIDDEN');
    expectError(await t.post('/api/v1/tokens', { name: 'x', role: 'admin' }, editor), 403, 'FORBIDDEN');
    expect((await t.post('/api/v1/inbound', text('u', 'hi', T0), runtime)).status).toBe(200);
    expect((await t.get('/api/v1/users/u/window', runtime)).status).toBe(200);
    expect((await t.get('/api/v1/users/u/window', viewer)).status).toBe(200);
  });

  it('NOT_FOUND for unknown routes and ids under /api/v1', async () => {
    expectError(await t.get('/api/v1/nothing-here'), 404, 'NOT_FOUND');
    expectError(await t.get('/api/v1/flows/missing'), 404, 'NOT_FOUND');
    expectError(await t.get('/api/v1/flows/ecommerce-faq/versions/99'), 404, 'NOT_FOUND');
    expectError(await t.get('/api/v1/schema/nope'), 404, 'NOT_FOUND');
  });

  it('CONFLICT for a save with a stale revision', async () => {
    const doc = (await t.get('/api/v1/keyword-groups/refund')).body;
    const first = await t.put('/api/v1/keyword-groups/refund', { ...doc, keywords: [...doc.keywords, '退费'] });
    expect(first.status).toBe(200);
    expect(first.body.revision).toBe(doc.revision + 1);
    const stale = await t.put('/api/v1/keyword-groups/refund', { ...doc, name: '退款退货' });
    expectError(stale, 409, 'CONFLICT');
    expect((await t.get('/api/v1/keyword-groups/refund')).body.keywords).toContain('退费');
  });

  it('PAYLOAD_TOO_LARGE for a body over 1 MiB', async () => {
    const res = await t.post('/api/v1/inbound', { ...text('u', 'x'.repeat(1_100_000), T0) });
    expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('STORE_UNAVAILABLE when the store cannot be reached, and nothing half-written', async () => {
    await t.store.close();
    expectError(await t.post('/api/v1/inbound', text('u', '退款', T0, 'm-x')), 503, 'STORE_UNAVAILABLE');
    expectError(await t.get('/api/v1/flows'), 503, 'STORE_UNAVAILABLE');
  });

  it('/healthz is public and JSON', async () => {
    const res = await t.http.get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('hostile input', () => {
  it('never answers 5xx or HTML for malformed URLs, methods or bodies', async () => {
    const responses = await Promise.all([
      t.get('/api/v1/flows/%E0%A4%A'),
      t.get('/api/v1/users/%ZZ/window'),
      t.http
        .post('/api/v1/inbound')
        .set('Authorization', `Bearer ${ADMIN}`)
        .set('Content-Type', 'application/json')
        .send('\u0000\u0001'),
      t.http
        .post('/api/v1/inbound')
        .set('Authorization', `Bearer ${ADMIN}`)
        .set('Content-Type', 'text/plain')
        .send('hello'),
      t.http.patch('/api/v1/flows').set('Authorization', `Bearer ${ADMIN}`),
      t.post('/api/v1/inbound', { message: { from: 'u', type: 'text', content: '退款', at: 'yesterday' } }),
      t.post('/api/v1/replies/check', { to: 'u', reply: { type: 'text', content: 'x'.repeat(10) }, at: -5 }),
      t.post('/api/v1/flows', { id: '../../etc', name: 'x', nodes: [], edges: [] }),
      t.get('/api/v1/flows?account=../../x'),
    ]);
    for (const res of responses) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.error.code).toEqual(expect.any(String));
    }
    expect((await t.http.get('/healthz')).status).toBe(200);
  });
});
