/** The rule authors' CLI, as a real child process: exit codes fit for CI. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/test-app.js';

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/replyflow.mjs'), ...args],
      { cwd: ROOT },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

describe('replyflow CLI', () => {
  it('test runs every example scenario offline and exits 0', async () => {
    const r = await cli(['test', 'examples/scenarios']);
    expect(r.stdout).toMatch(/15 passed, 0 failed/);
    expect(r.stderr).toContain('[15/15]');
    expect(r.code).toBe(0);
  });

  it('test exits 1 and names the step and reason of a failing scenario', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rf-cli-'));
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'bad',
        name: '会失败的场景',
        steps: [{ inbound: { from: 'u', type: 'text', content: '退钱' }, expect: { group: '物流' } }],
      }),
    );
    const r = await cli(['test', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('第 0 步');
    expect(r.stdout).toContain('应命中关键词组“物流”');
  });

  it('validate passes the example workspace and reports errors with JSON pointers', async () => {
    expect((await cli(['validate', 'examples/workspace/flows', 'examples/workspace/keyword-groups'])).code).toBe(0);
    const dir = mkdtempSync(path.join(tmpdir(), 'rf-cli-'));
    const file = path.join(dir, 'flow.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'f',
        name: 'f',
        nodes: [{ id: 'r', type: 'reply', position: { x: 0, y: 0 }, data: { replies: [{ type: 'text' }] } }],
        edges: [],
      }),
    );
    const r = await cli(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/nodes/0/data/replies/0');
  });

  it('exits 2 on usage errors and unreadable files', async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(['test', '/nonexistent.json'])).code).toBe(2);
  });
});
