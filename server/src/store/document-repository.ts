import { newId } from './new-id.js';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import type { VersionRepository } from './version-repository.js';

export const DOCUMENT_KINDS = ['flow', 'keyword-group', 'policy', 'scenario'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DraftMeta {
  kind: DocumentKind;
  id: string;
  /** Starts at 1; +1 on every save. */
  revision: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export interface Draft extends DraftMeta {
  doc: unknown;
}

export type SaveResult =
  { ok: true; revision: number } | { ok: false; reason: 'conflict' | 'not_found'; current?: number };

export type RemoveResult = { ok: true } | { ok: false; reason: 'conflict' | 'not_found'; current?: number };

/**
 * Draft documents per account. Saves are compare-and-set on `revision`, so of two operators
 * editing one flow the second gets a conflict (409) instead of silently overwriting.
 */
export class DocumentRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'kind', 'id'], unique: true }];

  constructor(
    private readonly c: Collection,
    private readonly versions: Pick<VersionRepository, 'unpublish'>,
  ) {}

  /** Every draft of a kind, by id. */
  async list(account: string, kind: DocumentKind): Promise<Draft[]> {
    const docs = await this.c.find({ account, kind }, { sort: { id: 1 } });
    return docs.map(toDraft);
  }

  async get(account: string, kind: DocumentKind, id: string): Promise<Draft | null> {
    const doc = await this.c.findOne({ account, kind, id });
    return doc ? toDraft(doc) : null;
  }

  /** Throws `DuplicateKeyError` when the id exists (the caller answers 409). */
  async create(
    account: string,
    kind: DocumentKind,
    id: string,
    doc: unknown,
    by: string,
    at = new Date(),
  ): Promise<Draft> {
    const row = {
      _id: newId(),
      account,
      kind,
      id,
      revision: 1,
      doc: toJsonField(doc),
      createdAt: at,
      createdBy: by,
      updatedAt: at,
      updatedBy: by,
    };
    await this.c.insertOne(row);
    return toDraft(row);
  }

  async save(
    account: string,
    kind: DocumentKind,
    id: string,
    doc: unknown,
    expectedRevision: number,
    by: string,
    at = new Date(),
  ): Promise<SaveResult> {
    const r = await this.c.updateOne(
      { account, kind, id, revision: expectedRevision },
      { $set: { doc: toJsonField(doc), updatedAt: at, updatedBy: by }, $inc: { revision: 1 } },
    );
    if (r.matched === 1) return { ok: true, revision: expectedRevision + 1 };
    return this.failure(account, kind, id);
  }

  /**
   * Unpublishes the document, then removes the draft; without `expectedRevision` whatever its revision.
   *
   * Why unpublish: an operator who deletes a keyword group expects it gone, and one who later
   * creates a group with the same id expects a new draft, not last year's published keywords
   * coming back with it; the old versions stay on record (and can be rolled back to explicitly).
   * Why first: each write is atomic on its own document, so the order decides what a crash
   * between them leaves. Unpublish-then-delete leaves at worst an existing draft that is no longer
   * published (what every instance then agrees on); delete-then-unpublish could leave a pointer
   * to a deleted document that the sequence never announced.
   */
  async remove(account: string, kind: DocumentKind, id: string, expectedRevision?: number): Promise<RemoveResult> {
    const cur = await this.c.findOne({ account, kind, id }, { projection: { revision: 1 } });
    if (!cur) return { ok: false, reason: 'not_found' };
    const current = docFields.num(cur, 'revision');
    if (expectedRevision !== undefined && current !== expectedRevision)
      return { ok: false, reason: 'conflict', current };
    await this.versions.unpublish(account, kind, id);
    const filter =
      expectedRevision === undefined ? { account, kind, id } : { account, kind, id, revision: expectedRevision };
    if ((await this.c.deleteOne(filter)) === 1) return { ok: true };
    return this.failure(account, kind, id);
  }

  private async failure(
    account: string,
    kind: DocumentKind,
    id: string,
  ): Promise<{ ok: false; reason: 'conflict' | 'not_found'; current?: number }> {
    const cur = await this.c.findOne({ account, kind, id }, { projection: { revision: 1 } });
    return cur
      ? { ok: false, reason: 'conflict', current: docFields.num(cur, 'revision') }
      : { ok: false, reason: 'not_found' };
  }
}

function toDraft(d: StoredDoc): Draft {
  return {
    kind: kindOf(docFields.str(d, 'kind')),
    id: docFields.str(d, 'id'),
    revision: docFields.num(d, 'revision'),
    createdAt: docFields.date(d, 'createdAt'),
    createdBy: docFields.str(d, 'createdBy'),
    updatedAt: docFields.date(d, 'updatedAt'),
    updatedBy: docFields.str(d, 'updatedBy'),
    doc: docFields.json(d, 'doc'),
  };
}

export function kindOf(s: string): DocumentKind {
  const kind = DOCUMENT_KINDS.find((k) => k === s);
  if (kind) return kind;
  throw new Error(`stored document kind "${s}" is unknown`);
}
