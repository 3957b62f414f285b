/**
 * The Express application, kept apart from `listen` (server/src/main.ts) so tests build it
 * with their own store and clock.
 */
import express from 'express';
import type { Store } from '../store/open-store.js';
import type { Logger } from '../logger.js';
import { WorkspaceCache } from '../runtime/workspace-cache.js';
import { DocumentService } from '../runtime/document-service.js';
import { authenticate } from './auth.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { JSON_SHAPE_LIMITS, jsonShapeLimit } from './json-shape-limit.js';
import { MAX_URL_LENGTH, urlLengthLimit } from './url-length-limit.js';
import { editorStatic } from './editor-static.js';
import { runtimeRoutes } from './routes/runtime-routes.js';
import { insightsRoutes } from './routes/insights-routes.js';
import { documentRoutes } from './routes/document-routes.js';
import { adminRoutes } from './routes/admin-routes.js';
import { schemaRoutes } from './routes/schema-routes.js';
import { lintRoutes } from './routes/lint-routes.js';
import { LintService } from '../runtime/lint-service.js';
import { wechatRoutes } from './routes/wechat-routes.js';
import type { WechatOptions } from '../wechat/wechat-options.js';
import { sandboxRoutes } from './routes/sandbox-routes.js';
import { SandboxService } from '../sandbox/sandbox-service.js';
import { packRoutes } from './routes/pack-routes.js';
import { PackService } from '../packs/pack-service.js';
import { allowanceRoutes } from './routes/allowance-routes.js';
import { AllowanceService } from '../runtime/allowance-service.js';
import { keywordSuggestionRoutes } from './routes/keyword-suggestion-routes.js';
import { KeywordSuggestionService } from '../runtime/keyword-suggestion-service.js';
import { KEYWORD_SYNONYMS } from '../runtime/keyword-synonyms.js';
import { workspaceRoutes } from './routes/workspace-routes.js';
import { WorkspacePublishService } from '../runtime/workspace-publish-service.js';

export interface AppOptions {
  store: Store;
  log: Logger;
  adminToken?: string;
  /** Server time in epoch ms; tests pass a virtual clock. */
  clock?: () => number;
  bodyLimit?: string;
  /** Directory of the built editor, served at `/` once it holds a build (checked per request). */
  editorDir?: string;
  /** WeChat gateway settings (deadline, skew, API timeouts …); defaults suit production. */
  wechat?: WechatOptions;
  /** How long a read workspace sequence is trusted (ms): another instance's publish shows within it. */
  workspaceRefreshMs?: number;
}

export interface AppDeps {
  store: Store;
  cache: WorkspaceCache;
  clock: () => number;
}

export function createApp(options: AppOptions): express.Express {
  const deps: AppDeps = {
    store: options.store,
    cache: new WorkspaceCache(options.store, options.workspaceRefreshMs),
    clock: options.clock ?? Date.now,
  };
  const app = express();
  app.disable('x-powered-by');
  // Answers are per request (verdicts, windows, drafts with revisions): no ETag hashing of every body.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(urlLengthLimit(MAX_URL_LENGTH));

  app.get('/healthz', async (_req, res) => {
    await options.store.ping();
    // Still "ok": an account whose published rules fail to compile keeps serving its last good ones.
    const degraded = deps.cache.degraded();
    res.json(degraded.length > 0 ? { status: 'ok', degraded } : { status: 'ok' });
  });

  const wechat = wechatRoutes(deps, options.log, options.wechat);
  app.locals['wechat'] = wechat.gateway; // tests and shutdown wait on its follow-up deliveries
  app.use('/wechat', wechat.webhook);

  const api = express.Router();
  // Auth reads only the header: a caller without a token gets 401 before its body is read.
  api.use(authenticate(options.store, options.adminToken));
  // Parse any content type as JSON: a client that forgets the header still gets a clear answer.
  api.use(express.json({ limit: options.bodyLimit ?? '1mb', type: () => true, strict: false }));
  api.use(jsonShapeLimit(JSON_SHAPE_LIMITS));
  api.use(runtimeRoutes(deps));
  api.use(insightsRoutes(deps));
  const packs = new PackService(options.store);
  const sandbox = new SandboxService(options.store, (account, id) => packs.get(account, id));
  const gate = async (account: string, kind?: string, doc?: unknown) =>
    (await sandbox.runScenarios(account, kind ? { kind, doc } : undefined)).scenarios.filter((s) => !s.passed);
  api.use(documentRoutes(new DocumentService(options.store, gate)));
  api.use(workspaceRoutes(new WorkspacePublishService(options.store, gate)));
  api.use(keywordSuggestionRoutes(new KeywordSuggestionService(options.store, KEYWORD_SYNONYMS)));
  api.use(sandboxRoutes(sandbox, options.store));
  api.use(packRoutes(packs));
  api.use(allowanceRoutes(new AllowanceService(options.store)));
  api.use(adminRoutes(options.store));
  api.use(schemaRoutes());
  api.use(lintRoutes(new LintService(deps.store, deps.cache)));
  api.use(wechat.api);
  api.use(notFoundHandler);
  app.use('/api/v1', api);

  if (options.editorDir) app.use(editorStatic(options.editorDir));
  app.use(notFoundHandler);
  app.use(errorHandler(options.log));
  return app;
}
