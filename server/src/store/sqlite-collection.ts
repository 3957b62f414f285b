import type Database from 'better-sqlite3';
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
import { SqliteGroupCommit } from './sqlite-group-commit.js';

/**
 * `Collection` over one SQLite table (`id TEXT PRIMARY KEY, doc TEXT` holding the document as
 * JSON) through better-sqlite3, the embedded store's backend.
 *
 * Guarantees, as read in better-sqlite3 12 and SQLite 3.5x's documentation:
 * - better-sqlite3 runs every statement synchronously on the calling thread, and each method
 *   here runs synchronously inside a `BEGIN IMMEDIATE` transaction shared by the operations of one
 *   event-loop turn (`SqliteGroupCommit`), so a read-modify-write (an update with a
 *   compare-and-set filter, an upsert) is atomic against every other call in this process; each
 *   writes with one statement (besides the TTL sweep, which may stay when the operation fails),
 *   so a failing one undoes only itself without a savepoint (`ensureIndexes` takes one);
 *   across processes the write lock of `IMMEDIATE` serializes writers (the DATA_DIR lock keeps a
 *   second process away anyway).
 * - When a method's promise settles, its transaction has committed to the WAL file: in WAL mode
 *   with `synchronous=NORMAL` a commit survives the process being killed (kill -9), since the WAL is
 *   written before COMMIT returns; only power loss can lose the last commits. `synchronous=FULL`
 *   (DURABILITY=full) fsyncs the WAL on every commit, surviving power loss too.
 * - Every indexed field also has a column of its own (`f_<field>`, its value as `columnValue`
 *   computes it) kept beside the document by every write, and the indexes are on those columns:
 *   an update rewrites only the index entries of the fields it changed (on an index of
 *   `json_extract(doc, …)` expressions SQLite rewrites every entry whenever the document changes,
 *   measured as a third of a committed /inbound's WAL pages). Queries read an indexed field from
 *   its column and any other field through `json_extract` (`fieldExpr`); a query whose fields are
 *   all in one index reads that index alone (see `createRowidTable`).
 *
 * Dates are stored as `{"$date": epochMs}`: only repository-written top-level fields are ever
 * Dates (opaque user JSON is a string, see `toJsonField`), so the tag cannot collide with data.
 * TTL indexes delete expired rows before an operation on the collection whenever one may exist
 * (see `expire`): expired documents are never seen, as with nedb's lazy expiry.
 */
