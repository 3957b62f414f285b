/**
 * `npm start`: open the store, load the example workspace on a first start, serve the API,
 * the editor and the webhook on HOST:PORT. SIGTERM or SIGINT stops it and frees DATA_DIR, within
 * a deadline even when a shutdown step hangs or fails. A start-up failure a person can fix (a
 * held DATA_DIR, a busy port, a bad setting) is one line on stderr and exit code 1.
 */
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import { configFromEnv } from './config.js';
import { createLogger } from './logger.js';
import { openStore, storeOptionsFromEnv, type Store } from './store/open-store.js';
import { createApp } from './http/create-app.js';
import { createHttpServer } from './http/create-http-server.js';
import { seedWorkspace } from './runtime/seed-workspace.js';
import { startupErrorLine } from './startup-error.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Past this, a stop gives up on the remaining steps and exits; the data-dir lock goes with the process. */
const SHUTDOWN_DEADLINE_MS = 10_000;

const log = createLogger(process.env['LOG_LEVEL']);
/** What a stop has to close, filled in as start-up gets to it (a signal may come at any point). */
const running: { server?: Server; store?: Store; deliveries?: () => Promise<void> } = {};
let stopping = false;
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

try {
  const config = configFromEnv(process.env);
  const store = (running.store = await openStore({
    ...storeOptionsFromEnv(process.env),
    conversationRetentionDays: config.conversationRetentionDays,
  }));
  if (await seedWorkspace(store, path.join(root, 'examples/workspace'))) log.info('loaded the example workspace');

  // A newcomer without ADMIN_TOKEN gets a one-time admin token and a sign-in link for the editor.
  let signIn: string | undefined;
  if (!config.adminToken && (await store.tokens.count()) === 0) {
    signIn = (await store.tokens.create('first admin', 'admin', 'replyflow-setup')).token;
  }

  const app = createApp({
    store,
    log,
    adminToken: config.adminToken,
    bodyLimit: config.bodyLimit,
    editorDir: config.editorDir,
    workspaceRefreshMs: config.workspaceRefreshMs,
  });
  // Follow-up replies still being delivered through the customer-service API finish first.
  const gateway = app.locals['wechat'] as { idle(): Promise<void> } | undefined;
  running.deliveries = () => gateway?.idle() ?? Promise.resolve();
  const server = (running.server = await listen(app, config.host, config.port));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('ReplyFlow listening', { url: `http://${config.host}:${port}/` });
  if (signIn)
    process.stdout.write(
      `\n  编辑器登录链接 (sign-in link, shown once): http://${config.host}:${port}/#token=${signIn}\n\n`,
    );
} catch (e) {
  const line = startupErrorLine(e);
  if (line === undefined) throw e; // a bug: its stack is the useful part
  process.stderr.write(`${line}\n`);
  await running.store?.close().catch(() => undefined);
  process.exit(1);
}

function listen(app: express.Express, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createHttpServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

async function stop(signal: NodeJS.Signals): Promise<void> {
  // A second Ctrl-C means now; the lock is released on exit all the same.
  if (stopping) process.exit(1);
  stopping = true;
  log.info('stopping', { signal });
  setTimeout(() => {
    log.error('shutdown deadline passed: exiting without finishing', { deadlineMs: SHUTDOWN_DEADLINE_MS });
    process.exit(1);
  }, SHUTDOWN_DEADLINE_MS).unref();
  const steps: Array<[string, () => Promise<void> | undefined]> = [
    [
      'close the HTTP server',
      () => running.server && new Promise<void>((res, rej) => running.server?.close((e) => (e ? rej(e) : res()))),
    ],
    ['finish deliveries', () => running.deliveries?.()],
    ['close the store', () => running.store?.close()],
  ];
  let failed = false;
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (e) {
      failed = true;
      log.error(`shutdown: could not ${what}`, { error: e instanceof Error ? e.message : String(e) });
    }
  }
  log.info('stopped', { signal });
  process.exit(failed ? 1 : 0);
}
