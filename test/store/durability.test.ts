import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openStore } from '../../server/src/store/open-store.js';

const child = fileURLToPath(new URL('./fixtures/durability-child.ts', import.meta.url));

it('kill -9 mid-stream loses no acknowledged write, and the store reopens cleanly', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'rf-durable-'));
  try {
    const acked = new Set<string>();
    let maxV = 0;
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.on('exit', (_code, sig) => resolve(sig)));
    let buf = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`child too slow; stderr: ${stderr}`)), 20_000);
      proc.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) {
          const [kind, val] = line.split(' ');
          if (kind === 'd' && val) acked.add(val);
          if (kind === 'v' && val) maxV = Math.max(maxV, Number(val));
        }
        if (acked.size >= 200) {
          clearTimeout(timer);
          proc.kill('SIGKILL'); // mid-stream: the child is inside its write loop
          resolve();
        }
      });
      proc.on('exit', () => reject(new Error(`child exited early; stderr: ${stderr}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const store = await openStore({ dataDir: dir });
    try {
      const ids = new Set((await store.documents.list('a', 'flow')).map((d) => d.id));
      const missing = [...acked].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);
      expect(ids.size).toBeGreaterThanOrEqual(acked.size);
      expect((await store.conversations.get('a', 'u'))?.v ?? 0).toBeGreaterThanOrEqual(maxV);
      await store.ping();
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
