/**
 * The one write of every publish (a document, a flow with its groups, a rollback, the whole
 * workspace): what goes live is what the gates checked. The caller reads the workspace head
 * FIRST, runs its gates on that head, then calls this: every body is inserted and all pointers
 * move in one compare-and-set at that head's sequence (`VersionRepository.publishAll`). When
 * another instance or request changed what is live in between (a group re-published or deleted,
 * a rollback, a pack installed), nothing goes live and the caller gets 409 CONFLICT; a store
 * failure at the write leaves nothing of it live either. The store's conditional update is the
 * only guard: no in-process lock, which would not cover a second instance.
 *
 * Pack installs, upgrades and enables follow the same rule through `PackInstallRepository`
 * (its `atSeq`, one `changeHead` on the head the compile gate and self-test judged) and answer
 * the same 409 (`liveMoved`).
 */
import type { DocumentKind } from '../store/document-repository.js';
import type { Store } from '../store/open-store.js';
import { conflict, type AppError } from '../errors.js';

/** One body to put live; `note` overrides the publish's note for this version. */
export interface HeadEntry<K extends DocumentKind> {
  kind: K;
  id: string;
  doc: unknown;
  note?: string;
}

/**
 * Publishes `entries` and takes `remove` down as one workspace version, only if the head is
 * still at `atSeq`; otherwise throws 409 and nothing is live.
 * @example const head = await store.versions.head(account); … gates on head …; await publishAtHead(store, account, head.seq, { publish: [{ kind: 'flow', id, doc }] }, 'ops', '上线')
 */
export async function publishAtHead<K extends DocumentKind>(
  store: Store,
  account: string,
  atSeq: number,
  change: { publish: ReadonlyArray<HeadEntry<K>>; remove?: ReadonlyArray<{ kind: DocumentKind; id: string }> },
  by: string,
  note: string,
  at = new Date(),
): Promise<{ seq: number; published: Array<{ kind: K; id: string; version: number }> }> {
  const done = await store.versions.publishAll(account, change.publish, change.remove ?? [], atSeq, by, note, at);
  if (!done) throw liveMoved(atSeq);
  return done;
}

/** The version of the entry published last (the caller's own document): publishAll answers one per entry. */
export function lastPublished<T>(published: readonly T[]): T {
  const last = published.at(-1);
  if (last === undefined) throw new Error('publishAll answered no version');
  return last;
}

/** The 409 of a change judged at `atSeq` when live moved before its write: nothing of it is live. */
export function liveMoved(atSeq: number): AppError {
  return conflict('线上版本已被他人更改，请重新检查后发布', [
    {
      path: '/',
      message: `live workspace moved from v${atSeq} while the checks ran (another publish, rollback, delete or pack change); nothing of this change went live`,
    },
  ]);
}
