/**
 * MongoDB wiring without a server (none can run on these machines): the real `main` started with
 * MONGODB_URI pointing where nothing listens exits with the store-unavailable line, which shows
 * that configuration (SECRET_KEY, database name) was read and the driver was really asked.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runServerToExit } from '../support/server-process.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function env(extra: Record<string, string>): Promise<Record<string, string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rf-mongo-start-'));
  dirs.push(dir);
  return { PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'error', ...extra };
}

describe('npm start with MONGODB_URI and no reachable server', () => {
  it('exits 1 with one line saying the store is unavailable, not a configuration error', async () => {
    const r = await runServerToExit(
      await env({ MONGODB_URI: 'mongodb://127.0.0.1:9/replyflow', SECRET_KEY: 'ab'.repeat(32) }),
    );
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ReplyFlow 无法启动 \(cannot start\): MongoDB: /);
    expect(r.stderr).not.toMatch(/SECRET_KEY|at .*\.ts:\d+/);
  }, 30_000);

  it('without SECRET_KEY it says so in one line before trying to connect', async () => {
    const r = await runServerToExit(await env({ MONGODB_URI: 'mongodb://127.0.0.1:9/replyflow' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/SECRET_KEY is required with MONGODB_URI/)]);
  }, 30_000);

  it('a malformed DURABILITY is one line too', async () => {
    const r = await runServerToExit(await env({ DURABILITY: 'sometimes' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/DURABILITY must be "normal" or "full"/)]);
  }, 30_000);
});
