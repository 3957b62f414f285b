import { newId } from './new-id.js';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError } from './store-errors.js';

export interface CatalogPack {
  packId: string;
  version: string;
  /** The pack document as imported (schema-checked and self-tested first). */
  doc: unknown;
  importedAt: Date;
  importedBy: string;
}

/**
 * Packs an account imported (`POST /packs/import`), beside the built-in catalog of
 * `examples/packs/`: one document per pack id, the latest import winning, so an imported
 * pack stays in the account's catalog after it is uninstalled and after a restart.
 */
export class PackCatalogRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'packId'], unique: true }];

  constructor(private readonly c: Collection) {}

  /** Imported packs, by id. */
  async list(account: string): Promise<CatalogPack[]> {
    return (await this.c.find({ account }, { sort: { packId: 1 } })).map(toCatalogPack);
  }

  async get(account: string, packId: string): Promise<CatalogPack | null> {
    const d = await this.c.findOne({ account, packId });
    return d ? toCatalogPack(d) : null;
  }

  /** Adds the pack, or replaces the version kept for its id. */
  async put(
    account: string,
    packId: string,
    version: string,
    doc: unknown,
    by: string,
    at = new Date(),
  ): Promise<void> {
    const fields = { version, doc: toJsonField(doc), importedAt: at, importedBy: by };
    try {
      await this.c.insertOne({ _id: newId(), account, packId, ...fields });
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
      await this.c.updateOne({ account, packId }, { $set: fields });
    }
  }
}

function toCatalogPack(d: StoredDoc): CatalogPack {
  return {
    packId: docFields.str(d, 'packId'),
    version: docFields.str(d, 'version'),
    doc: docFields.json(d, 'doc'),
    importedAt: docFields.date(d, 'importedAt'),
    importedBy: docFields.str(d, 'importedBy'),
  };
}
