import { randomUUID } from 'node:crypto';
import type { Collection, IndexSpec } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError } from './store-errors.js';

export interface ConversationRecord {
  /** Opaque engine state (JSON). */
  state: unknown;
  /** Version for compare-and-set: 1 after the first put, +1 on every successful put. */
  v: number;
}

/**
 * Per account+openid conversation state, written only by compare-and-set on `v`, so concurrent
 * runtime instances never lose an update: the engine reads, computes, `put`s with the `v` it
 * read, and on `false` reads again and retries.
 *
 * @example
 * for (;;) {
 *   const cur = await conversations.get('default', openid);
 *   const next = step(cur?.state, event);
 *   if (await conversations.put('default', openid, next, cur?.v ?? null)) break;
 * }
 */
export class ConversationRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'openid'], unique: true }];

  constructor(private readonly c: Collection) {}

  async get(account: string, openid: string): Promise<ConversationRecord | null> {
    const doc = await this.c.findOne({ account, openid });
    return doc ? { state: docFields.json(doc, 'state'), v: docFields.num(doc, 'v') } : null;
  }

  /**
   * `expectedV === null`: create (false when it already exists); otherwise update only if the
   * stored `v` is still `expectedV` (false on conflict or when it does not exist).
   */
  async put(account: string, openid: string, state: unknown, expectedV: number | null): Promise<boolean> {
    const json = toJsonField(state);
    if (expectedV === null) {
      try {
        await this.c.insertOne({ _id: randomUUID(), account, openid, v: 1, state: json });
        return true;
      } catch (e) {
        if (e instanceof DuplicateKeyError) return false;
        throw e;
      }
    }
    const r = await this.c.updateOne({ account, openid, v: expectedV }, { $set: { state: json }, $inc: { v: 1 } });
    return r.matched === 1;
  }
}
