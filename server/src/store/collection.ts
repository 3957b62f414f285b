/**
 * The one backend-neutral surface every repository is written against. Filters and updates use
 * MongoDB syntax, limited to what both SQLite (sqlite-collection.ts) and MongoDB implement identically:
 * filters: equality, `$lt $lte $gt $gte $in $ne`; updates: `$set $unset $inc`.
 * Atomicity: every method is atomic on one document in both backends, which is all the
 * repositories rely on (compare-and-set by putting the expected version in the filter).
 */
export type StoredDoc = Record<string, unknown>;
export type Filter = Readonly<Record<string, unknown>>;

export interface Update {
  $set?: Record<string, unknown>;
  $unset?: Record<string, true>;
  $inc?: Record<string, number>;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  /** 0 or absent: no limit. */
  limit?: number;
  /** Documents to pass over first, in sort order (a percentile is one sorted read at an offset). */
  skip?: number;
  projection?: Record<string, 0 | 1>;
}

export interface IndexSpec {
  /** Ascending keys, in order. A TTL index must have exactly one field holding a Date. */
  fields: readonly string[];
  unique?: boolean;
  /** TTL: documents expire this long after the Date in the (single) field. */
  expireAfterSeconds?: number;
}

export interface UpdateResult {
  /** Documents matched by the filter (0 or 1). An upsert that inserted reports 0. */
  matched: number;
  upserted: boolean;
}

/** One group of `countBy`: a field's value (a string or number; null when absent) and its count. */
export interface GroupCount {
  value: string | number | null;
  count: number;
}

export interface Collection {
  readonly name: string;
  findOne(filter: Filter, options?: Pick<FindOptions, 'projection'>): Promise<StoredDoc | null>;
  find(filter: Filter, options?: FindOptions): Promise<StoredDoc[]>;
  /** Our repositories always supply a string `_id`. Throws `DuplicateKeyError`. */
  insertOne(doc: StoredDoc & { _id: string }): Promise<void>;
  /**
   * Inserts the documents in order, as one write (the several facts of one message): SQLite
   * inserts all or none; MongoDB (an ordered `insertMany`) stops at the first failure, keeping
   * those before it. Throws `DuplicateKeyError`. An empty list writes nothing.
   */
  insertMany(docs: ReadonlyArray<StoredDoc & { _id: string }>): Promise<void>;
  updateOne(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<UpdateResult>;
  /** Atomic update returning the document after it; null when nothing matched and no upsert. */
  findOneAndUpdate(filter: Filter, update: Update, options?: { upsert?: boolean }): Promise<StoredDoc | null>;
  deleteOne(filter: Filter): Promise<number>;
  count(filter: Filter): Promise<number>;
  /**
   * How many matching documents hold each value of `field`, most frequent first (ties by value),
   * at most `limit` groups (0 or absent: all). The one aggregation the store runs for reports
   * (SQL GROUP BY, a MongoDB `$group` pipeline): counting by reason code, keyword group or
   * time bucket, none of which `count` can do without knowing every value beforehand.
   */
  countBy(filter: Filter, field: string, options?: { limit?: number }): Promise<GroupCount[]>;
  ensureIndexes(specs: readonly IndexSpec[]): Promise<void>;
  /** The indexes in force (without the implicit `_id` one), for checks and tests. */
  listIndexes(): Promise<IndexSpec[]>;
}
