import {
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  type Collection as DriverCollection,
  type UpdateFilter,
} from 'mongodb';
import type {
  Collection,
  Filter,
  FindOptions,
  GroupCount,
  IndexSpec,
  StoredDoc,
  Update,
  UpdateResult,
} from './collection.js';
import { DuplicateKeyError, StoreUnavailableError } from './store-errors.js';

/**
 * `Collection` over the official driver: a thin mapping, so that all behaviour lives in the
 * repositories (tested on SQLite). Writes use the client's write concern (the server default,
 * `majority` on replica sets since MongoDB 5.0).
 */
/** Every repository supplies string `_id`s, so ObjectIds never appear. */
export interface MongoDoc {
  _id: string;
  [field: string]: unknown;
}

export class MongoCollection implements Collection {
  readonly name: string;

  /** `modifyIndex` runs `collMod` on the collection's database (a changed TTL, see ensureIndexes). */
  constructor(
    private readonly c: DriverCollection<MongoDoc>,
    private readonly modifyIndex: (command: Record<string, unknown>) => Promise<unknown>,
  ) {
    this.name = c.collectionName;
  }

  findOne(filter: Filter, options: Pick<FindOptions, 'projection'> = {}): Promise<StoredDoc | null> {
    return call(() => this.c.findOne(filter, options.projection ? { projection: options.projection } : {}));
  }

  find(filter: Filter, options: FindOptions = {}): Promise<StoredDoc[]> {
    return call(() => {
      const cursor = this.c.find(filter);
      if (options.sort) cursor.sort(options.sort);
      if (options.skip) cursor.skip(options.skip);
      if (options.limit) cursor.limit(options.limit);
      if (options.projection) cursor.project(options.projection);
      return cursor.toArray();
    });
  }

  insertOne(doc: StoredDoc & { _id: string }): Promise<void> {
    return call(async () => {
      await this.c.insertOne({ ...doc });
    });
  }

  insertMany(docs: ReadonlyArray<StoredDoc & { _id: string }>): Promise<void> {
    return call(async () => {
      // The driver refuses an empty batch.
      if (docs.length > 0)
        await this.c.insertMany(
          docs.map((d) => ({ ...d })),
          { ordered: true },
        );
    });
  }

  updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return call(async () => {
      const r = await this.c.updateOne(filter, driverUpdate(update), { upsert: options.upsert ?? false });
      return { matched: r.matchedCount, upserted: r.upsertedCount > 0 };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<StoredDoc | null> {
    return call(() =>
      this.c.findOneAndUpdate(filter, driverUpdate(update), {
        upsert: options.upsert ?? false,
        returnDocument: 'after',
      }),
    );
  }

  deleteOne(filter: Filter): Promise<number> {
    return call(async () => (await this.c.deleteOne(filter)).deletedCount);
  }

  count(filter: Filter): Promise<number> {
    return call(() => this.c.countDocuments(filter));
  }

  countBy(filter: Filter, field: string, options: { limit?: number } = {}): Promise<GroupCount[]> {
    return call(async () => {
      const pipeline: Record<string, unknown>[] = [
        { $match: filter },
        { $group: { _id: `$${field}`, count: { $sum: 1 } } },
        { $sort: { count: -1, _id: 1 } },
        ...(options.limit ? [{ $limit: options.limit }] : []),
        { $project: { _id: 0, value: { $ifNull: ['$_id', null] }, count: 1 } },
      ];
      const rows = await this.c.aggregate<GroupCount>(pipeline).toArray();
      return rows.map((r) => ({ value: r.value, count: r.count }));
    });
  }

  /**
   * createIndex is idempotent for an identical index; a TTL whose duration changed conflicts
   * (IndexOptionsConflict, code 85) and is changed in place with `collMod`, so a new retention
   * setting applies on the next start instead of refusing it.
   */
  ensureIndexes(specs: readonly IndexSpec[]): Promise<void> {
    return call(async () => {
      for (const spec of specs) {
        const keys: Record<string, 1> = {};
        for (const f of spec.fields) keys[f] = 1;
        const ttl = spec.expireAfterSeconds;
        try {
          await this.c.createIndex(keys, {
            unique: spec.unique ?? false,
            ...(ttl === undefined ? {} : { expireAfterSeconds: ttl }),
          });
        } catch (e) {
          if (!(ttl !== undefined && e instanceof MongoServerError && e.code === INDEX_OPTIONS_CONFLICT)) throw e;
          await this.modifyIndex({ collMod: this.name, index: { keyPattern: keys, expireAfterSeconds: ttl } });
        }
      }
      // An index no longer specified (a changed key list) is dropped, as on SQLite: every index
      // costs every write.
      const wanted = new Set(specs.map((s) => s.fields.join('\u0000')));
      for (const ix of await this.c.listIndexes().toArray()) {
        const key: unknown = ix['key'];
        const name: unknown = ix['name'];
        if (typeof key !== 'object' || key === null || typeof name !== 'string' || name === '_id_') continue;
        if (!wanted.has(Object.keys(key).join('\u0000'))) await this.c.dropIndex(name);
      }
    });
  }

  listIndexes(): Promise<IndexSpec[]> {
    return call(async () => {
      const out: IndexSpec[] = [];
      for (const ix of await this.c.listIndexes().toArray()) {
        const key: unknown = ix['key'];
        if (typeof key !== 'object' || key === null) continue;
        const fields = Object.keys(key);
        if (fields.length === 1 && fields[0] === '_id') continue;
        const spec: IndexSpec = { fields };
        if (ix['unique'] === true) spec.unique = true;
        const ttl: unknown = ix['expireAfterSeconds'];
        if (typeof ttl === 'number') spec.expireAfterSeconds = ttl;
        out.push(spec);
      }
      return out;
    });
  }
}

/**
 * The driver's `UpdateFilter` types each operator by the schema's field types; our documents are
 * open records (`unknown` values), which it cannot express. `Update` only holds `$set/$unset/$inc`
 * with the values MongoDB accepts there, so the cast is sound at this boundary.
 */
function driverUpdate(update: Update): UpdateFilter<MongoDoc> {
  return update as UpdateFilter<MongoDoc>;
}

const INDEX_OPTIONS_CONFLICT = 85;

/** Server error codes that mean "not reachable right now" rather than "bad request". */
const UNAVAILABLE_CODES = new Set([6, 7, 89, 91, 189, 10107, 11600, 11602, 13435, 13436]);

async function call<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw mapMongoError(e);
  }
}

/** E11000 → DuplicateKeyError; connection and failover faults → StoreUnavailableError. */
export function mapMongoError(e: unknown): unknown {
  if (e instanceof MongoServerError && e.code === 11000) {
    return new DuplicateKeyError(e.message, { cause: e });
  }
  if (
    e instanceof MongoNetworkError ||
    e instanceof MongoServerSelectionError ||
    e instanceof MongoTopologyClosedError ||
    e instanceof MongoNotConnectedError ||
    (e instanceof MongoServerError && typeof e.code === 'number' && UNAVAILABLE_CODES.has(e.code)) ||
    (e instanceof MongoError && e.hasErrorLabel('RetryableWriteError'))
  ) {
    return new StoreUnavailableError(`MongoDB: ${e.message}`, { cause: e });
  }
  return e;
}
