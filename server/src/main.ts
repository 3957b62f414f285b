/**
 * `npm start`: open the store, load the example workspace on a first start, serve the API,
 * the editor and the webhook on HOST:PORT.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config.js';
import { createLogger } from './logger.js';
import { openStore } from './store/open-store.js';
import { createApp } from './http/create-app.js';
import { seedWorkspace } from './runtime/seed-workspace.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = configFromEnv(process.env);
const log = createLogger(config.logLevel);

const store = await openStore({ dataDir: config.dataDir, mongoUri: config.mongoUri, mongoDb: config.mongoDb });
if (await seedWorkspace(store, path.join(root, 'examples/workspace'))) log.info('loaded the example workspace');

// A newcomer without ADMIN_TOKEN gets a one-time admin token and a sign-in link for the editor.
let signIn: string | undefined;
if (!config.adminToken && (await store.tokens.count()) === 0) {
  signIn = (await store.tokens.create('first admin', 'admin', 'replyflow-setup')).token;
}

const app = createApp({ store, log, adminToken: config.adminToken, bodyLimit: config.bodyLimit, editorDir: path.join(root, 'editor/dist') });
const server = app.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info('ReplyFlow listening', { url: `http://${config.host}:${port}/` });
  if (signIn) process.stdout.write(`\n  编辑器登录链接 (sign-in link, shown once): http://${config.host}:${port}/#token=${signIn}\n\n`);
});

// Follow-up replies still being delivered through the customer-service API finish first.
const shutdown = () => {
  server.close(() => {
    const gateway = app.locals['wechat'] as { idle(): Promise<void> } | undefined;
    void (gateway?.idle() ?? Promise.resolve())
      .then(() => store.close())
      .then(() => process.exit(0));
  });
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
