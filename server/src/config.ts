/** Runtime configuration from the environment (CONTRACT §1; README lists every variable). */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  mongoUri: string | undefined;
  mongoDb: string;
  adminToken: string | undefined;
  logLevel: string;
  bodyLimit: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv): Config {
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, got ${env['PORT']}`);
  return {
    host: env['HOST'] ?? '127.0.0.1',
    port,
    dataDir: env['DATA_DIR'] ?? './data',
    mongoUri: env['MONGODB_URI'] || undefined,
    mongoDb: env['MONGODB_DB'] ?? 'replyflow',
    adminToken: env['ADMIN_TOKEN'] || undefined,
    logLevel: env['LOG_LEVEL'] ?? 'info',
    bodyLimit: env['BODY_LIMIT'] ?? '1mb',
  };
}