export class SqliteCollection implements Collection {
  private readonly table: string;
  private specs: IndexSpec[] = [];
  /** The fields with a column (see the class comment), in column order. */
  private columns: string[] = [];
  private ttl: { field: string; expr: string; seconds: number } | null = null;
  private sweep: Database.Statement | null = null;
  private earliestStatement: Database.Statement | null = null;
  /** At most the smallest TTL field value in the table (epoch ms): no row expires before it. */
  private earliest = -Infinity;
  private closed = false;
  /**
   * Prepared once per operation shape (see `stmt`): the repositories use few shapes, and a hit
   * neither builds the SQL text nor hashes it (both measured on a committed /inbound).
   */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly group: SqliteGroupCommit;

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
  ) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad collection name ${name}`);
    this.table = `c_${name}`;
    this.group = SqliteGroupCommit.of(db);
    createRowidTable(db, this.table);
    // Every write keeps the columns that exist, from the first one (`ensureIndexes` adds the missing).
    this.setColumns(fieldColumns(db, this.table));
  }

  async findOne(filter: Filter, options: Pick<FindOptions, 'projection'> = {}): Promise<StoredDoc | null> {
    const rows = await this.find(filter, { ...options, limit: 1 });
    return rows[0] ?? null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<StoredDoc[]> {
    return this.run(() => {
      const where = filterShape(filter);
      const order = options.sort ? Object.entries(options.sort) : [];
      // Limit and offset are parameters, so paging reuses one cached statement per query shape.
      const limited = Boolean(options.limit || options.skip);
      const params = limited ? [...where.params, options.limit ? Math.trunc(options.limit) : -1] : where.params;
      const sortKey = order.map(([f, d]) => `${plainField(f)}${d === -1 ? '-' : '+'}`).join(',');
      const statement = this.stmt(
        `find ${where.shape} ${sortKey} ${limited ? 'l' : ''}${options.skip ? 's' : ''}`,
        () => {
          const whereSql = this.whereSql(where.shape);
          const orderBy =
            order.length > 0
              ? ` ORDER BY ${order.map(([f, d]) => `${this.expr(f)} ${d === -1 ? 'DESC' : 'ASC'}`).join(', ')}`
              : '';
          const limit = limited ? ' LIMIT ?' : '';
          // With an offset, the rows passed over are sorted by key alone (from an index holding the
          // keys) and only the rows kept are read: sorting the documents costs their size per row.
          return options.skip
            ? `SELECT doc FROM ${this.table} WHERE rowid IN (SELECT rowid FROM ${this.table} WHERE ${whereSql}${orderBy}${limit} OFFSET ?)${orderBy}`
            : `SELECT doc FROM ${this.table} WHERE ${whereSql}${orderBy}${limit}`;
        },
      );
      const rows = statement.pluck().all(...params, ...(options.skip ? [Math.trunc(options.skip)] : [])) as string[];
      return rows.map((r) => project(decode(r), options.projection));
    });
  }

  async insertOne(doc: StoredDoc & { _id: string }): Promise<void> {
    await this.run(() => {
      this.insert(doc);
    });
  }

  /**
   * One prepared INSERT run per document, in one operation of the group commit (one transaction),
   * in a savepoint when there are several, so it is all or none. Not a multi-row INSERT: with
   * these expression indexes that measured slower than the same rows one statement each (three
   * event rows: 118–138 µs against 81–120 µs).
   */
  async insertMany(docs: ReadonlyArray<StoredDoc & { _id: string }>): Promise<void> {
    if (docs.length === 0) return;
    await this.run(() => {
      for (const d of docs) this.insert(d);
    }, docs.length > 1);
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    return this.run(() => {
      if (!options.upsert && this.updateInPlace(filter, update)) return { matched: 1, upserted: false };
      const r = this.modify(filter, update, options.upsert ?? false);
      return { matched: r.matched ? 1 : 0, upserted: r.upserted };
    });
  }

  async findOneAndUpdate(
    filter: Filter,
    update: Update,
    options: { upsert?: boolean } = {},
  ): Promise<StoredDoc | null> {
    return this.run(() => this.modify(filter, update, options.upsert ?? false).doc);
  }

  async deleteOne(filter: Filter): Promise<number> {
    return this.run(() => {
      const where = filterShape(filter);
      const id = this.stmt(
        `delete-find ${where.shape}`,
        () => `SELECT id FROM ${this.table} WHERE ${this.whereSql(where.shape)} LIMIT 1`,
      )
        .pluck()
        .get(...where.params);
      if (typeof id !== 'string') return 0;
      return this.stmt('delete', () => `DELETE FROM ${this.table} WHERE id = ?`).run(id).changes;
    });
  }

  async count(filter: Filter): Promise<number> {
    return this.run(() => {
      const where = filterShape(filter);
      return Number(
        this.stmt(
          `count ${where.shape}`,
          () => `SELECT count(*) FROM ${this.table} WHERE ${this.whereSql(where.shape)}`,
        )
          .pluck()
          .get(...where.params),
      );
    });
  }

  async countBy(filter: Filter, field: string, options: { limit?: number } = {}): Promise<GroupCount[]> {
    return this.run(() => {
      const where = filterShape(filter);
      const statement = this.stmt(`count-by ${where.shape} ${plainField(field)} ${options.limit ? 'l' : ''}`, () => {
        // Materialized first: SQLite then takes the grouped field from an index holding it rather than
        // parsing each document (a GROUP BY over the expression itself reads the row; measured 5x slower).
        const sql = `WITH m AS MATERIALIZED (SELECT ${this.expr(field)} AS value FROM ${this.table} WHERE ${this.whereSql(where.shape)}) SELECT value, count(*) AS count FROM m GROUP BY 1 ORDER BY 2 DESC, 1 ASC`;
        return options.limit ? `${sql} LIMIT ?` : sql;
      });
      return statement.all(...where.params, ...(options.limit ? [Math.trunc(options.limit)] : [])) as GroupCount[];
    });
  }

  /**
   * Creates each index (idempotent by name) and drops this collection's indexes that are no longer
   * specified, so a changed TTL or key list takes effect on the next start.
   */
  async ensureIndexes(specs: readonly IndexSpec[]): Promise<void> {
    await this.run(() => {
      const indexed = [...new Set(specs.flatMap((s) => s.fields))].filter((f) => f !== '_id');
      const wanted = new Set(specs.map((spec) => indexName(this.table, spec)));
      // Indexes no longer specified go first: a column they hold can then be dropped.
      const existing = this.db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix%'`)
        .pluck()
        .all(this.table) as string[];
      for (const name of existing) if (!wanted.has(name)) this.db.exec(`DROP INDEX ${name}`);
      this.syncColumns(indexed);
      for (const spec of specs) {
        const cols = spec.fields.map((f) => this.expr(f)).join(', ');
        this.db.exec(
          `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${indexName(this.table, spec)} ON ${this.table} (${cols})`,
        );
        if (spec.expireAfterSeconds !== undefined) {
          const [field] = spec.fields;
          if (spec.fields.length !== 1 || field === undefined)
            throw new Error(`${this.name}: a TTL index has one field`);
          this.ttl = { field, expr: this.expr(field), seconds: spec.expireAfterSeconds };
        }
      }
      this.specs = specs.map((s) => ({ ...s, fields: [...s.fields] }));
      this.sweep = this.ttl ? this.db.prepare(`DELETE FROM ${this.table} WHERE ${this.ttl.expr} < ?`) : null;
      this.earliestStatement = this.ttl
        ? this.db.prepare(`SELECT min(${this.ttl.expr}) FROM ${this.table}`).pluck()
        : null;
      this.earliest = -Infinity;
    }, true);
  }

  async listIndexes(): Promise<IndexSpec[]> {
    return this.specs.map((s) => ({ ...s, fields: [...s.fields] }));
  }

  /** Commits what is pending and refuses later calls; the database itself is closed by its owner. */
  close(): void {
    this.closed = true;
    if (this.db.open) this.group.commit();
  }

  /**
   * The update as one UPDATE statement whose JSON functions rewrite the document inside SQLite:
   * the stored text never crosses into JavaScript to be parsed, walked and written again, which was
   * most of an update's JavaScript time on a committed /inbound. Only the columns of the fields the
   * update names are set (each one's index entries are rewritten), so an update names only what changed.
   * False when nothing matched, or for what `modify` alone does exactly as MongoDB would (an
   * unusual field name, `undefined` values, a field in two operators, `$inc` on a field that is not
   * a number): `modify` then runs instead, and reports no match or throws as before.
   */
  private updateInPlace(filter: Filter, update: Update): boolean {
    const set = Object.entries(update.$set ?? {});
    const unset = Object.keys(update.$unset ?? {});
    const inc = Object.entries(update.$inc ?? {});
    const names = [...set.map(([k]) => k), ...unset, ...inc.map(([k]) => k)];
    if (
      names.length === 0 ||
      new Set(names).size !== names.length ||
      names.some(
        (k) => k === '_id' || !PLAIN_FIELD.test(k) || (k === this.ttl?.field && !set.some(([f]) => f === k)),
      ) ||
      set.some(([, v]) => v === undefined)
    )
      return false;
    const where = filterShape(filter);
    const setColumns = set.filter(([k]) => this.columns.includes(k));
    const incColumns = inc.filter(([k]) => this.columns.includes(k));
    const shape = `update ${where.shape} ${set.map(([k, v]) => (isSqlScalar(v) ? k : `${k}*`)).join(',')} ${unset.join(',')} ${inc.map(([k]) => k).join(',')}`;
    const statement = this.stmt(shape, () => {
      let doc = 'doc';
      if (unset.length > 0) doc = `json_remove(doc, ${unset.map((k) => `'$.${k}'`).join(', ')})`;
      const pairs = [
        ...set.map(([k, v]) => `'$.${k}', ${isSqlScalar(v) ? '?' : 'json(?)'}`),
        ...inc.map(([k]) => `'$.${k}', coalesce(json_extract(doc, '$.${k}'), 0) + ?`),
      ];
      if (pairs.length > 0) doc = `json_set(${doc}, ${pairs.join(', ')})`;
      const columns = [
        ...setColumns.map(([k]) => `${fieldColumn(k)} = ?`),
        ...unset.filter((k) => this.columns.includes(k)).map((k) => `${fieldColumn(k)} = NULL`),
        ...incColumns.map(([k]) => `${fieldColumn(k)} = coalesce(${fieldColumn(k)}, 0) + ?`),
      ];
      const numbers = inc.map(
        ([k]) =>
          ` AND json_type(doc, '$.${k}') IS NOT 'null' AND coalesce(json_type(doc, '$.${k}'), 'integer') IN ('integer', 'real')`,
      );
      return `UPDATE ${this.table} SET doc = ${doc}${columns.map((c) => `, ${c}`).join('')} WHERE id = (SELECT id FROM ${this.table} WHERE ${this.whereSql(where.shape)}${numbers.join('')} LIMIT 1)`;
    });
    const changes = statement.run(
      ...set.map(([, v]) => (isSqlScalar(v) ? v : encode(v as StoredDoc))),
      ...inc.map(([, by]) => by),
      ...setColumns.map(([, v]) => columnValue(v)),
      ...incColumns.map(([, by]) => by),
      ...where.params,
    ).changes;
    if (changes === 0) return false;
    const ttl = this.ttl && set.find(([k]) => k === this.ttl?.field);
    if (ttl) this.noteExpiry({ [ttl[0]]: ttl[1] });
    return true;
  }

  /** Read, apply the update in JS, write back: atomic because `run` runs it synchronously in the turn's transaction. */
  private modify(
    filter: Filter,
    update: Update,
    upsert: boolean,
  ): { matched: boolean; upserted: boolean; doc: StoredDoc | null } {
    const where = filterShape(filter);
    const row = this.stmt(
      `modify-find ${where.shape}`,
      () => `SELECT id, doc FROM ${this.table} WHERE ${this.whereSql(where.shape)} LIMIT 1`,
    ).get(...where.params) as { id: string; doc: string } | undefined;
    if (row) {
      const before = decode(row.doc);
      const next = applyUpdate(before, update);
      // Only the columns whose value changed: each one set rewrites its index entries.
      const changed = this.columns.filter((f) => !sameColumnValue(before[f], next[f]));
      this.stmt(
        `modify-write ${changed.join(',')}`,
        () => `UPDATE ${this.table} SET doc = ?${changed.map((f) => `, ${fieldColumn(f)} = ?`).join('')} WHERE id = ?`,
      ).run(encode(next), ...changed.map((f) => columnValue(next[f])), row.id);
      this.noteExpiry(next);
      return { matched: true, upserted: false, doc: next };
    }
    if (!upsert) return { matched: false, upserted: false, doc: null };
    // Like MongoDB: the new document starts from the filter's equality fields.
    const seed: StoredDoc = {};
    for (const [k, v] of Object.entries(filter)) if (!isOperatorObject(v)) seed[k] = v;
    const doc = applyUpdate(seed, update);
    if (typeof doc['_id'] !== 'string') throw new Error(`${this.name}: an upsert needs a string _id in its filter`);
    this.insert(doc as StoredDoc & { _id: string });
    return { matched: false, upserted: true, doc };
  }

  /** One row: the document and its columns. */
  private insert(doc: StoredDoc & { _id: string }): void {
    this.stmt('insert', () => {
      const cols = this.columns.map((f) => `, ${fieldColumn(f)}`).join('');
      return `INSERT INTO ${this.table} (id, doc${cols}) VALUES (?, ?${', ?'.repeat(this.columns.length)})`;
    }).run(doc._id, encode(doc), ...this.columns.map((f) => columnValue(doc[f])));
    this.noteExpiry(doc);
  }

  private setColumns(columns: string[]): void {
    this.columns = columns;
    // Statements read fields from their columns: shapes prepared before now may read them otherwise.
    this.statements.clear();
  }

  /**
   * Gives exactly the `indexed` fields a column: a new column is filled from every stored document
   * (once, when an upgrade or a new index brings it), a column no index needs is dropped.
   */
  private syncColumns(indexed: readonly string[]): void {
    for (const f of this.columns)
      if (!indexed.includes(f)) this.db.exec(`ALTER TABLE ${this.table} DROP COLUMN ${fieldColumn(f)}`);
    const added = indexed.filter((f) => !this.columns.includes(f));
    for (const f of added) this.db.exec(`ALTER TABLE ${this.table} ADD COLUMN ${fieldColumn(f)}`);
    this.setColumns(fieldColumns(this.db, this.table));
    if (added.length === 0) return;
    const fill = this.db.prepare(
      `UPDATE ${this.table} SET ${added.map((f) => `${fieldColumn(f)} = ?`).join(', ')} WHERE rowid = ?`,
    );
    // By pages of rowids: a large store is never read into memory at once.
    const page = this.db
      .prepare(`SELECT rowid, doc FROM ${this.table} WHERE rowid > ? ORDER BY rowid LIMIT 1000`)
      .raw();
    for (let last = -Infinity, rows = page.all(last) as Array<[number, string]>; rows.length > 0;) {
      for (const [rowid, text] of rows) {
        const doc = decode(text);
        fill.run(...added.map((f) => columnValue(doc[f])), rowid);
        last = rowid;
      }
      rows = page.all(last) as Array<[number, string]>;
    }
  }

  /** How a query reads a field: its column when it has one, else from the document. */
  private expr(field: string): string {
    return this.columns.includes(field) ? fieldColumn(field) : fieldExpr(field);
  }

  /** The WHERE clause of a filter's shape (see `filterShape`). */
  private whereSql(shape: string): string {
    return filterSql(shape, (f) => this.expr(f));
  }

  /**
   * The statement of an operation shape: `shape` names everything its SQL depends on besides the
   * columns (whose change clears the cache), and `sql` builds that SQL the first time.
   */
  private stmt(shape: string, sql: () => string): Database.Statement {
    let s = this.statements.get(shape);
    if (!s) this.statements.set(shape, (s = this.db.prepare(sql())));
    return s;
  }

  /** One operation of the database's group commit (see `SqliteGroupCommit`); `several`: it writes with more than one statement. */
  private async run<T>(op: () => T, several = false): Promise<T> {
    if (this.closed || !this.db.open) throw new StoreUnavailableError(`store closed (${this.name})`);
    try {
      // Inline arrows: a named closure costs a `__name` call per operation under tsx (keepNames).
      return await (several
        ? this.group.runInSavepoint(() => this.expireThen(op))
        : this.group.run(() => this.expireThen(op)));
    } catch (e) {
      // The sweep may have been undone with the failed operation or commit: check again next time.
      this.earliest = -Infinity;
      throw mapSqliteError(e, this.name);
    }
  }

  private expireThen<T>(op: () => T): T {
    this.expire();
    return op();
  }

  /**
   * Deletes the expired documents, only when one can exist: `earliest` is the table's smallest
   * TTL value after the last sweep, lowered by every write, so an operation compares two numbers
   * instead of running a DELETE (a statement per operation was a visible share of a committed
   * /inbound's cost), and still never sees an expired document.
   */
  private expire(): void {
    if (!this.ttl || !this.sweep || !this.earliestStatement) return;
    const cutoff = Date.now() - this.ttl.seconds * 1000;
    if (this.earliest >= cutoff) return;
    this.sweep.run(cutoff);
    const min: unknown = this.earliestStatement.get();
    // NULL: no row has the field; text sorts after every number and never expires.
    this.earliest = typeof min === 'number' ? min : Infinity;
  }

  /** A written document's TTL value lowers `earliest` (a value that is not a time never expires). */
  private noteExpiry(doc: StoredDoc): void {
    if (!this.ttl) return;
    const v = doc[this.ttl.field];
    const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Infinity;
    if (ms < this.earliest) this.earliest = ms;
  }
}

