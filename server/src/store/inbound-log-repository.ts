import { newId } from './new-id.js';
import type { Collection, IndexSpec } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';
import { DuplicateKeyError } from './store-errors.js';

export type ClaimResult = { status: 'claimed' } | { status: 'done'; body: unknown } | { status: 'pending' };

export interface InboundRecord {
  from: string;
  /** The inbound message as received (§5). */
  message: unknown;
  /** The message's own time; `listBetween` filters on it. */
  at: Date;
}

export interface StoredInbound extends InboundRecord {
  key: string;
  body: unknown;
}

/** Dedup records are kept 7 days (WeChat retries within seconds; backtests look back a week). */
export const INBOUND_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Idempotency by message key (`msgId`, or from+at+event). The unique index (account, key) makes
 * exactly one of several concurrent claims win, across instances.
 *
 * A claim is a lease: a record left `pending` by an instance that died is taken over once it is
 * older than `leaseMs` (by compare-and-set on `claimedAt`), so the message is not lost for 7 days.
 */
export class InboundLogRepository {
  static readonly indexes: readonly IndexSpec[] = [
    { fields: ['account', 'key'], unique: true },
    // TTL on the claim time, stamped by the server clock.
    { fields: ['at'], expireAfterSeconds: INBOUND_TTL_SECONDS },
    { fields: ['account', 'messageAt'] },
  ];

  /**
   * `serverNow` dates claims: it drives the dedup TTL and the takeover lease, so a message's own
   * time (a sandbox's virtual clock, a test's pinned date, a client's `at`) never expires a record.
   */
  constructor(
    private readonly c: Collection,
    private readonly serverNow: () => number,
    private readonly leaseMs = 60_000,
  ) {}

  /** Whether a delivery of this message was recorded (pending or done). */
  async seen(account: string, key: string): Promise<boolean> {
    return (await this.c.findOne({ account, key }, { projection: { _id: 1 } })) !== null;
  }

  /**
   * The claim of a message not seen before, with the result the attempt is about to apply already
   * staged on it (see `stage`): one write where a claim and then a stage were two. False when a
   * record exists (another delivery came first): `claim` then says whether it is done or pending.
   */
  async claimStaged(account: string, key: string, body: unknown, record: InboundRecord): Promise<boolean> {
    return this.insertClaim(account, key, new Date(this.serverNow()), stagedFields(body, record));
  }

  async claim(account: string, key: string): Promise<ClaimResult> {
    // A few rounds: the record we collide with may expire or be released meanwhile.
    for (let round = 0; round < 5; round += 1) {
      const at = new Date(this.serverNow());
      if (await this.insertClaim(account, key, at)) return { status: 'claimed' };
      const doc = await this.c.findOne({ account, key });
      if (!doc) continue;
      if (docFields.str(doc, 'status') === 'done') return { status: 'done', body: docFields.json(doc, 'body') };
      const claimedAt = docFields.date(doc, 'claimedAt');
      if (at.getTime() - claimedAt.getTime() < this.leaseMs) return { status: 'pending' };
      const r = await this.c.updateOne({ account, key, status: 'pending', claimedAt }, { $set: { claimedAt: at, at } });
      return r.matched === 1 ? { status: 'claimed' } : { status: 'pending' };
    }
    return { status: 'pending' };
  }

  /** A new pending claim dated `at` (with `fields` beside it); false when the message has a record already. */
  private async insertClaim(
    account: string,
    key: string,
    at: Date,
    fields: Record<string, unknown> = {},
  ): Promise<boolean> {
    try {
      await this.c.insertOne({ _id: newId(), account, key, status: 'pending', at, claimedAt: at, ...fields });
      return true;
    } catch (e) {
      if (e instanceof DuplicateKeyError) return false;
      throw e;
    }
  }

  /**
   * The staged answer becomes the answer to later duplicates, and the message joins the backtests'
   * list: only the status changes (what was staged is already the record's body).
   */
  async complete(account: string, key: string): Promise<boolean> {
    const r = await this.c.updateOne(
      { account, key, status: 'pending' },
      // A done record is never taken over: the lease time goes.
      { $set: { status: 'done' }, $unset: { claimedAt: true } },
    );
    return r.matched === 1;
  }

  /**
   * The webhook answered `success` and sent the replies through the API (it ran late, or the
   * reply has no passive form): WeChat's retries, whichever instance they reach, answer the same.
   */
  async markAnsweredByApi(account: string, key: string): Promise<void> {
    await this.c.updateOne({ account, key }, { $set: { answeredByApi: true } });
  }

  async answeredByApi(account: string, key: string): Promise<boolean> {
    return (await this.c.findOne({ account, key }))?.['answeredByApi'] === true;
  }

  /**
   * The result an attempt is about to apply, with its message, kept on its pending claim: written
   * before the conversation state that applies the message, so a retry after a crash in between
   * answers it; `complete` then makes it the answer without writing it again.
   */
  async stage(account: string, key: string, body: unknown, record: InboundRecord): Promise<void> {
    await this.c.updateOne({ account, key, status: 'pending' }, { $set: stagedFields(body, record) });
  }

  /** What a pending claim staged (see `stage`). */
  async staged(account: string, key: string): Promise<unknown> {
    const doc = await this.c.findOne({ account, key, status: 'pending' });
    // `staged`: where an earlier version kept it, on a claim left by a crash before an upgrade.
    return doc ? (docFields.optJson(doc, 'body') ?? docFields.optJson(doc, 'staged')) : undefined;
  }

  /**
   * Give a pending claim up (processing failed) so WeChat's retry can process the message at
   * once: the lease is ended, not the record, which keeps what was staged.
   */
  async release(account: string, key: string): Promise<boolean> {
    const r = await this.c.updateOne({ account, key, status: 'pending' }, { $set: { claimedAt: new Date(0) } });
    return r.matched === 1;
  }

  /** Completed inbound messages with `from <= at < to`, oldest first. */
  async listBetween(account: string, from: Date, to: Date, limit: number): Promise<StoredInbound[]> {
    const docs = await this.c.find(
      { account, status: 'done', messageAt: { $gte: from, $lt: to } },
      { sort: { messageAt: 1 }, limit },
    );
    return docs.map((d) => ({
      key: docFields.str(d, 'key'),
      from: docFields.str(d, 'from'),
      message: docFields.json(d, 'message'),
      at: docFields.date(d, 'messageAt'),
      body: docFields.json(d, 'body'),
    }));
  }
}

/** What a staged claim holds besides the claim: the answer, and the message for backtests. */
function stagedFields(body: unknown, record: InboundRecord): Record<string, unknown> {
  return {
    body: toJsonField(body),
    from: record.from,
    message: toJsonField(record.message),
    messageAt: record.at,
  };
}
