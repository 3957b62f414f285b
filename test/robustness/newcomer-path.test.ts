/**
 * The newcomer path (issue 9, item 9) with real processes: the editor is built only when its
 * sources changed, a build that lands after the server started is served without a restart,
 * SIGTERM to `npm start` frees DATA_DIR, and a start that cannot work says so in one line.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  hashEditorInputs,
  isEditorBuildStale,
  STAMP_FILE,
  writeEditorBuildStamp,
} from '../../server/src/cli/editor-build-stamp.js';
import { runServerToExit, startServerProcess, type ServerProcess } from '../support/server-process.js';
import { ROOT } from '../support/test-app.js';

/** Each starts one to three servers; a loaded 2-core machine takes up to ~15 s per start. */
const PROCESS_TIMEOUT = 120_000;

const temps: string[] = [];
const running: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'replyflow-newcomer-'));
  temps.push(dir);
  return dir;
}

async function start(env: Record<string, string>, viaNpm = false): Promise<ServerProcess> {
  const server = await startServerProcess({ EDITOR_DIR: tempDir(), ...env }, { viaNpm });
  running.push(server);
  return server;
}

function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
}

describe('the editor build is redone only when its sources changed', () => {
  const inputs = ['editor', 'rules-schema', 'package-lock.json'];
  const checkout = () => {
    const root = tempDir();
    writeFiles(root, {
      'editor/index.html': '<div id="root"></div>',
      'editor/src/main.tsx': 'render()',
      'rules-schema/index.ts': 'export {}',
      'package-lock.json': '{"lockfileVersion":3}',
    });
    return root;
  };
  const built = (root: string) => {
    const outDir = path.join(root, 'editor/dist');
    writeFiles(outDir, { 'index.html': '<html></html>' });
    writeEditorBuildStamp(outDir, hashEditorInputs(root, inputs));
    return outDir;
  };

  it('is stale with no build, or a build without a stamp', () => {
    const root = checkout();
    const outDir = path.join(root, 'editor/dist');
    expect(isEditorBuildStale(outDir, hashEditorInputs(root, inputs))).toBe(true);
    writeFiles(outDir, { 'index.html': '<html></html>' });
    expect(isEditorBuildStale(outDir, hashEditorInputs(root, inputs))).toBe(true);
  });

  it('is fresh after a build, and its own output or a re-saved file does not change that', () => {
    const root = checkout();
    const outDir = built(root);
    writeFiles(root, {
      'editor/dist/assets/app-123.js': 'x',
      'editor/node_modules/.vite/deps.json': '{}',
      'editor/src/main.tsx': 'render()',
    });
    expect(isEditorBuildStale(outDir, hashEditorInputs(root, inputs))).toBe(false);
  });

  it.each([
    ['an edited editor source', { 'editor/src/main.tsx': 'render(1)' }],
    ['a new editor source', { 'editor/src/panel.tsx': 'export {}' }],
    ['an edited schema the editor imports', { 'rules-schema/index.ts': 'export const x = 1' }],
    ['a changed lock file', { 'package-lock.json': '{"lockfileVersion":3,"packages":{}}' }],
  ])('is stale after %s', (_what, change) => {
    const root = checkout();
    const outDir = built(root);
    writeFiles(root, change);
    expect(isEditorBuildStale(outDir, hashEditorInputs(root, inputs))).toBe(true);
  });

  it('is stale after a removed or renamed source', () => {
    const root = checkout();
    const outDir = built(root);
    rmSync(path.join(root, 'editor/src/main.tsx'));
    writeFiles(root, { 'editor/src/entry.tsx': 'render()' });
    expect(isEditorBuildStale(outDir, hashEditorInputs(root, inputs))).toBe(true);
  });
});