/**
 * `id TEXT PRIMARY KEY, doc TEXT` as a rowid table. Documents are hundreds of bytes, for which
 * SQLite's guidance favours rowid tables; and only a rowid table lets a query answered from an
 * expression index skip the row (a deferred seek): on a WITHOUT ROWID table every index entry
 * visited costs a primary-key seek, measured 20x slower for a range count over an index.
 * A table of the earlier WITHOUT ROWID layout is copied over once, in one transaction (its
 * indexes go with it; `ensureIndexes` builds them again).
 */
function createRowidTable(db: Database.Database, table: string): void {
  const ddl = `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`;
  const existing = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table);
  if (typeof existing !== 'string' || !/WITHOUT\s+ROWID/i.test(existing)) {
    db.exec(ddl);
    return;
  }
  db.transaction(() => {
    db.exec(`ALTER TABLE ${table} RENAME TO ${table}_without_rowid`);
    db.exec(ddl);
    db.exec(`INSERT INTO ${table} (id, doc) SELECT id, doc FROM ${table}_without_rowid`);
    db.exec(`DROP TABLE ${table}_without_rowid`);
  })();
}

/**
 * A value `json_set` stores as itself when bound as is (text as a JSON string, a finite number as a
 * JSON number, NULL as null): a long string, such as a stored JSON field, is then escaped once, in
 * SQLite, rather than by `JSON.stringify` and parsed again by `json()`.
 */
