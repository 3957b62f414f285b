import { randomUUID } from 'node:crypto';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { kindOf, type DocumentKind } from './document-repository.js';
import { DuplicateKeyError, StoreUnavailableError } from './store-errors.js';

export interface VersionMeta {
  kind: DocumentKind;
  id: string;
  version: number;
  publishedAt: Date;
  publishedBy: string;
  note: string;
}

export interface PublishedVersion extends VersionMeta {
  doc: unknown;
}

/**
 * Immutable published versions, numbered 1, 2, 3… per document. A publish reads the highest
 * number and inserts the next; the unique index (account, kind, id, version) makes one of two
 * concurrent publishes fail, and the loser retries with the next number. Unlike a counter, a
 * crash between "take a number" and "insert" cannot leave a gap: the insert is the only write.
 *
 * The workspace sequence (one counter per account, `$inc` in one atomic upsert) changes on every
 * publish and pack change, so runtime instances can cache compiled rule sets by (account, seq).
 */
export class VersionRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'kind', 'id', 'version'], unique: true }];

  constructor(
    private readonly c: Collection,
    private readonly workspaces: Collection,
  ) {}

  /** Also bumps the workspace sequence. */
  async publish(
    account: string,
    kind: DocumentKind,
    id: string,
    doc: unknown,
    by: string,
    note: string,
    at = new Date(),
  ): Promise<{ version: number; publishedAt: Date }> {
    const json = toJsonField(doc);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const [latest] = await this.c.find(
        { account, kind, id },
        { sort: { version: -1 }, limit: 1, projection: { version: 1 } },
      );
      const version = latest ? docFields.num(latest, 'version') + 1 : 1;
      try {
        const row = { _id: randomUUID(), account, kind, id, version, doc: json, publishedAt: at, publishedBy: by, note };
        await this.c.insertOne(row);
      } catch (e) {
        if (e instanceof DuplicateKeyError) continue;
        throw e;
      }
      await this.bumpWorkspace(account);
      return { version, publishedAt: at };
    }
    throw new StoreUnavailableError(`publish of ${kind}/${id} kept colliding; try again`);
  }

  /** Metadata of every version of one document, oldest first. */
  async list(account: string, kind: DocumentKind, id: string): Promise<VersionMeta[]> {
    const docs = await this.c.find({ account, kind, id }, { sort: { version: 1 }, projection: { doc: 0 } });
    return docs.map(toMeta);
  }

  async get(account: string, kind: DocumentKind, id: string, version: number): Promise<PublishedVersion | null> {
    const d = await this.c.findOne({ account, kind, id, version });
    return d ? { ...toMeta(d), doc: docFields.json(d, 'doc') } : null;
  }

  /** The latest version of every published document of the account, for compiling rules. */
  async latestAll(account: string): Promise<PublishedVersion[]> {
    // Find the heads from metadata alone, then load only those bodies.
    const metas = await this.c.find({ account }, { projection: { kind: 1, id: 1, version: 1 } });
    const heads = new Map<string, { kind: DocumentKind; id: string; version: number }>();
    for (const m of metas) {
      const head = {
        kind: kindOf(docFields.str(m, 'kind')),
        id: docFields.str(m, 'id'),
        version: docFields.num(m, 'version'),
      };
      const k = `${head.kind}\u0000${head.id}`;
      if ((heads.get(k)?.version ?? 0) < head.version) heads.set(k, head);
    }
    const out = await Promise.all([...heads.values()].map((h) => this.get(account, h.kind, h.id, h.version)));
    return out
      .filter((v): v is PublishedVersion => v !== null)
      .sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  }

  /** Current sequence; 0 before the first change. */
  async workspaceSeq(account: string): Promise<number> {
    const d = await this.workspaces.findOne({ _id: account });
    return d ? docFields.num(d, 'seq') : 0;
  }

  /** Atomic increment; returns the new sequence. Call after every publish, rollback, pack change. */
  async bumpWorkspace(account: string): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const d = await this.workspaces.findOneAndUpdate({ _id: account }, { $inc: { seq: 1 } }, { upsert: true });
        if (!d) throw new Error('upsert returned no document');
        return docFields.num(d, 'seq');
      } catch (e) {
        // Two first-ever upserts can race on `_id` in MongoDB; the retry finds the document.
        if (!(e instanceof DuplicateKeyError) || attempt >= 2) throw e;
      }
    }
  }
}

function toMeta(d: StoredDoc): VersionMeta {
  return {
    kind: kindOf(docFields.str(d, 'kind')),
    id: docFields.str(d, 'id'),
    version: docFields.num(d, 'version'),
    publishedAt: docFields.date(d, 'publishedAt'),
    publishedBy: docFields.str(d, 'publishedBy'),
    note: docFields.str(d, 'note'),
  };
}
