import { newId } from './new-id.js';
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

/** An installed pack: the immutable body (pack-install-repository.ts) it runs and whether it runs. */
export interface PackPointer {
  packId: string;
  body: string;
  enabled: boolean;
}

/** What an account's runtime evaluates, and the sequence every compiled cache is keyed by. */
export interface WorkspaceHead {
  /** Rises on every change of what the runtime evaluates; 0 before the first. */
  seq: number;
  published: ReadonlyArray<{ kind: DocumentKind; id: string; version: number }>;
  packs: readonly PackPointer[];
  /** The account's time zone for business hours (CONTRACT §4); null: the policy's own. */
  timezone: string | null;
}

/** A head without its sequence: what one change writes. */
export type HeadContent = Omit<WorkspaceHead, 'seq'>;

/** Where data written before the workspace document held everything is read once (see `head`). */
export interface LegacySources {
  drafts: Collection;
  /** One mutable row per installed pack, with its body inline. */
  packs: Collection;
  /** The immutable pack bodies that pointers name; legacy rows are copied here. */
  packBodies: Collection;
  /** Account documents, which held the time zone. */
  accounts: Collection;
}

/**
 * Immutable published versions, numbered 1, 2, 3… per document, and one "workspace" document
 * per account holding the published pointers (kind/id → version) and a sequence.
 *
 * Why pointers: each store method is atomic on ONE document only. A publish first inserts the
 * version body (the unique index (account, kind, id, version) makes one of two concurrent
 * publishes retry with the next number), then moves the pointer and raises the sequence in one
 * compare-and-set on the workspace document. The runtime loads only what the pointers name, so
 * a crash between the two writes leaves an unreferenced body in the history and every instance
 * on the previous consistent version; nothing is served that was not published, and the
 * sequence every cache is keyed by changes in the very write that changes what it would load.
 *
 * The same document holds everything else the compile reads: the installed packs (pointers to
 * immutable bodies, written the same way) and the account's time zone. So every change of what
 * the runtime evaluates is one compare-and-set on one document (`changeHead`), which both
 * adapters already make atomic without transactions: MongoDB needs no multi-document
 * transaction (so no replica-set-only feature), SQLite no group commit to be relied on.
 */