function isSqlScalar(v: unknown): v is string | number | null {
  return typeof v === 'string' || v === null || (typeof v === 'number' && Number.isFinite(v));
}

/** A top-level field name a JSON path can hold unquoted. */
const PLAIN_FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Field columns are named `f_<field>` (see `SqliteCollection`). */
const FIELD_COLUMN_PREFIX = 'f_';

/** The column that holds an indexed field (see `SqliteCollection`). */
export function fieldColumn(field: string): string {
  return `${FIELD_COLUMN_PREFIX}${field}`;
}

/** The fields that have a column in `table`, in column order. */
export function fieldColumns(db: Database.Database, table: string): string[] {
  const names = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  return names.filter((n) => n.startsWith(FIELD_COLUMN_PREFIX)).map((n) => n.slice(FIELD_COLUMN_PREFIX.length));
}

/** The SQL expression for a (top-level) field read from the document; Dates compare by their epoch milliseconds. */
export function fieldExpr(field: string): string {
  if (field === '_id') return 'id';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`unsupported field name ${field}`);
  const path = `'$.${field}'`;
  return `(CASE json_type(doc, ${path}) WHEN 'object' THEN json_extract(doc, '$.${field}."$date"') ELSE json_extract(doc, ${path}) END)`;
}

type SqlValue = string | number | null;

