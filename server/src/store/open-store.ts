import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import { AccessTokenRepository } from './access-token-repository.js';
import { AccountRepository } from './account-repository.js';
import { AuditRepository } from './audit-repository.js';
import type { Collection, IndexSpec } from './collection.js';
import { ConversationRepository } from './conversation-repository.js';
import { ProfileRepository } from './profile-repository.js';
import { lockDataDir } from './data-dir-lock.js';
import { DocumentRepository } from './document-repository.js';
import { EventRepository, INSIGHTS_RETENTION_DAYS } from './event-repository.js';
import { InboundLogRepository } from './inbound-log-repository.js';
import { MongoCollection, mapMongoError } from './mongo-collection.js';
import { SqliteCollection, mapSqliteError } from './sqlite-collection.js';
import { openSqliteDatabase, SQLITE_FILE, type Durability } from './open-sqlite-database.js';
import { importNedbDataDir } from './import-nedb-data-dir.js';
import { SqliteCheckpointer } from './sqlite-checkpointer.js';
import { PackCatalogRepository } from './pack-catalog-repository.js';
import { PackInstallRepository } from './pack-install-repository.js';
import { ReplyLogRepository } from './reply-log-repository.js';
import { SecretBox, loadOrCreateKeyFile } from './secret-box.js';
import { StoreConfigError } from './store-errors.js';
import { TokenRepository } from './token-repository.js';
import { TurnRepository } from './turn-repository.js';
import { VersionRepository } from './version-repository.js';

export interface StoreOptions {
  /** Embedded store directory (default `./data`); ignored when `mongoUri` is set. */
  dataDir?: string;
  mongoUri?: string;
  /** Used when the URI names no database; default `replyflow`. */
  mongoDb?: string;
  /** 32 bytes, hex or base64. Required with MongoDB; embedded default: `DATA_DIR/secret.key`. */
  secretKey?: string;
  /** Embedded store: `normal` (default: survives kill -9) or `full` (also power loss). */
  durability?: Durability;
  /** How long to wait for a MongoDB server before STORE_UNAVAILABLE (default 5 s). */
  mongoServerSelectionTimeoutMS?: number;
  /**
   * Server time in epoch ms (default `Date.now`): it alone dates what expires (dedup records,
   * reply history) and leases, never a message's own or a sandbox's virtual time.
   */
  clock?: () => number;
  /** How long conversation events and turns are kept, by server time (default 180 days). */
  insightsRetentionDays?: number;
  /** How long a conversation state is kept after the user's last grant closed (default 30 days). */
  conversationRetentionDays?: number;
}

export interface Store {
  conversations: ConversationRepository;
  /** Each user's tags, topic counters and nickname: they outlive the conversation state. */
  profiles: ProfileRepository;
  inbound: InboundLogRepository;
  documents: DocumentRepository;
  versions: VersionRepository;
  tokens: TokenRepository;
  accounts: AccountRepository;
  /** WeChat access_tokens shared by all instances. */
  accessTokens: AccessTokenRepository;
  packs: PackInstallRepository;
  /** Packs each account imported (the catalog beside `examples/packs/`). */
  packCatalog: PackCatalogRepository;
  audit: AuditRepository;
  replies: ReplyLogRepository;
  /** Conversation facts and per-turn summaries behind the queue and the metrics (CONTRACT §12). */
  events: EventRepository;
  turns: TurnRepository;
  /** 'sqlite' (the embedded default) or 'mongodb'. */
  kind: 'sqlite' | 'mongodb';
  /** The indexes in force per collection (diagnostics and tests: unique and TTL indexes). */
  describeIndexes(): Promise<Record<string, IndexSpec[]>>;
  /** Resolves when the store can serve; rejects with STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const LEGACY_PACK_INDEXES: readonly IndexSpec[] = [{ fields: ['account', 'packId'], unique: true }];

/** The collections and the indexes each needs; the same for both backends. */
const LAYOUT = {
  conversations: ConversationRepository.indexes,
  profiles: ProfileRepository.indexes,
  inbound: InboundLogRepository.indexes,
  drafts: DocumentRepository.indexes,
  versions: VersionRepository.indexes,
  workspaces: [],
  tokens: TokenRepository.indexes,
  accounts: AccountRepository.indexes,
  accessTokens: AccessTokenRepository.indexes,
  /** The pack rows of the earlier layout, read once per account (version-repository.ts). */
  packs: LEGACY_PACK_INDEXES,
  packBodies: PackInstallRepository.indexes,
  catalog: PackCatalogRepository.indexes,
  audit: AuditRepository.indexes,
  replies: ReplyLogRepository.indexes,
  events: EventRepository.indexes(INSIGHTS_RETENTION_DAYS * 86_400),
  turns: TurnRepository.indexes(INSIGHTS_RETENTION_DAYS * 86_400),
} satisfies Record<string, readonly IndexSpec[]>;
type Name = keyof typeof LAYOUT;

/** LAYOUT with the retention the options set for the insight collections. */
function indexesOf(name: Name, options: Pick<StoreOptions, 'insightsRetentionDays'>): readonly IndexSpec[] {
  const days = options.insightsRetentionDays;
  if (days === undefined) return LAYOUT[name];
  if (name === 'events') return EventRepository.indexes(days * 86_400);
  if (name === 'turns') return TurnRepository.indexes(days * 86_400);
  return LAYOUT[name];
}

/**
 * Opens MongoDB when `mongoUri` is set, else the embedded SQLite store under `dataDir`, and
 * creates the indexes. Faults reaching the store reject with `StoreUnavailableError`.
 *
 * @example
 * const store = await openStore(storeOptionsFromEnv(process.env));
 */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  return options.mongoUri ? openMongo(options.mongoUri, options) : openSqlite(options.dataDir ?? './data', options);
}

