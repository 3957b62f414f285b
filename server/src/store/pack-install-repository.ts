import { newId } from './new-id.js';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import type { PackPointer, VersionRepository, WorkspaceHead } from './version-repository.js';

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
 * Packs an account installed. Each install writes an immutable body (the pack document as
 * installed, with who and when), then points the account's workspace document at it; enabling,
 * disabling and uninstalling only change that pointer. Each change of the installed set is
 * therefore ONE compare-and-set on the workspace document, which raises the sequence every
 * compiled cache is keyed by in the same write (version-repository.ts). A crash after the body
 * is written leaves an unreferenced body and the previous installed set everywhere.
 */
export class PackInstallRepository {
  /** Bodies are read by `_id` only. */
  static readonly indexes: readonly IndexSpec[] = [];

  constructor(
    private readonly bodies: Collection,
    private readonly versions: VersionRepository,
  ) {}

  /** Installed packs, by id; `head`: as that head names them (default: the current one). */
  async list(account: string, head?: WorkspaceHead): Promise<PackInstall[]> {
    const pointers = (head ?? (await this.versions.head(account))).packs;
    if (pointers.length === 0) return [];
    const docs = await this.bodies.find({ _id: { $in: pointers.map((p) => p.body) } });
    const byId = new Map(docs.map((d) => [docFields.str(d, '_id'), d]));
    return pointers
      .map((p) => ({ p, body: byId.get(p.body) }))
      .filter((x): x is { p: PackPointer; body: StoredDoc } => x.body !== undefined)
      .map(({ p, body }) => toInstall(body, p.enabled))
      .sort((a, b) => (a.packId < b.packId ? -1 : a.packId > b.packId ? 1 : 0));
  }

  /**
   * Installs, or replaces the installed version; (re)installing enables the pack. With `atSeq`
   * (the head the caller's gates judged), only while the head is still there: null when it moved,
   * and the body written stays unreferenced.
   */
  async install(
    account: string,
    packId: string,
    version: string,
    doc: unknown,
    by: string,
    at = new Date(),
    atSeq?: number,
  ): Promise<PackInstall | null> {
    const body = newId();
    const json = toJsonField(doc);
    await this.bodies.insertOne({ _id: body, account, packId, version, doc: json, installedAt: at, installedBy: by });
    const seq = await this.changePacks(account, atSeq, (packs) => [
      ...packs.filter((p) => p.packId !== packId),
      { packId, body, enabled: true },
    ]);
    return seq === null
      ? null
      : { packId, version, enabled: true, doc: JSON.parse(json), installedAt: at, installedBy: by };
  }

  /** False when it was not installed. Its bodies stay, like published versions. */
  async uninstall(account: string, packId: string): Promise<boolean> {
    const seq = await this.changePacks(account, undefined, (packs) =>
      packs.some((p) => p.packId === packId) ? packs.filter((p) => p.packId !== packId) : null,
    );
    return seq !== null;
  }

  /** False when it is not installed; with `atSeq`, also when the head moved from it. */
  async setEnabled(account: string, packId: string, enabled: boolean, atSeq?: number): Promise<boolean> {
    const seq = await this.changePacks(account, atSeq, (packs) =>
      packs.some((p) => p.packId === packId) ? packs.map((p) => (p.packId === packId ? { ...p, enabled } : p)) : null,
    );
    return seq !== null;
  }

  /** One compare-and-set of the installed set (null from `edit`: nothing to change); `atSeq` as in `install`. */
  private changePacks(
    account: string,
    atSeq: number | undefined,
    edit: (packs: readonly PackPointer[]) => PackPointer[] | null,
  ): Promise<number | null> {
    return this.versions.changeHead(account, (head) => {
      if (atSeq !== undefined && head.seq !== atSeq) return null;
      const packs = edit(head.packs);
      return packs === null ? null : { ...head, packs };
    });
  }
}

function toInstall(d: StoredDoc, enabled: boolean): PackInstall {
  return {
    packId: docFields.str(d, 'packId'),
    version: docFields.str(d, 'version'),
    enabled,
    doc: docFields.json(d, 'doc'),
    installedAt: docFields.date(d, 'installedAt'),
    installedBy: docFields.str(d, 'installedBy'),
  };
}
