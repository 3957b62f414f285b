import { newId } from './new-id.js';
import type { Collection, IndexSpec } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError } from './store-errors.js';

export interface ConversationRecord {
  /** Opaque engine state (JSON). */
  state: unknown;
  /** Version for compare-and-set: 1 after the first put, +1 on every successful put. */
  v: number;
}

/** How long a conversation state is kept after its user's last grant closed, by default. */
export const CONVERSATION_RETENTION_DAYS = 30;

/**
 * Per account+openid conversation state, written only by compare-and-set on `v`, so concurrent
 * runtime instances never lose an update: the engine reads, computes, `put`s with the `v` it
 * read, and on `false` reads again and retries.
 *
 * Every put stamps `expiresAt` = server time + how long the user's grant stays open + the
 * retention, and the store removes the state after it (a TTL: SQLite's sweep, MongoDB's TTL
 * monitor). A removed state reads as no state at all: window `none`, as for a user never seen.
 * The user's tags and topic counters are not here but in their profile, which stays.
 *
 * @example
 * for (;;) {
 *   const cur = await conversations.get('default', openid);
 *   const next = step(cur?.state, event);
 *   if (await conversations.put('default', openid, next, cur?.v ?? null)) break;
 * }
 */
export class ConversationRepository {
  static readonly indexes: readonly IndexSpec[] = [
    { fields: ['account', 'openid'], unique: true },
    // `expiresAt` holds the removal time itself.
    { fields: ['expiresAt'], expireAfterSeconds: 0 },
  ];

  /** `serverNow` alone dates expiry: never a message's own time or a sandbox's virtual clock. */
  constructor(
    private readonly c: Collection,
    private readonly serverNow: () => number,
    private readonly retentionDays = CONVERSATION_RETENTION_DAYS,
  ) {}

  async get(account: string, openid: string): Promise<ConversationRecord | null> {
    const doc = await this.c.findOne({ account, openid });
    return doc ? { state: docFields.json(doc, 'state'), v: docFields.num(doc, 'v') } : null;
  }

  /**
   * `expectedV === null`: create (false when it already exists); otherwise update only if the
   * stored `v` is still `expectedV` (false on conflict or when it does not exist). `openForMs`:
   * how long the user's latest grant stays open; the state is kept that long plus the retention.
   */
  async put(
    account: string,
    openid: string,
    state: unknown,
    expectedV: number | null,
    openForMs = 0,
  ): Promise<boolean> {
    const json = toJsonField(state);
    const expiresAt = new Date(this.serverNow() + Math.max(0, openForMs) + this.retentionDays * 86_400_000);
    if (expectedV === null) {
      try {
        await this.c.insertOne({ _id: newId(), account, openid, v: 1, state: json, expiresAt });
        return true;
      } catch (e) {
        if (e instanceof DuplicateKeyError) return false;
        throw e;
      }
    }
    const r = await this.c.updateOne(
      { account, openid, v: expectedV },
      { $set: { state: json, expiresAt }, $inc: { v: 1 } },
    );
    return r.matched === 1;
  }
}
