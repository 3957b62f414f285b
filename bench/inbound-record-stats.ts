/**
 * What the inbound records in a data dir take on disk, read from the SQLite file after the server
 * has closed it: the message (for backtests) and the result kept for retries and duplicates. A
 * message "produced nothing" when its stored result has no replies, matches, hand-off or tags.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../server/src/store/open-sqlite-database.js';

export interface RecordGroup {
  count: number;
  /** Average length of the stored document (JSON text, UTF-8 bytes). */
  avgBytes: number;
}

export interface InboundRecordStats {
  /** Messages whose result holds anything (replies, matches, a hand-off or tags). */
  answered: RecordGroup;
  /** Of those, messages that produced at least one reply. */
  withReplies: RecordGroup;
  nothing: RecordGroup;
  /** Records whose result is stored whole rather than compact (should be 0). */
  fullResults: number;
  /** Done records still carrying the copy staged for a crash retry (should be 0). */
  staged: number;
  /** Pages of the table and its indexes (dbstat), per record; null when dbstat is not compiled in. */
  pageBytesPerRecord: number | null;
  /** One stored document that produced nothing, as text, to show what such a record holds. */
  sampleNothing: string | null;
}

/** `keyLike`: a LIKE pattern on the record key, to count only one load's records. */
export function inboundRecordStats(dataDir: string, keyLike = '%'): InboundRecordStats {
  const db = new Database(path.join(dataDir, SQLITE_FILE), { readonly: true });
  try {
    const body = (field: string) => `json_extract(json_extract(doc, '$.body'), '$.${field}')`;
    const nothing = `${body('replies')} IS NULL AND ${body('groupMatches')} IS NULL AND ${body('handoff')} IS NULL AND ${body('tags')} IS NULL`;
    const mine = `json_extract(doc, '$.key') LIKE '${keyLike.replaceAll("'", "''")}' AND json_extract(doc, '$.status') = 'done'`;
    const group = (where: string): RecordGroup => {
      const r = db
        .prepare(
          `SELECT count(*) AS count, avg(length(CAST(doc AS BLOB))) AS avgBytes FROM c_inbound WHERE ${mine} AND ${where}`,
        )
        .get() as { count: number; avgBytes: number | null };
      return { count: r.count, avgBytes: r.avgBytes ?? 0 };
    };
    const count = (where: string) =>
      db.prepare(`SELECT count(*) FROM c_inbound WHERE ${mine} AND ${where}`).pluck().get() as number;
    return {
      answered: group(`NOT (${nothing})`),
      withReplies: group(`${body('replies')} IS NOT NULL`),
      nothing: group(nothing),
      fullResults: count(`${body('compact')} IS NULL`),
      staged: count(`json_extract(doc, '$.staged') IS NOT NULL`),
      pageBytesPerRecord: pageBytesPerRecord(db),
      sampleNothing:
        (db.prepare(`SELECT doc FROM c_inbound WHERE ${mine} AND ${nothing} LIMIT 1`).pluck().get() as
          string | undefined) ?? null,
    };
  } finally {
    db.close();
  }
}

/** Bytes of every file directly in `dir` (the database, its WAL and lock files). */
export function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

function pageBytesPerRecord(db: Database.Database): number | null {
  try {
    const bytes = db
      .prepare(
        `SELECT sum(pgsize) FROM dbstat WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = 'c_inbound')`,
      )
      .pluck()
      .get() as number;
    const rows = db.prepare('SELECT count(*) FROM c_inbound').pluck().get() as number;
    return rows > 0 ? bytes / rows : 0;
  } catch {
    return null; // no dbstat virtual table in this SQLite build
  }
}
