/**
 * Runtime configuration from the environment (README lists every variable). The store's own
 * variables (DATA_DIR, MONGODB_URI, MONGODB_DB, SECRET_KEY) are read by `storeOptionsFromEnv`,
 * LOG_LEVEL by `createLogger`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { StartupError } from './startup-error.js';
import { CONVERSATION_RETENTION_DAYS } from './store/conversation-repository.js';

export interface Config {
  host: string;
  port: number;
  adminToken: string | undefined;
  bodyLimit: string;
  /** The built editor served at `/` (see `editorDirFromEnv`). */
  editorDir: string;
  /** How long an instance may serve a workspace before re-reading its version (another instance's publish). */
  workspaceRefreshMs: number;
  /** Days a conversation state is kept after the user's last grant closed (the profile stays). */
  conversationRetentionDays: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new StartupError(
      `PORT 必须是 0–65535 的整数，而不是 ${env['PORT']} / PORT must be an integer 0–65535, got ${env['PORT']}`,
    );
  }
  const refresh = Number(env['WORKSPACE_REFRESH_MS'] ?? 1000);
  if (!Number.isInteger(refresh) || refresh < 0 || refresh > 3_600_000) {
    throw new StartupError(
      `WORKSPACE_REFRESH_MS 必须是 0–3600000 的整数 / WORKSPACE_REFRESH_MS must be an integer 0–3600000, got ${env['WORKSPACE_REFRESH_MS']}`,
    );
  }
  const retention = Number(env['CONVERSATION_RETENTION_DAYS'] ?? CONVERSATION_RETENTION_DAYS);
  if (!Number.isInteger(retention) || retention < 1 || retention > 3650) {
    throw new StartupError(
      `CONVERSATION_RETENTION_DAYS 必须是 1–3650 的整数（天）/ CONVERSATION_RETENTION_DAYS must be a whole number of days 1–3650, got ${env['CONVERSATION_RETENTION_DAYS']}`,
    );
  }
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    adminToken: env['ADMIN_TOKEN'] || undefined,
    bodyLimit: env['BODY_LIMIT'] ?? '1mb',
    editorDir: editorDirFromEnv(env),
    workspaceRefreshMs: refresh,
    conversationRetentionDays: retention,
  };
}

/**
 * EDITOR_DIR: where the editor is built (`npm start`, `npm run build:editor`) and served from;
 * default `editor/dist` of this checkout. Relative paths are from the working directory.
 */
export function editorDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env['EDITOR_DIR'] ? path.resolve(env['EDITOR_DIR']) : path.join(ROOT, 'editor/dist');
}