/** Reads DATA_DIR, DURABILITY, MONGODB_URI, MONGODB_DB and SECRET_KEY (CONTRACT §1). */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv): StoreOptions {
  const pick = (k: string): string | undefined => (env[k] ? env[k] : undefined);
  const out: StoreOptions = { dataDir: pick('DATA_DIR') ?? './data' };
  const uri = pick('MONGODB_URI');
  const db = pick('MONGODB_DB');
  const key = pick('SECRET_KEY');
  const durability = pick('DURABILITY');
  const retention = pick('INSIGHTS_RETENTION_DAYS');
  if (uri) out.mongoUri = uri;
  if (db) out.mongoDb = db;
  if (key) out.secretKey = key;
  if (durability !== undefined) {
    if (durability !== 'normal' && durability !== 'full') {
      throw new StoreConfigError(`DURABILITY must be "normal" or "full", not "${durability}"`);
    }
    out.durability = durability;
  }
  if (retention !== undefined) {
    const days = Number(retention);
    if (!Number.isInteger(days) || days < 1)
      throw new StoreConfigError(`INSIGHTS_RETENTION_DAYS must be a whole number of days, not "${retention}"`);
    out.insightsRetentionDays = days;
  }
  return out;
}

/** The database named in a MongoDB URI's path (`mongodb://h1,h2/name?opts`), if any. */
export function dbNameFromUri(uri: string): string | undefined {
  const rest = uri.replace(/^mongodb(\+srv)?:\/\//, '');
  const afterHosts = rest.slice(rest.lastIndexOf('@') + 1);
  const slash = afterHosts.indexOf('/');
  if (slash < 0) return undefined;
  const name = decodeURIComponent(afterHosts.slice(slash + 1).split('?')[0] ?? '');
  return name === '' ? undefined : name;
}

/**
 * A store that lives in memory only, with the same repositories and behaviour: the sandbox's
 * isolated virtual store (SQLite in memory), so a preview runs the production code path and
 * touches nothing real.
 */
export async function openMemoryStore(
  options: Pick<StoreOptions, 'clock' | 'insightsRetentionDays' | 'conversationRetentionDays'> = {},
): Promise<Store> {
  const db = openSqliteDatabase(null);
  const cols = await openEach(async (name) => {
    const c = new SqliteCollection(db, name);
    await c.ensureIndexes(indexesOf(name, options));
    return c;
  });
  return assemble('sqlite', cols, SecretBox.fromString(randomBytes(32).toString('hex')), options, {
    ping: async () => undefined,
    close: async () => {
      for (const c of Object.values(cols)) c.close();
      db.close();
    },
  });
}

async function openSqlite(dataDir: string, options: StoreOptions): Promise<Store> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const release = await lockDataDir(dataDir);
  let db: Database.Database | undefined;
  try {
    const box = options.secretKey ? SecretBox.fromString(options.secretKey) : await loadOrCreateKeyFile(dataDir);
    const fresh = !existsSync(path.join(dataDir, SQLITE_FILE));
    try {
      db = openSqliteDatabase(dataDir, options.durability);
    } catch (e) {
      throw mapSqliteError(e, SQLITE_FILE);
    }
    // Holds PII (openids, messages), token hashes and ciphertexts: owner only.
    await chmod(path.join(dataDir, SQLITE_FILE), 0o600);
    const opened = db;
    const cols = await openEach(async (name) => {
      const c = new SqliteCollection(opened, name);
      await c.ensureIndexes(indexesOf(name, options));
      return c;
    });
    if (fresh) await importNedbDataDir(dataDir, cols);
    const checkpointer = SqliteCheckpointer.start(path.join(dataDir, SQLITE_FILE), options.durability ?? 'normal');
    return assemble('sqlite', cols, box, options, {
      ping: async () => {
        await cols.workspaces.count({ _id: '\u0000ping' });
      },
      close: async () => {
        try {
          for (const c of Object.values(cols)) c.close();
          await checkpointer.stop();
          opened.close();
        } finally {
          await release();
        }
      },
    });
  } catch (e) {
    db?.close();
    await release();
    throw e;
  }
}