describe('serving the editor', () => {
  it('answers "being built" until a build lands, then serves it without a restart (one real build, then a skipped one)', async () => {
    const editorDir = path.join(tempDir(), 'dist');
    const server = await start({ EDITOR_DIR: editorDir, DATA_DIR: tempDir() });

    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    const html = await page.text();
    expect(html).toContain('编辑器正在构建');
    expect(html.indexOf('编辑器正在构建')).toBeLessThan(html.indexOf('The editor is being built'));
    const asJson = await fetch(`${server.url}/flows/faq`, { headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(503);
    expect(await asJson.json()).toMatchObject({ editor: 'building' });
    // The API and the health check do not wait for the editor.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const api = await fetch(`${server.url}/api/v1/no-such-route`);
    expect(api.status).toBe(401);

    // Asynchronous: a blocked test process would leave its pooled connections to the server stale.
    const build = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/src/cli/build-editor.ts', '--if-stale'], {
        cwd: ROOT,
        env: { ...process.env, EDITOR_DIR: editorDir },
      });
    const first = await build();
    expect(first.stdout).toContain('正在构建编辑器');
    expect(readFileSync(path.join(editorDir, STAMP_FILE), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);

    const index = readFileSync(path.join(editorDir, 'index.html'), 'utf8');
    for (const route of ['/', '/flows/faq']) {
      const res = await fetch(`${server.url}${route}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(index);
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(index)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    // The production React build, though this test runs with NODE_ENV=test: that message exists
    // only in React's development build.
    expect(await asset.text()).not.toContain('Each child in a list should have a unique');

    // "Nothing changed since the build", stated rather than assumed: in a tree being edited while
    // the minute-long build ran, a rebuild would be the right answer.
    writeEditorBuildStamp(editorDir, hashEditorInputs(ROOT));
    const second = await build();
    expect(second.stdout).toContain('跳过构建');
  }, 300_000);

  it(
    'serves a build that appears after start, with client routes falling back to its index page',
    async () => {
      const editorDir = path.join(tempDir(), 'dist');
      const server = await start({ EDITOR_DIR: editorDir, DATA_DIR: tempDir() });
      expect((await fetch(`${server.url}/`)).status).toBe(503);

      writeFiles(editorDir, { 'index.html': '<title>ReplyFlow editor</title>', 'assets/app.js': 'console.log(1)' });
      const root = await fetch(`${server.url}/`);
      expect(root.status).toBe(200);
      expect(await root.text()).toBe('<title>ReplyFlow editor</title>');
      expect(await (await fetch(`${server.url}/policies/default`)).text()).toBe('<title>ReplyFlow editor</title>');
      expect(await (await fetch(`${server.url}/assets/app.js`)).text()).toBe('console.log(1)');
      expect((await fetch(`${server.url}/api/v1/no-such-route`)).status).toBe(401);
    },
    PROCESS_TIMEOUT,
  );
});

describe('stopping and the data-dir lock', () => {
  it(
    'SIGTERM to `npm start` stops the server and frees DATA_DIR; a start while it runs is one line and exit 1',
    async () => {
      const dataDir = tempDir();
      const first = await start({ DATA_DIR: dataDir }, true);
      const holder = Number.parseInt(readFileSync(path.join(dataDir, 'LOCK'), 'utf8'), 10);
      expect(holder).not.toBe(first.child.pid); // npm runs the server as its child

      const refused = await runServerToExit({ DATA_DIR: dataDir, EDITOR_DIR: tempDir() });
      expect(refused.code).toBe(1);
      const lines = refused.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('无法启动');
      expect(lines[0]).toContain(`DATA_DIR=${dataDir}`);
      expect(lines[0]).toContain(`process ${holder}`);
      expect(refused.stdout).not.toContain('ReplyFlow listening');

      await first.stop();
      expect(first.child.exitCode).toBe(0);
      expect(existsSync(path.join(dataDir, 'LOCK'))).toBe(false);
      expect(isAlive(holder)).toBe(false);

      const second = await start({ DATA_DIR: dataDir });
      expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    },
    PROCESS_TIMEOUT,
  );

  it('a process that exits without releasing its lock (a hung or failed shutdown) still frees DATA_DIR', async () => {
    const dataDir = tempDir();
    const lockModule = path.join(ROOT, 'server/src/store/data-dir-lock.ts');
    const script = `const { lockDataDir } = await import(${JSON.stringify(lockModule)}); await lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); process.exit(3);`;
    const run = await promisify(execFile)(process.execPath, [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      script,
    ]).catch((e: { code: number; stdout: string }) => e);
    expect(run).toMatchObject({ code: 3, stdout: 'locked\n' });
    expect(existsSync(path.join(dataDir, 'LOCK'))).toBe(false);
  });

  it(
    'a busy port is one line and exit 1, and leaves DATA_DIR unlocked',
    async () => {
      const first = await start({ DATA_DIR: tempDir() });
      const dataDir = tempDir();
      const busy = await runServerToExit({ DATA_DIR: dataDir, EDITOR_DIR: tempDir(), PORT: new URL(first.url).port });
      expect(busy.code).toBe(1);
      const lines = busy.stderr.split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`127.0.0.1:${new URL(first.url).port}`);
      expect(lines[0]).toContain('already in use');
      expect(existsSync(path.join(dataDir, 'LOCK'))).toBe(false);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'a PORT that is no port is one line and exit 1',
    async () => {
      const bad = await runServerToExit({ DATA_DIR: tempDir(), EDITOR_DIR: tempDir(), PORT: 'eighty' });
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('PORT must be an integer 0–65535, got eighty'),
      ]);
    },
    PROCESS_TIMEOUT,
  );

  it(
    'a WORKSPACE_REFRESH_MS that is no duration is one line and exit 1',
    async () => {
      const bad = await runServerToExit({ DATA_DIR: tempDir(), EDITOR_DIR: tempDir(), WORKSPACE_REFRESH_MS: 'soon' });
      expect(bad.code).toBe(1);
      expect(bad.stderr.trim().split('\n')).toEqual([
        expect.stringContaining('WORKSPACE_REFRESH_MS must be an integer 0–3600000, got soon'),
      ]);
    },
    PROCESS_TIMEOUT,
  );
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
