import { newId } from './new-id.js';
import type { Collection, IndexSpec } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';

export interface ReplyLogEntry {
  account: string;
  openid: string;
  at: Date;
  /** The reply as committed (§5 shape). */
  reply: unknown;
  verdict: 'allow' | 'warn' | 'block';
  codes: string[];
}

/** Reply history is kept 30 days (by server time: see the TTL index). */
export const REPLY_LOG_TTL_SECONDS = 30 * 24 * 3600;

/** Committed replies, for history and backtests (the engine's counters live in conversation state). */
export class ReplyLogRepository {
  static readonly indexes: readonly IndexSpec[] = [
    { fields: ['account', 'openid', 'sentAt'] },
    // Stored `at` is the server time of the append (the TTL clock); the reply's own time, which
    // may be virtual or pinned, is `sentAt`.
    { fields: ['at'], expireAfterSeconds: REPLY_LOG_TTL_SECONDS },
  ];

  constructor(
    private readonly c: Collection,
    private readonly serverNow: () => number,
  ) {}

  async append(entry: ReplyLogEntry): Promise<void> {
    await this.c.insertOne({
      _id: newId(),
      account: entry.account,
      openid: entry.openid,
      at: new Date(this.serverNow()),
      sentAt: entry.at,
      reply: toJsonField(entry.reply),
      verdict: entry.verdict,
      codes: [...entry.codes],
    });
  }

  /** Newest first. */
  async listForUser(account: string, openid: string, limit: number): Promise<ReplyLogEntry[]> {
    const docs = await this.c.find({ account, openid }, { sort: { sentAt: -1 }, limit });
    return docs.map((d) => {
      const verdict = docFields.str(d, 'verdict');
      if (verdict !== 'allow' && verdict !== 'warn' && verdict !== 'block') {
        throw new Error(`stored verdict "${verdict}" is unknown`);
      }
      return {
        account: docFields.str(d, 'account'),
        openid: docFields.str(d, 'openid'),
        at: docFields.date(d, 'sentAt'),
        reply: docFields.json(d, 'reply'),
        verdict,
        codes: docFields.strings(d, 'codes'),
      };
    });
  }
}
