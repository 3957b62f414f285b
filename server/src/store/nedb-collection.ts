import path from 'node:path';
import nedb from '@seald-io/nedb';
import type { Collection, Filter, FindOptions, IndexSpec, StoredDoc, Update, UpdateResult } from './collection.js';
import { repairTornTail } from './repair-torn-tail.js';
import { DuplicateKeyError, StoreCorruptError, StoreUnavailableError } from './store-errors.js';

/**
 * `Collection` over one nedb datafile (`<dir>/<name>.db`).
 *
 * Durability, as read in @seald-io/nedb 4.1 `lib/`: every insert/update/remove runs in the
 * datastore's executor (one at a time) and awaits `persistence.persistNewStateAsync`, which is
 * `fs.promises.appendFile(line + '\n')` with no user-space buffer; so when a promise resolves the
 * line is in the kernel and survives kill -9 (not power loss: appends are not fsynced; compaction
 * is, via write-temp + fsync + rename). Reads queue behind writes in the same executor, so none
 * sees a document before its line is appended.
 *
 * Caveats handled here:
 * - nedb changes its in-memory copy before appending; if the append fails, memory and disk
 *   disagree, so the collection is poisoned: every later call fails with STORE_UNAVAILABLE
 *   until the store is reopened from disk.
 * - nedb's own autocompaction timer calls `compactDatafile()` without a callback, and a failure
 *   there is an unhandled rejection (fatal in Node 20); `maintain()` is driven by our timer.
 * - TTL (`expireAfterSeconds`) is applied lazily, to documents a query touches; `maintain()`
 *   sweeps the whole collection so expired records do not stay on disk forever.
 */
// The package's types say `export default`, but it is CommonJS `module.exports = Datastore`: under
// NodeNext the class is the default import itself (the `default` branch is for other loaders).
const Datastore: typeof nedb.default = 'default' in nedb ? nedb.default : nedb;
type Datastore = InstanceType<typeof Datastore<StoredDoc>>;

export class NedbCollection implements Collection {
  private poisoned: Error | null = null;
  private closed = false;
  private specs: IndexSpec[] = [];

  private constructor(
    readonly name: string,
    private readonly ds: Datastore,
  ) {}

  /** A collection held in memory only: the sandbox's isolated virtual store. */
  static async inMemory(name: string): Promise<NedbCollection> {
    const ds = new Datastore<StoredDoc>({ inMemoryOnly: true });
    await ds.loadDatabaseAsync();
    return new NedbCollection(name, ds);
  }

  /** Repair a torn last line, then load the datafile (corruption beyond that refuses to load). */
  static async open(dir: string, name: string): Promise<NedbCollection> {
    const filename = path.join(dir, `${name}.db`);
    const ds = new Datastore<StoredDoc>({
      filename,
      corruptAlertThreshold: 0,
      // Holds PII (openids, messages), token hashes and ciphertexts: owner only.
      modes: { fileMode: 0o600, dirMode: 0o700 },
    });
    try {
      await repairTornTail(filename);
      await ds.loadDatabaseAsync();
    } catch (e) {
      if (e instanceof Error && 'corruptionRate' in e) {
        throw new StoreCorruptError(`${filename}: ${e.message}`, { cause: e });
      }
      throw mapError(e, name);
    }
    return new NedbCollection(name, ds);
  }

  async findOne(filter: Filter, options?: Pick<FindOptions, 'projection'>): Promise<StoredDoc | null> {
    const rows = await this.find(filter, { ...options, limit: 1 });
    return rows[0] ?? null;
  }

  find(filter: Filter, options: FindOptions = {}): Promise<StoredDoc[]> {
    return this.run(async () => {
      let cursor = this.ds.findAsync(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.limit) cursor = cursor.limit(options.limit);
      if (options.projection) cursor = cursor.projection(options.projection);
      const rows: StoredDoc[] = await cursor;
      return rows;
    });
  }

  insertOne(doc: StoredDoc & { _id: string }): Promise<void> {
    return this.run(async () => {
      await this.ds.insertAsync(doc);
    });
  }

  updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.run(async () => {
      const r = await this.ds.updateAsync(filter, update, { upsert: options.upsert ?? false });
      return r.upsert ? { matched: 0, upserted: true } : { matched: r.numAffected, upserted: false };
    });
  }

  findOneAndUpdate(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<StoredDoc | null> {
    return this.run(async () => {
      const r = await this.ds.updateAsync(filter, update, {
        upsert: options.upsert ?? false,
        returnUpdatedDocs: true,
      });
      return r.affectedDocuments ?? null;
    });
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.run(() => this.ds.removeAsync(filter, { multi: false }));
  }

  count(filter: Filter): Promise<number> {
    return this.run(async () => {
      const n: number = await this.ds.countAsync(filter);
      return n;
    });
  }

  /**
   * Drops and recreates each index. Why: nedb restores indexes from the datafile at load but
   * not their TTL, and `ensureIndex` returns early for an existing index, so a plain ensure
   * after a restart would silently leave TTL off (nedb 4.1 `datastore.js` ensureIndexAsync).
   */
  ensureIndexes(specs: readonly IndexSpec[]): Promise<void> {
    return this.run(async () => {
      for (const spec of specs) {
        const fieldName = [...spec.fields].sort().join(',');
        await this.ds.removeIndexAsync(fieldName);
        await this.ds.ensureIndexAsync({
          fieldName: spec.fields.length === 1 ? fieldName : [...spec.fields],
          unique: spec.unique ?? false,
          ...(spec.expireAfterSeconds === undefined ? {} : { expireAfterSeconds: spec.expireAfterSeconds }),
        });
        this.specs = this.specs.filter((s) => s.fields.join(',') !== spec.fields.join(','));
        this.specs.push({ ...spec, fields: [...spec.fields] });
      }
    });
  }

  async listIndexes(): Promise<IndexSpec[]> {
    return this.specs.map((s) => ({ ...s, fields: [...s.fields] }));
  }

  /** TTL sweep (reading every document expires the stale ones), then compaction (fsynced). */
  maintain(): Promise<void> {
    return this.run(async () => {
      if (this.specs.some((s) => s.expireAfterSeconds !== undefined)) await this.ds.countAsync({});
      await this.ds.compactDatafileAsync();
    });
  }

  /** Waits for queued operations (compaction runs behind them) and refuses later calls. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (!this.poisoned) await this.maintain();
    } finally {
      this.closed = true;
    }
  }

  private async run<T>(op: () => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreUnavailableError(`store closed (${this.name})`);
    if (this.poisoned) {
      throw new StoreUnavailableError(`${this.name} failed a disk write; reopen the store`, {
        cause: this.poisoned,
      });
    }
    try {
      return await op();
    } catch (e) {
      const mapped = mapError(e, this.name);
      if (mapped instanceof StoreUnavailableError && e instanceof Error) this.poisoned = e;
      throw mapped;
    }
  }
}

function mapError(e: unknown, name: string): unknown {
  if (!(e instanceof Error)) return e;
  if ('errorType' in e && e.errorType === 'uniqueViolated') {
    return new DuplicateKeyError(`${name}: ${e.message}`, { cause: e });
  }
  // Errors from fs carry an errno `code`; nedb's failed fsync is a plain "Failed to flush".
  if (('code' in e && typeof e.code === 'string') || e.message === 'Failed to flush to storage') {
    return new StoreUnavailableError(`${name}: ${e.message}`, { cause: e });
  }
  return e;
}
