import { newId } from './new-id.js';
import type { Collection, IndexSpec } from './collection.js';
import { docFields, toJsonField } from './doc-fields.js';

export interface AuditEntry {
  at: Date;
  account: string;
  actor: string;
  /** e.g. `flow.publish`, `pack.install`, `token.revoke`. */
  action: string;
  target: string;
  detail?: unknown;
}

/** Append-only audit trail (no update or delete method exists, and no TTL). */
export class AuditRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['account', 'at'] }];

  constructor(private readonly c: Collection) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.c.insertOne({
      _id: newId(),
      at: entry.at,
      account: entry.account,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      detail: toJsonField(entry.detail ?? null),
    });
  }

  /** Newest first; `before` pages back (entries strictly older than it). Default limit 100. */
  async list(account: string, options: { limit?: number; before?: Date } = {}): Promise<AuditEntry[]> {
    const filter = options.before ? { account, at: { $lt: options.before } } : { account };
    const docs = await this.c.find(filter, { sort: { at: -1 }, limit: options.limit ?? 100 });
    return docs.map((d) => ({
      at: docFields.date(d, 'at'),
      account: docFields.str(d, 'account'),
      actor: docFields.str(d, 'actor'),
      action: docFields.str(d, 'action'),
      target: docFields.str(d, 'target'),
      detail: docFields.json(d, 'detail'),
    }));
  }
}
