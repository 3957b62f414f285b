/**
 * The editor's `fetch`, answered by the real server: for jsdom tests, which cannot load the
 * server in-process (Vite rewrites its file URLs), so it runs as a child process on a fresh
 * store on disk, seeded as `npm start` seeds it. The editor's relative `/api/v1/…` requests go
 * to it with a bearer token; `api` lets a test arrange data the way another client would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import type { InterleavedRequest } from './interleave-preload.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Node's own fetch, kept before any test replaces the global. */
const nodeFetch = globalThis.fetch;

export interface EditorServer {
  url: string;
  /** Calls the server directly as the admin; the body is sent as JSON. */
  api: (method: string, url: string, body?: unknown) => Promise<Response>;
  /** Routes the editor's `fetch` to this server (as the admin unless the request has a token). */
  serveEditor: () => void;
  /**
   * Started with `interleave: true`: the server's next publish, after its checks and before its
   * write, first runs this request as the admin (another operator's change landing meanwhile).
   */
  beforeNextPublishWrite: (method: string, url: string, body?: unknown) => void;
  stop: () => Promise<void>;
}

/** Starts `server/src/main.ts` on a free port; call `stop` in `afterAll`. `interleave`: see `beforeNextPublishWrite`. */
export async function startEditorServer(options: { interleave?: boolean } = {}): Promise<EditorServer> {
  const admin = `editor-test-admin-${process.pid}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'replyflow-editor-'));
  const interleaveFile = `${dataDir}-interleave.json`;
  const preload = options.interleave
    ? ['--import', pathToFileURL(path.join(ROOT, 'test/support/interleave-preload.ts')).href]
    : [];
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', ...preload, path.join(ROOT, 'server/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        DATA_DIR: dataDir,
        ADMIN_TOKEN: admin,
        ...(options.interleave ? { REPLYFLOW_INTERLEAVE: interleaveFile } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"(http:\/\/[^"]+)\/"/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  const withAdmin = (init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('Authorization')) headers.set('Authorization', `Bearer ${admin}`);
    return { ...init, headers };
  };
  return {
    url,
    api: (method, target, body) =>
      nodeFetch(
        `${url}${target}`,
        withAdmin({
          method,
          headers: { 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    serveEditor: () =>
      vi.stubGlobal('fetch', (target: string, init?: RequestInit) => nodeFetch(`${url}${target}`, withAdmin(init))),
    beforeNextPublishWrite: (method, target, body) => {
      if (!options.interleave) throw new Error('start the server with { interleave: true }');
      const request: InterleavedRequest = { url: `${url}${target}`, method, ...(body === undefined ? {} : { body }) };
      writeFileSync(interleaveFile, JSON.stringify(request));
    },
    stop: async () => {
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(interleaveFile, { force: true });
    },
  };
}
