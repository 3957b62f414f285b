import { existsSync } from 'node:fs';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Collection, StoredDoc } from './collection.js';
import { StoreCorruptError } from './store-errors.js';

/**
 * One-time import of a DATA_DIR written by an earlier ReplyFlow (one NeDB datafile per
 * collection, `<name>.db`) into a fresh SQLite store, run on the first start after the upgrade.
 * Imported files are renamed `<name>.db.imported`, kept for the operator to delete.
 *
 * The NeDB datafile format (as read in @seald-io/nedb 4.1 `lib/persistence.js` and `lib/model.js`):
 * one JSON document per line, appended on every write, so a later line for the same `_id`
 * replaces an earlier one; `{"$$deleted":true,"_id":…}` removes it; lines without `_id` record
 * index definitions; Dates are `{"$$date": epochMs}`. A torn last line (a crash mid-append) is
 * skipped; any other unreadable line refuses the import rather than silently dropping data.
 *
 * @returns the number of documents imported per collection.
 */
export async function importNedbDataDir(
  dataDir: string,
  cols: Readonly<Record<string, Collection>>,
): Promise<Record<string, number>> {
  const imported: Record<string, number> = {};
  for (const [name, collection] of Object.entries(cols)) {
    const file = path.join(dataDir, `${name}.db`);
    if (!existsSync(file)) continue;
    const docs = parseNedbDatafile(await readFile(file, 'utf8'), file);
    for (const doc of docs) await collection.insertOne(doc);
    await rename(file, `${file}.imported`);
    imported[name] = docs.length;
  }
  return imported;
}

/** The live documents of one NeDB datafile, in first-insertion order. */
export function parseNedbDatafile(text: string, file: string): Array<StoredDoc & { _id: string }> {
  const byId = new Map<string, StoredDoc & { _id: string }>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let doc: StoredDoc;
    try {
      doc = JSON.parse(line, (_k, v: unknown) => {
        const ms = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['$$date'] : undefined;
        return typeof ms === 'number' ? new Date(ms) : v;
      }) as StoredDoc;
    } catch (e) {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      if (last) return; // torn by a crash mid-append: the write was never acknowledged
      throw new StoreCorruptError(`${file}: line ${i + 1} is not JSON; fix or remove the file`, { cause: e });
    }
    const id = doc['_id'];
    if (typeof id !== 'string') return; // index bookkeeping
    if (doc['$$deleted'] === true) byId.delete(id);
    else byId.set(id, { ...doc, _id: id });
  });
  return [...byId.values()];
}