/**
 * MongoDB filter syntax, the subset `Collection` allows (equality, `$lt $lte $gt $gte $in $ne`),
 * as its shape and its parameters: the shape (`status=,at<,key!,kind@3`: `@n` is `$in` of n values) is all the SQL depends
 * on, so the statement of a shape seen before is found without building the SQL (`filterSql`).
 */
function filterShape(filter: Filter): { shape: string; params: SqlValue[] } {
  const terms: string[] = [];
  const params: SqlValue[] = [];
  for (const field of Object.keys(filter)) {
    const cond = filter[field];
    plainField(field);
    if (!isOperatorObject(cond)) {
      if (cond === null || cond === undefined) terms.push(`${field}~`);
      else {
        terms.push(`${field}=`);
        params.push(sqlValue(cond));
      }
      continue;
    }
    for (const op of Object.keys(cond)) {
      const v = cond[op];
      const cmp = COMPARISONS[op];
      if (cmp) {
        terms.push(field + cmp);
        params.push(sqlValue(v));
      } else if (op === '$ne') {
        terms.push(`${field}!`);
        params.push(v === undefined ? null : sqlValue(v));
      } else if (op === '$in') {
        if (!Array.isArray(v)) throw new Error(`$in on ${field} needs an array`);
        terms.push(`${field}@${v.length}`);
        for (const x of v) params.push(sqlValue(x));
      } else throw new Error(`unsupported filter operator ${op}`);
    }
  }
  return { shape: terms.join(','), params };
}

