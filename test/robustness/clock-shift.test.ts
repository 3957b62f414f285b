import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The suites whose tests pin message times and rely on the store keeping what it recorded.
const CLOCK_SENSITIVE = ['test/store/sqlite-store.test.ts', 'test/http/inbound.test.ts'];

/** Async on purpose: a synchronous spawn would block this worker past vitest's RPC timeout. */
function runShifted(days: number): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...CLOCK_SENSITIVE], {
      cwd: root,
      env: { ...process.env, RF_CLOCK_SHIFT_DAYS: String(days), CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('the suite does not depend on today’s date', () => {
  it('the shifted clock really moves what the process reads as now', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./test/support/shift-clock.ts').then(() => console.log(Date.now(), new Date().getTime()))",
      ],
      {
        cwd: root,
        env: { ...process.env, RF_CLOCK_SHIFT_DAYS: '45' },
        encoding: 'utf8',
      },
    );
    const [a, b] = r.stdout.trim().split(' ').map(Number);
    const ahead = 45 * 24 * 3600 * 1000;
    expect(a! - Date.now()).toBeGreaterThan(ahead - 60_000);
    expect(b! - Date.now()).toBeGreaterThan(ahead - 60_000);
  });

  it('the clock-sensitive suites pass with the clock set 45 days ahead', async () => {
    const r = await runShifted(45);
    expect(r.output).toMatch(/Tests\s+\d+ passed/);
    expect(r.status, r.output.slice(-3000)).toBe(0);
  }, 300_000);
});