async function openMongo(uri: string, options: StoreOptions): Promise<Store> {
  if (!options.secretKey) {
    // A per-instance key file would let each instance read only its own writes.
    throw new StoreConfigError('SECRET_KEY is required with MONGODB_URI (shared by every instance)');
  }
  const box = SecretBox.fromString(options.secretKey);
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: options.mongoServerSelectionTimeoutMS ?? 5000,
  });
  try {
    await client.connect();
    const db = client.db(dbNameFromUri(uri) ?? options.mongoDb ?? 'replyflow');
    const cols = await openEach(async (name) => {
      const c = new MongoCollection(db.collection(name), (command) => db.command(command));
      await c.ensureIndexes(indexesOf(name, options));
      return c;
    });
    return assemble('mongodb', cols, box, options, {
      ping: async () => {
        try {
          await db.command({ ping: 1 });
        } catch (e) {
          throw mapMongoError(e);
        }
      },
      close: () => client.close(),
    });
  } catch (e) {
    await client.close().catch(() => undefined);
    throw mapMongoError(e);
  }
}

/** One after the other, so index creation errors stay ordered. */
async function openEach<C>(open: (name: Name) => Promise<C>): Promise<Record<Name, C>> {
  return {
    conversations: await open('conversations'),
    profiles: await open('profiles'),
    inbound: await open('inbound'),
    drafts: await open('drafts'),
    versions: await open('versions'),
    workspaces: await open('workspaces'),
    tokens: await open('tokens'),
    accounts: await open('accounts'),
    accessTokens: await open('accessTokens'),
    packs: await open('packs'),
    packBodies: await open('packBodies'),
    catalog: await open('catalog'),
    audit: await open('audit'),
    replies: await open('replies'),
    events: await open('events'),
    turns: await open('turns'),
  };
}

function assemble(
  kind: Store['kind'],
  cols: Record<Name, Collection>,
  box: SecretBox,
  options: Pick<StoreOptions, 'clock' | 'conversationRetentionDays'>,
  life: Pick<Store, 'ping' | 'close'>,
): Store {
  const serverNow = options.clock ?? Date.now;
  const names = Object.keys(cols).filter((n): n is Name => n in cols);
  const versions = new VersionRepository(cols.versions, cols.workspaces, {
    drafts: cols.drafts,
    packs: cols.packs,
    packBodies: cols.packBodies,
    accounts: cols.accounts,
  });
  return {
    kind,
    conversations: new ConversationRepository(cols.conversations, serverNow, options.conversationRetentionDays),
    profiles: new ProfileRepository(cols.profiles),
    inbound: new InboundLogRepository(cols.inbound, serverNow),
    documents: new DocumentRepository(cols.drafts, versions),
    versions,
    tokens: new TokenRepository(cols.tokens),
    accounts: new AccountRepository(cols.accounts, box, versions),
    accessTokens: new AccessTokenRepository(cols.accessTokens, box),
    packs: new PackInstallRepository(cols.packBodies, versions),
    packCatalog: new PackCatalogRepository(cols.catalog),
    audit: new AuditRepository(cols.audit),
    replies: new ReplyLogRepository(cols.replies, serverNow),
    events: new EventRepository(cols.events, serverNow),
    turns: new TurnRepository(cols.turns, serverNow),
    describeIndexes: async () =>
      Object.fromEntries(await Promise.all(names.map(async (n) => [n, await cols[n].listIndexes()] as const))),
    ...life,
  };
}
