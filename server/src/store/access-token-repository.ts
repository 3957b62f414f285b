import { createHash } from 'node:crypto';
import type { Collection, IndexSpec } from './collection.js';
import { DuplicateKeyError } from './store-errors.js';
import { docFields } from './doc-fields.js';
import type { SecretBox } from './secret-box.js';

export interface SharedAccessToken {
  token: string;
  /** Epoch ms. */
  expiresAt: number;
  /** Epoch ms: when a caller should fetch a new one. */
  refreshAt: number;
}

/**
 * WeChat access_tokens shared by every runtime instance. WeChat invalidates the previous
 * token (after a grace period) whenever anyone fetches a new one, so instances must not each
 * fetch their own: one wins a lease by a conditional update and fetches, the others read its
 * token. Tokens are sealed like account secrets; a hash lets a caller drop exactly the token
 * WeChat refused without decrypting.
 */
export class AccessTokenRepository {
  static readonly indexes: readonly IndexSpec[] = [];

  constructor(
    private readonly c: Collection,
    private readonly box: SecretBox,
  ) {}

  async get(key: string): Promise<SharedAccessToken | null> {
    const doc = await this.c.findOne({ _id: key });
    const sealed = doc ? docFields.optStr(doc, 'token') : undefined;
    if (!doc || !sealed) return null;
    return {
      token: this.box.decrypt(sealed, slot(key)),
      expiresAt: docFields.num(doc, 'expiresAt'),
      refreshAt: docFields.num(doc, 'refreshAt'),
    };
  }

  async put(key: string, value: SharedAccessToken): Promise<void> {
    await this.c.updateOne(
      { _id: key },
      {
        $set: {
          token: this.box.encrypt(value.token, slot(key)),
          tokenHash: hash(value.token),
          expiresAt: value.expiresAt,
          refreshAt: value.refreshAt,
          leaseUntil: 0,
        },
      },
      { upsert: true },
    );
  }

  /** True for exactly one caller until the lease ends: that caller fetches the token. */
  async tryLease(key: string, now: number, leaseMs: number): Promise<boolean> {
    const r = await this.c.updateOne({ _id: key, leaseUntil: { $lt: now } }, { $set: { leaseUntil: now + leaseMs } });
    if (r.matched === 1) return true;
    try {
      await this.c.insertOne({ _id: key, leaseUntil: now + leaseMs, expiresAt: 0, refreshAt: 0 });
      return true;
    } catch (e) {
      if (e instanceof DuplicateKeyError) return false;
      throw e;
    }
  }

  /** Gives the lease back after a failed fetch, so the next caller tries at once. */
  async releaseLease(key: string): Promise<void> {
    await this.c.updateOne({ _id: key }, { $set: { leaseUntil: 0 } });
  }

  /** Marks `token` due for refresh, unless a newer one already replaced it. */
  async drop(key: string, token: string): Promise<void> {
    await this.c.updateOne({ _id: key, tokenHash: hash(token) }, { $set: { refreshAt: 0 } });
  }
}

const slot = (key: string) => `access-token:${key}`;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
