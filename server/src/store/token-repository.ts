import { createHash, randomBytes } from 'node:crypto';
import { newId } from './new-id.js';
import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields } from './doc-fields.js';

export type Role = 'admin' | 'editor' | 'runtime' | 'viewer';

/** What `create` returns: the only time the token itself is seen. */
export interface CreatedToken {
  id: string;
  token: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: Date;
  createdBy: string;
  revoked: boolean;
  revokedAt?: Date;
}

/**
 * API tokens, stored as sha256 of the token only. A token is 32 random bytes, so a fast hash is
 * right (nothing to brute-force, unlike a password), and lookup by hash through a unique index
 * leaks nothing useful by timing. The token itself is returned once, at creation.
 */
export class TokenRepository {
  static readonly indexes: readonly IndexSpec[] = [{ fields: ['hash'], unique: true }];

  constructor(private readonly c: Collection) {}

  async create(name: string, role: Role, by: string, at = new Date()): Promise<CreatedToken> {
    const token = `rf_${randomBytes(32).toString('base64url')}`;
    const id = newId();
    const row = { _id: id, hash: hashToken(token), name, role, createdAt: at, createdBy: by, revoked: false };
    await this.c.insertOne(row);
    return { id, token, name, role, createdAt: at };
  }

  /** The live (not revoked) token's info, or null. */
  async findByToken(token: string): Promise<TokenInfo | null> {
    const d = await this.c.findOne({ hash: hashToken(token), revoked: false });
    return d ? toInfo(d) : null;
  }

  /** Every token, revoked ones included, oldest first; never the hash. */
  async list(): Promise<TokenInfo[]> {
    return (await this.c.find({}, { sort: { createdAt: 1 }, projection: { hash: 0 } })).map(toInfo);
  }

  /** False when unknown or already revoked. */
  async revoke(id: string, at = new Date()): Promise<boolean> {
    const r = await this.c.updateOne({ _id: id, revoked: false }, { $set: { revoked: true, revokedAt: at } });
    return r.matched === 1;
  }

  /** Live tokens (e.g. to decide whether a first-start bootstrap token is needed). */
  count(): Promise<number> {
    return this.c.count({ revoked: false });
  }
}

/** sha256 hex: what is stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function toInfo(d: StoredDoc): TokenInfo {
  const role = docFields.str(d, 'role');
  if (role !== 'admin' && role !== 'editor' && role !== 'runtime' && role !== 'viewer') {
    throw new Error(`stored token role "${role}" is unknown`);
  }
  const revokedAt = docFields.optDate(d, 'revokedAt');
  return {
    id: docFields.str(d, '_id'),
    name: docFields.str(d, 'name'),
    role,
    createdAt: docFields.date(d, 'createdAt'),
    createdBy: docFields.str(d, 'createdBy'),
    revoked: docFields.bool(d, 'revoked'),
    ...(revokedAt ? { revokedAt } : {}),
  };
}
