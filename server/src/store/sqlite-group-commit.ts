import type Database from 'better-sqlite3';
import { StoreUnavailableError } from './store-errors.js';

/** Captured at load so a test's fake timers cannot hold a commit back. */
const nextTurn = setImmediate;
const later = setTimeout;

/**
 * Under load (the last commit carried at least `BUSY_OPERATIONS` operations) a transaction stays
 * open `BUSY_WINDOW_MS` instead of one turn, so the operations of the next turns share its commit:
 * a commit writes each page it touched once however many operations touched it (the tails of the
 * append-only tables and their indexes, the header), measured at 100,000 users as 11.6 → 6.3 WAL
 * pages per committed /inbound. Idle, a commit still comes at the next turn: no added latency.
 */
const BUSY_OPERATIONS = 8;
const BUSY_WINDOW_MS = 1;

/** An operation's outcome, delivered once its transaction committed (data, not a closure: one per operation). */
interface Waiter {
  outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: the operations issued in one turn of the event loop (under load, in a window of
 * about a millisecond), on all collections of one database, share one `BEGIN IMMEDIATE`
 * transaction, committed in the next `setImmediate` (or when the window closes); a failing
 * operation undoes only itself: one that writes with a single statement relies on SQLite undoing a
 * failed statement (its default ABORT conflict resolution leaves the transaction open), and one
 * that writes with several runs in a savepoint (`runInSavepoint`). Reads and single-statement
 * writes, nearly every operation, skip the savepoint: its two statements cost more than a small
 * operation itself (measured on a committed /inbound).
 *
 * Why: a commit (writing the touched pages to the WAL) costs far more than the statements of a
 * small operation, and a committed `/inbound` makes about a dozen; under concurrent requests the
 * operations of many requests now share a commit.
 *
 * What it keeps: every operation runs synchronously inside its savepoint, so a compare-and-set is
 * as atomic as before; no outcome (value or error) is delivered before the transaction it was
 * computed in has committed, so a caller never acts on, or acknowledges, anything a crash could
 * undo (kill -9 after COMMIT keeps it, see `openSqliteDatabase`). If the COMMIT itself fails,
 * every operation of the turn is rejected with that error and none of them took effect.
 */
export class SqliteGroupCommit {
  private static readonly byDatabase = new WeakMap<Database.Database, SqliteGroupCommit>();
  private waiting: Waiter[] = [];
  /** This turn's transaction was begun: if SQLite rolled it back on an error, later operations of the turn must not run outside it. */
  private begun = false;
  /** Operations the last commit carried: how busy the store is. */
  private lastCommitSize = 0;
  private readonly savepoint: (op: () => unknown) => unknown;

  static of(db: Database.Database): SqliteGroupCommit {
    let g = SqliteGroupCommit.byDatabase.get(db);
    if (!g) SqliteGroupCommit.byDatabase.set(db, (g = new SqliteGroupCommit(db)));
    return g;
  }

  private constructor(private readonly db: Database.Database) {
    // Inside an open transaction better-sqlite3 runs a transaction function as a savepoint.
    this.savepoint = db.transaction((op: () => unknown) => op());
  }

  /**
   * Runs `op` now, in this turn's transaction; settles once that transaction has committed. `op`
   * reads, or writes with at most one statement (a failed statement undoes itself).
   */
  run<T>(op: () => T): Promise<T> {
    return this.inTurn(op);
  }

  /** The same for an operation that writes with several statements: a savepoint undoes all of them if it fails. */
  runInSavepoint<T>(op: () => T): Promise<T> {
    return this.inTurn(() => this.savepoint(op) as T);
  }

  private inTurn<T>(op: () => T): Promise<T> {
    let outcome: Waiter['outcome'];
    try {
      this.begin();
      outcome = { ok: true, value: op() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ outcome, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private begin(): void {
    if (this.db.inTransaction) return;
    // Some errors (SQLITE_FULL, IOERR, BUSY) roll the whole transaction back: the turn is lost, and
    // an operation run now would commit on its own while its turn's COMMIT fails.
    if (this.begun) throw new StoreUnavailableError("this turn's transaction was rolled back by an earlier error");
    this.db.exec('BEGIN IMMEDIATE');
    this.begun = true;
    if (this.lastCommitSize >= BUSY_OPERATIONS) later(() => this.commit(), BUSY_WINDOW_MS);
    else nextTurn(() => this.commit());
  }

  /** Commits the open transaction (if any) and settles its operations; also called before close. */
  commit(): void {
    const waiting = this.waiting;
    this.waiting = [];
    this.lastCommitSize = waiting.length;
    const begun = this.begun;
    this.begun = false;
    let commitError: unknown = undefined;
    if (this.db.open && this.db.inTransaction) {
      try {
        this.db.exec('COMMIT');
      } catch (e) {
        commitError = e;
        try {
          if (this.db.inTransaction) this.db.exec('ROLLBACK');
        } catch {
          // The connection is broken: the rollback error says nothing more than the commit's.
        }
      }
    } else if (!this.db.open) {
      commitError = new StoreUnavailableError('the store was closed before these writes committed');
    } else if (begun) {
      commitError = new StoreUnavailableError('the transaction of these writes was rolled back by an error');
    }
    for (const w of waiting) {
      if (commitError !== undefined) w.reject(commitError);
      else if (w.outcome.ok) w.resolve(w.outcome.value);
      else w.reject(w.outcome.error);
    }
  }
}