const COMPARISONS: Record<string, string | undefined> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };

/** The WHERE clause of a `filterShape` shape, each field read as `exprOf` says. */
function filterSql(shape: string, exprOf: (field: string) => string): string {
  if (shape === '') return '1';
  return shape
    .split(',')
    .map((term) => {
      const [, field = '', op = ''] = /^(\w+)(.*)$/.exec(term) ?? [];
      const expr = exprOf(field);
      if (op === '=') return `${expr} = ?`;
      if (op === '~') return `${expr} IS NULL`;
      // MongoDB's $ne also matches documents without the field.
      if (op === '!') return `${expr} IS NOT ?`;
      if (op.startsWith('@')) {
        const n = Number(op.slice(1));
        return n === 0 ? '0' : `${expr} IN (${Array.from({ length: n }, () => '?').join(', ')})`;
      }
      return `${expr} ${op} ?`;
    })
    .join(' AND ');
}

/** `field` when it can stand in an operation's shape (and a JSON path): a plain name or `_id`. */
function plainField(field: string): string {
  if (field !== '_id' && !PLAIN_FIELD.test(field)) throw new Error(`unsupported field name ${field}`);
  return field;
}

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !(v instanceof Date) &&
    !Array.isArray(v) &&
    Object.keys(v).some((k) => k.startsWith('$'))
  );
}

