import { MongoClient, MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { mapMongoError, MongoCollection } from '../../server/src/store/mongo-collection.js';
import { dbNameFromUri, openStore, storeOptionsFromEnv } from '../../server/src/store/open-store.js';
import { DuplicateKeyError, StoreConfigError, StoreUnavailableError } from '../../server/src/store/store-errors.js';
import { describeStoreContract } from './store-contract.js';

const MONGODB_URI = process.env['MONGODB_URI'];
const KEY = '01'.repeat(32);

/** The same URI pointing at a throwaway database, so a URI that names a real one is never touched. */
function withDb(uri: string, name: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!m) throw new Error('unrecognised MONGODB_URI');
  return `${m[1]}/${name}${m[2] ?? ''}`;
}

describe.runIf(MONGODB_URI)('MongoDB backend', () => {
  describeStoreContract('mongodb', () => {
    // Built here, not at collection: vitest collects a skipped describe's body too.
    const uri = withDb(MONGODB_URI ?? '', `replyflow_test_${Date.now().toString(36)}`);
    const client = new MongoClient(uri);
    return {
      open: (clock) => openStore({ mongoUri: uri, secretKey: KEY, clock }),
      rawDump: async (collection) => JSON.stringify(await client.db().collection(collection).find({}).toArray()),
      cleanup: async () => {
        await client.db().dropDatabase();
        await client.close();
      },
    };
  });
});

describe('MongoDB adapter without a server', () => {
  it('maps an unreachable server to STORE_UNAVAILABLE at open', async () => {
    const open = openStore({
      mongoUri: 'mongodb://127.0.0.1:1/rf',
      secretKey: KEY,
      mongoServerSelectionTimeoutMS: 200,
    });
    await expect(open).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(open).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('a changed TTL is applied with collMod instead of refusing to start; an index no longer specified is dropped', async () => {
    const created: unknown[] = [];
    const commands: unknown[] = [];
    const dropped: string[] = [];
    const driver = {
      collectionName: 'inbound',
      async createIndex(keys: unknown, options: { expireAfterSeconds?: number }) {
        created.push([keys, options]);
        if (options.expireAfterSeconds === 86_400)
          throw new MongoServerError({ code: 85, errmsg: 'An equivalent index already exists with different options' });
        return 'ok';
      },
      listIndexes: () => ({
        toArray: async () => [
          { name: '_id_', key: { _id: 1 } },
          { name: 'account_1_key_1', key: { account: 1, key: 1 } },
          { name: 'at_1', key: { at: 1 } },
          { name: 'account_1_old_1', key: { account: 1, old: 1 } },
        ],
      }),
      async dropIndex(name: string) {
        dropped.push(name);
      },
    };
    // Only createIndex, listIndexes and dropIndex are reached by ensureIndexes; the cast stands in for the driver's collection.
    const c = new MongoCollection(driver as unknown as ConstructorParameters<typeof MongoCollection>[0], async (cmd) =>
      commands.push(cmd),
    );
    await c.ensureIndexes([
      { fields: ['account', 'key'], unique: true },
      { fields: ['at'], expireAfterSeconds: 86_400 },
    ]);
    expect(created).toHaveLength(2);
    expect(commands).toEqual([{ collMod: 'inbound', index: { keyPattern: { at: 1 }, expireAfterSeconds: 86_400 } }]);
    expect(dropped).toEqual(['account_1_old_1']);
    // Any other index error is not swallowed.
    const failing = {
      ...driver,
      createIndex: async () => Promise.reject(new MongoServerError({ code: 85, errmsg: 'conflict' })),
    };
    const d = new MongoCollection(
      failing as unknown as ConstructorParameters<typeof MongoCollection>[0],
      async () => undefined,
    );
    await expect(d.ensureIndexes([{ fields: ['k'], unique: true }])).rejects.toMatchObject({ code: 85 });
  });

  it('requires SECRET_KEY, shared by every instance', async () => {
    await expect(openStore({ mongoUri: 'mongodb://127.0.0.1:1/rf' })).rejects.toBeInstanceOf(StoreConfigError);
  });

  it('maps E11000 and network errors', () => {
    expect(mapMongoError(new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key' }))).toBeInstanceOf(
      DuplicateKeyError,
    );
    expect(mapMongoError(new MongoNetworkError('connection reset'))).toBeInstanceOf(StoreUnavailableError);
    expect(mapMongoError(new MongoServerError({ code: 10107, errmsg: 'not primary' }))).toBeInstanceOf(
      StoreUnavailableError,
    );
    const other = new MongoServerError({ code: 2, errmsg: 'bad value' });
    expect(mapMongoError(other)).toBe(other);
  });

  it('takes the database from the URI, else MONGODB_DB, else replyflow', () => {
    expect(dbNameFromUri('mongodb://h:27017/shop?replicaSet=rs0')).toBe('shop');
    expect(dbNameFromUri('mongodb+srv://u:p%2Fw@c.example.net/ops')).toBe('ops');
    expect(dbNameFromUri('mongodb://u:p@h1:1,h2:2/?authSource=admin')).toBeUndefined();
    expect(dbNameFromUri('mongodb://h1,h2')).toBeUndefined();
    expect(storeOptionsFromEnv({ MONGODB_URI: 'mongodb://h/x', MONGODB_DB: 'y', SECRET_KEY: 'k' })).toEqual({
      dataDir: './data',
      mongoUri: 'mongodb://h/x',
      mongoDb: 'y',
      secretKey: 'k',
    });
    expect(storeOptionsFromEnv({ DATA_DIR: '/var/rf', MONGODB_URI: '' })).toEqual({ dataDir: '/var/rf' });
    expect(withDb('mongodb://u:p@h1:1,h2:2/prod?authSource=admin', 't')).toBe(
      'mongodb://u:p@h1:1,h2:2/t?authSource=admin',
    );
  });
});
