import { randomUUID } from 'node:crypto';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError } from './store-errors.js';

export interface PackInstall {
  packId: string;
  version: string;
  enabled: boolean;
  /** The pack document as installed (a later catalog update does not change it). */
  doc: unknown;
  installedAt: Date;
  installedBy: string;
}

/**
 * Packs an account installed. Every change calls `onChange(account)` afterwards (the store wires
 * it to `versions.bumpWorkspace`), so runtime caches keyed by the workspace sequence see it.
 */
export class PackInstallRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'packId'], unique: true }];

  constructor(
    private readonly c: Collection,
    private readonly onChange: (account: string) => Promise<unknown> = async () => undefined,
  ) {}

  /** Installed packs, by id. */
  async list(account: string): Promise<PackInstall[]> {
    return (await this.c.find({ account }, { sort: { packId: 1 } })).map(toInstall);
  }

  /** Installs, or replaces the installed version; (re)installing enables the pack. */
  async install(
    account: string,
    packId: string,
    version: string,
    doc: unknown,
    by: string,
    at = new Date(),
  ): Promise<PackInstall> {
    const fields = { version, doc: toJsonField(doc), enabled: true, installedAt: at, installedBy: by };
    try {
      await this.c.insertOne({ _id: randomUUID(), account, packId, ...fields });
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
      await this.c.updateOne({ account, packId }, { $set: fields });
    }
    await this.onChange(account);
    return { packId, version, enabled: true, doc: JSON.parse(fields.doc), installedAt: at, installedBy: by };
  }

  /** False when it was not installed. */
  async uninstall(account: string, packId: string): Promise<boolean> {
    const n = await this.c.deleteOne({ account, packId });
    if (n === 1) await this.onChange(account);
    return n === 1;
  }

  /** False when it is not installed. */
  async setEnabled(account: string, packId: string, enabled: boolean): Promise<boolean> {
    const r = await this.c.updateOne({ account, packId }, { $set: { enabled } });
    if (r.matched === 1) await this.onChange(account);
    return r.matched === 1;
  }
}

function toInstall(d: StoredDoc): PackInstall {
  return {
    packId: docFields.str(d, 'packId'),
    version: docFields.str(d, 'version'),
    enabled: docFields.bool(d, 'enabled'),
    doc: docFields.json(d, 'doc'),
    installedAt: docFields.date(d, 'installedAt'),
    installedBy: docFields.str(d, 'installedBy'),
  };
}
