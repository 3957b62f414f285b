/**
 * A real server process killed with SIGKILL in the middle of writes keeps every write it
 * acknowledged, on the embedded store on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../support/server-process.js';

const ADMIN = 'crash-admin-token';
const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function call(url: string, method: string, body?: unknown) {
  const res = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('kill -9 during writes', () => {
  it('loses no acknowledged write', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN });
    const ackedGroups: string[] = [];
    const ackedMessages: string[] = [];
    let n = 0;
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const i = n++;
        try {
          if (i % 2 === 0) {
            const id = `g${i}`;
            const r = await call(`${server.url}/api/v1/keyword-groups`, 'POST', {
              id,
              name: `组${i}`,
              keywords: [`词${i}`],
            });
            if (r.status === 201) ackedGroups.push(id);
          } else {
            const msgId = `m${i}`;
            const r = await call(`${server.url}/api/v1/inbound`, 'POST', {
              message: { msgId, from: `user${i % 7}`, type: 'text', content: '退款', at: 1764000000000 + i },
            });
            if (r.status === 200) ackedMessages.push(msgId);
          }
        } catch {
          return; // the connection died with the process: this write was never acknowledged
        }
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (ackedGroups.length + ackedMessages.length < 120) await new Promise((r) => setTimeout(r, 10));
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    await exited;

    const again = await startServerProcess({ DATA_DIR: dataDir, ADMIN_TOKEN: ADMIN });
    try {
      const groups = await call(`${again.url}/api/v1/keyword-groups`, 'GET');
      const ids = new Set((groups.body['items'] as Array<{ id: string }>).map((g) => g.id));
      const missing = ackedGroups.filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      for (const msgId of ackedMessages) {
        const i = Number(msgId.slice(1));
        const r = await call(`${again.url}/api/v1/inbound`, 'POST', {
          message: { msgId, from: `user${i % 7}`, type: 'text', content: '退款', at: 1764000000000 + i },
        });
        expect(r.body['duplicate'], `message ${msgId} was acknowledged but lost`).toBe(true);
      }
      expect(ackedGroups.length + ackedMessages.length).toBeGreaterThanOrEqual(120);
    } finally {
      await again.stop();
    }
  }, 120_000);
});