/**
 * A stored field's value in its column: what `fieldExpr` reads from the document, so a query
 * compares a filter's `sqlValue` with either alike (a missing field is NULL; a nested value, which
 * no index holds today, its JSON).
 */
function columnValue(v: unknown): SqlValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && !(v instanceof Date)) return JSON.stringify(tagDates(v));
  return sqlValue(v);
}

function sameColumnValue(a: unknown, b: unknown): boolean {
  return a === b || columnValue(a) === columnValue(b);
}

/** How a filter value compares with `fieldExpr`: JSON booleans come back from json_extract as 0/1. */
function sqlValue(v: unknown): SqlValue {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (v === null) return null;
  throw new Error(`unsupported filter value ${JSON.stringify(v)}`);
}

function applyUpdate(doc: StoredDoc, update: Update): StoredDoc {
  const next: StoredDoc = { ...doc };
  for (const [k, v] of Object.entries(update.$set ?? {})) next[k] = v;
  for (const k of Object.keys(update.$unset ?? {})) delete next[k];
  for (const [k, by] of Object.entries(update.$inc ?? {})) {
    const cur = next[k];
    if (cur !== undefined && typeof cur !== 'number') throw new Error(`$inc on non-number field ${k}`);
    next[k] = (cur ?? 0) + by;
  }
  return next;
}