export class VersionRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'kind', 'id', 'version'], unique: true }];
  /** The highest sequence this process wrote per account: its own writes are seen at once. */
  private readonly written = new Map<string, number>();

  constructor(
    private readonly c: Collection,
    private readonly workspaces: Collection,
    private readonly legacy: LegacySources,
  ) {}

  /** Inserts the next version and publishes it (pointer and sequence in one write). */
  async publish(
    account: string,
    kind: DocumentKind,
    id: string,
    doc: unknown,
    by: string,
    note: string,
    at = new Date(),
  ): Promise<{ version: number; publishedAt: Date }> {
    const version = await this.insertNext(account, kind, id, doc, by, note, at);
    await this.movePointers(account, (list) => [
      ...list.filter((p) => p.kind !== kind || p.id !== id),
      { kind, id, version },
    ]);
    return { version, publishedAt: at };
  }

  /**
   * Publishes many documents and stops serving others as ONE workspace change: every body is
   * inserted first (each with its next number), then all pointers move in one compare-and-set,
   * so the runtime sees either none of it or all of it. Returns the new sequence.
   *
   * `atSeq` is the sequence the caller judged the change at (its gates ran on that workspace):
   * when the head moved since (a group deleted, a pack installed, another publish), nothing moves
   * and the answer is null, so a change is never applied on top of a workspace nobody checked it
   * against. A move between the inserts and the pointers leaves bodies no pointer names, as a
   * crash there would.
   *
   * A doc's own `note` replaces `note` for its version (a group published with its flow).
   *
   * @example await versions.publishAll('default', [{ kind: 'flow', id: 'f1', doc }, { kind: 'keyword-group', id: 'g1', doc: g }], [], 7, 'ops', '上线')
   */
  async publishAll<K extends DocumentKind>(
    account: string,
    docs: ReadonlyArray<{ kind: K; id: string; doc: unknown; note?: string }>,
    remove: ReadonlyArray<{ kind: DocumentKind; id: string }>,
    atSeq: number,
    by: string,
    note: string,
    at = new Date(),
  ): Promise<{ seq: number; published: Array<{ kind: K; id: string; version: number }> } | null> {
    if ((await this.head(account)).seq !== atSeq) return null;
    // Before an account's first change no workspace document exists, and `head` would read the
    // bodies inserted below as data of the earlier layout and move the sequence itself.
    if (atSeq === 0) await this.storeEmptyHead(account);
    const published: Array<{ kind: K; id: string; version: number }> = [];
    for (const d of docs)
      published.push({
        kind: d.kind,
        id: d.id,
        version: await this.insertNext(account, d.kind, d.id, d.doc, by, d.note ?? note, at),
      });
    const gone = (p: { kind: DocumentKind; id: string }) =>
      [...published, ...remove].some((x) => x.kind === p.kind && x.id === p.id);
    const seq = await this.changeHead(account, (head) =>
      head.seq === atSeq ? { ...head, published: [...head.published.filter((p) => !gone(p)), ...published] } : null,
    );
    return seq === null ? null : { seq, published };
  }

  /** Stores the head of an account that has none yet, at sequence 0 (idempotent). */
  private async storeEmptyHead(account: string): Promise<void> {
    try {
      await this.workspaces.insertOne({ _id: account, seq: 0, published: [], packs: [], timezone: null });
    } catch (e) {
      if (!(e instanceof DuplicateKeyError)) throw e;
    }
  }

  /** Inserts the next numbered version of one document (not yet live); returns its number. */
  private async insertNext(
    account: string,
    kind: DocumentKind,
    id: string,
    doc: unknown,
    by: string,
    note: string,
    at: Date,
  ): Promise<number> {
    const json = toJsonField(doc);
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const [latest] = await this.c.find(
        { account, kind, id },
        { sort: { version: -1 }, limit: 1, projection: { version: 1 } },
      );
      const version = latest ? docFields.num(latest, 'version') + 1 : 1;
      try {
        await this.c.insertOne({
          _id: newId(),
          account,
          kind,
          id,
          version,
          doc: json,
          publishedAt: at,
          publishedBy: by,
          note,
        });
        return version;
      } catch (e) {
        if (!(e instanceof DuplicateKeyError)) throw e;
      }
    }
    throw new StoreUnavailableError(`publish of ${kind}/${id} kept colliding; try again`);
  }

  /** Stops serving a document (its versions stay on record); false when it was not published. */
  async unpublish(account: string, kind: DocumentKind, id: string): Promise<boolean> {
    if ((await this.publishedVersion(account, kind, id)) === null) return false;
    let found = false;
    await this.movePointers(account, (list) => {
      found = list.some((p) => p.kind === kind && p.id === id);
      return list.filter((p) => p.kind !== kind || p.id !== id);
    });
    return found;
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

  /** The published version of one document, or null. */
  async publishedVersion(account: string, kind: DocumentKind, id: string): Promise<number | null> {
    const head = await this.head(account);
    return head.published.find((p) => p.kind === kind && p.id === id)?.version ?? null;
  }

  /** The published version of every document the head points at (default: the current head). */
  async latestAll(account: string, head?: WorkspaceHead): Promise<PublishedVersion[]> {
    const pointers = (head ?? (await this.head(account))).published;
    const out = await Promise.all(pointers.map((p) => this.get(account, p.kind, p.id, p.version)));
    return out
      .filter((v): v is PublishedVersion => v !== null)
      .sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1));
  }

  /** Current sequence; 0 before the first change. */
  async workspaceSeq(account: string): Promise<number> {
    return (await this.head(account)).seq;
  }

  /** The highest sequence this process itself wrote for the account (0: none). */
  writtenSeq(account: string): number {
    return this.written.get(account) ?? 0;
  }

  /** The pointers and sequence, as stored now. */
  async head(account: string): Promise<WorkspaceHead> {
    for (;;) {
      const d = await this.workspaces.findOne({ _id: account });
      const stored = d ? readHead(d) : null;
      if (stored?.published && stored.packs && stored.timezone !== undefined) {
        return { seq: stored.seq, published: stored.published, packs: stored.packs, timezone: stored.timezone };
      }
      // Written before the workspace document held all of it: what a fresh instance served then
      // was the latest version of every document whose draft exists, the pack rows and the
      // account's time zone. Record that once, then read it again.
      const derived: HeadContent = {
        published: stored?.published ?? (await this.legacyPointers(account)),
        packs: stored?.packs ?? (await this.legacyPacks(account)),
        timezone: stored?.timezone !== undefined ? stored.timezone : await this.legacyTimezone(account),
      };
      if (!d && derived.published.length === 0 && derived.packs.length === 0 && derived.timezone === null) {
        return { seq: 0, ...derived };
      }
      await this.compareAndSet(account, stored?.seq ?? 0, derived);
    }
  }

  /** Raises the sequence; returns the new sequence. */
  async bumpWorkspace(account: string): Promise<number> {
    return (await this.changeHead(account, (head) => head)) ?? 0;
  }

  /**
   * The one way to change what an account's runtime evaluates: `edit` gets the current head and
   * returns the new content (null: nothing to change), written with the sequence + 1 in one
   * compare-and-set, retried on a concurrent change. Returns the new sequence, or null.
   *
   * @example await versions.changeHead('default', (head) => ({ ...head, timezone: 'Asia/Shanghai' }))
   */
  async changeHead(account: string, edit: (head: WorkspaceHead) => HeadContent | null): Promise<number | null> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const head = await this.head(account);
      const next = edit(head);
      if (next === null) return null;
      const seq = await this.compareAndSet(account, head.seq, next);
      if (seq !== null) return seq;
    }
    throw new StoreUnavailableError(`the workspace of ${account} kept changing; try again`);
  }

  /** Moves the published pointers (publish, unpublish) in one write. */
  private async movePointers(
    account: string,
    edit: (list: WorkspaceHead['published']) => WorkspaceHead['published'],
  ): Promise<number> {
    return (await this.changeHead(account, (head) => ({ ...head, published: edit(head.published) }))) ?? 0;
  }

  /** Null when another write moved the sequence first. */
  private async compareAndSet(account: string, seq: number, content: HeadContent): Promise<number | null> {
    const $set = {
      published: content.published.map(({ kind, id, version }) => ({ kind, id, version })),
      packs: content.packs.map(({ packId, body, enabled }) => ({ packId, body, enabled })),
      timezone: content.timezone,
    };
    let next: number;
    if (seq === 0) {
      try {
        await this.workspaces.insertOne({ _id: account, seq: 1, ...$set });
        next = 1;
      } catch (e) {
        if (!(e instanceof DuplicateKeyError)) throw e;
        // A head stored at sequence 0 (publishAll's first change) or a racing first write.
        const d = await this.workspaces.findOneAndUpdate({ _id: account, seq: 0 }, { $set, $inc: { seq: 1 } });
        if (!d) return null;
        next = docFields.num(d, 'seq');
      }
    } else {
      const d = await this.workspaces.findOneAndUpdate({ _id: account, seq }, { $set, $inc: { seq: 1 } });
      if (!d) return null;
      next = docFields.num(d, 'seq');
    }
    if (next > this.writtenSeq(account)) this.written.set(account, next);
    return next;
  }

  /** Pack rows of the earlier layout, copied as bodies (idempotent: same `_id`) and pointed at. */
  private async legacyPacks(account: string): Promise<PackPointer[]> {
    const rows = await this.legacy.packs.find({ account }, { sort: { packId: 1 } });
    const out: PackPointer[] = [];
    for (const row of rows) {
      const { enabled, ...body } = row;
      const id = docFields.str(row, '_id');
      try {
        await this.legacy.packBodies.insertOne({ ...body, _id: id });
      } catch (e) {
        if (!(e instanceof DuplicateKeyError)) throw e;
      }
      out.push({ packId: docFields.str(row, 'packId'), body: id, enabled: enabled === true });
    }
    return out;
  }

  private async legacyTimezone(account: string): Promise<string | null> {
    const d = await this.legacy.accounts.findOne({ _id: account }, { projection: { timezone: 1 } });
    return (d && docFields.optStr(d, 'timezone')) ?? null;
  }

  private async legacyPointers(account: string): Promise<WorkspaceHead['published']> {
    const [metas, drafts] = await Promise.all([
      this.c.find({ account }, { projection: { kind: 1, id: 1, version: 1 } }),
      this.legacy.drafts.find({ account }, { projection: { kind: 1, id: 1 } }),
    ]);
    const existing = new Set(drafts.map((d) => `${docFields.str(d, 'kind')}\u0000${docFields.str(d, 'id')}`));
    const heads = new Map<string, { kind: DocumentKind; id: string; version: number }>();
    for (const m of metas) {
      const head = {
        kind: kindOf(docFields.str(m, 'kind')),
        id: docFields.str(m, 'id'),
        version: docFields.num(m, 'version'),
      };
      const k = `${head.kind}\u0000${head.id}`;
      if (existing.has(k) && (heads.get(k)?.version ?? 0) < head.version) heads.set(k, head);
    }
    return [...heads.values()];
  }
}

/** The parts a stored workspace document holds; a part written before it existed is undefined. */
function readHead(d: StoredDoc): {
  seq: number;
  published?: WorkspaceHead['published'];
  packs?: PackPointer[];
  timezone?: string | null;
} {
  const published = d['published'];
  const packs = d['packs'];
  const timezone = d['timezone'];
  return {
    seq: docFields.num(d, 'seq'),
    ...(Array.isArray(published)
      ? {
          published: published.map((p: StoredDoc) => ({
            kind: kindOf(docFields.str(p, 'kind')),
            id: docFields.str(p, 'id'),
            version: docFields.num(p, 'version'),
          })),
        }
      : {}),
    ...(Array.isArray(packs)
      ? {
          packs: packs.map((p: StoredDoc) => ({
            packId: docFields.str(p, 'packId'),
            body: docFields.str(p, 'body'),
            enabled: docFields.bool(p, 'enabled'),
          })),
        }
      : {}),
    ...(timezone === null || typeof timezone === 'string' ? { timezone } : {}),
  };
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
