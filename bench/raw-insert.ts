import type Database from 'better-sqlite3';
import { fieldColumn, fieldColumns, fieldExpr } from '../server/src/store/sqlite-collection.js';

/**
 * An INSERT of `(id, doc)` straight into a collection's table, for generating large stores fast:
 * each indexed field's column (see sqlite-collection.ts) is filled from the document, as the
 * store's own writes fill it.
 */
export function rawInsert(db: Database.Database, table: string): Database.Statement<[string, string]> {
  const fields = fieldColumns(db, table);
  const cols = fields.map((f) => `, ${fieldColumn(f)}`).join('');
  const values = fields.map((f) => `, ${fieldExpr(f)}`).join('');
  return db.prepare(`INSERT INTO ${table} (id, doc${cols}) SELECT id, doc${values} FROM (SELECT ? AS id, ? AS doc)`);
}
