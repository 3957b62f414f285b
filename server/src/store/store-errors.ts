/**
 * Store error classes, each with a stable `code` (vitest / json-rules-engine style). The HTTP
 * layer maps `code` to a status: `STORE_UNAVAILABLE` → 503; `DUPLICATE_KEY` is normally caught by
 * a repository or its caller (e.g. a create of an existing id → 409).
 */
export class StoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A unique index refused a write (SQLite SQLITE_CONSTRAINT_UNIQUE, MongoDB E11000). Nothing was written. */
export class DuplicateKeyError extends StoreError {
  constructor(message = 'duplicate key', options?: { cause?: unknown }) {
    super('DUPLICATE_KEY', message, options);
  }
}

/**
 * The store cannot be reached (MongoDB down, disk refusing writes, store closed). For a write,
 * the promise rejected, so the write was not acknowledged; the caller answers 503.
 */
export class StoreUnavailableError extends StoreError {
  constructor(message = 'the store cannot be reached', options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** A datafile is corrupt beyond a torn last line: refused rather than silently dropped. */
export class StoreCorruptError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_CORRUPT', message, options);
  }
}

/** Misconfiguration found at open: a bad SECRET_KEY, a DATA_DIR held by another process… */
export class StoreConfigError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_CONFIG', message, options);
  }
}