/**
 * Dates are tagged by a walk before a plain `JSON.stringify`, and revived by a walk after a plain
 * `JSON.parse`: a replacer or reviver is a call from C++ into JS per value, measured at about
 * half the store's JavaScript time on a committed /inbound (its documents hold kilobytes of JSON).
 */
function encode(doc: StoredDoc): string {
  return JSON.stringify(tagDates(doc));
}

function decode(text: string): StoredDoc {
  return reviveDates(JSON.parse(text)) as StoredDoc;
}

/**
 * `value` with every Date as `{$date: epochMs}` (what the old replacer wrote): a copy of the objects
 * and arrays on the way to a Date, the rest shared (stored documents hold their bulk as JSON
 * strings and arrays of strings, which need no copy).
 */
function tagDates(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return { $date: value.getTime() };
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const tagged = tagDates(value[i]);
      if (tagged !== value[i]) (out ??= value.slice())[i] = tagged;
    }
    return out ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const obj = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(obj)) {
    const tagged = tagDates(obj[key]);
    if (tagged === obj[key]) continue;
    // Spread defines own keys, so a key named __proto__ stays a key, as JSON.stringify writes it.
    out ??= { ...obj };
    if (key === '__proto__') Object.defineProperty(out, key, { value: tagged, enumerable: true, writable: true });
    else out[key] = tagged;
  }
  return out ?? obj;
}

/** Replaces, in place, every `{$date: number}` object (and nothing else) with its Date. */
function reviveDates(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i]);
    return value;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === '$date' && typeof obj['$date'] === 'number') return new Date(obj['$date']);
  for (const key of keys) {
    const v = obj[key];
    if (typeof v !== 'object' || v === null) continue;
    const revived = reviveDates(v);
    if (revived === v) continue;
    if (key === '__proto__') Object.defineProperty(obj, key, { value: revived, enumerable: true, writable: true });
    else obj[key] = revived;
  }
  return obj;
}

function project(doc: StoredDoc, projection: Record<string, 0 | 1> | undefined): StoredDoc {
  if (!projection) return doc;
  const entries = Object.entries(projection);
  if (entries.some(([, v]) => v === 1)) {
    const out: StoredDoc = { _id: doc['_id'] };
    for (const [k, v] of entries) if (v === 1 && k in doc) out[k] = doc[k];
    if (projection['_id'] === 0) delete out['_id'];
    return out;
  }
  const out = { ...doc };
  for (const [k] of entries) delete out[k];
  return out;
}

/** `ixc_`: on the field columns; an index of the earlier `ix_` names (on expressions) is dropped. */
function indexName(table: string, spec: IndexSpec): string {
  const ttl = spec.expireAfterSeconds === undefined ? '' : `_ttl${spec.expireAfterSeconds}`;
  return `ixc_${table}_${spec.fields.join('_')}${spec.unique ? '_u' : ''}${ttl}`;
}

/** Constraint violations → DuplicateKeyError; I/O and "database is locked/closed" → StoreUnavailableError. */
export function mapSqliteError(e: unknown, name: string): unknown {
  if (!(e instanceof Error) || !('code' in e) || typeof e.code !== 'string') return e;
  const code = e.code;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new DuplicateKeyError(`${name}: ${e.message}`, { cause: e });
  }
  if (
    /^SQLITE_(IOERR|FULL|CANTOPEN|BUSY|LOCKED|READONLY|NOTADB|CORRUPT|PROTOCOL)/.test(code) ||
    /^E[A-Z]+$/.test(code)
  ) {
    return new StoreUnavailableError(`${name}: ${e.message}`, { cause: e });
  }
  return e;
}
