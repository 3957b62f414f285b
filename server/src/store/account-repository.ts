import type { Collection, IndexSpec, StoredDoc } from './collection.js';
import { docFields } from './doc-fields.js';
import type { SecretBox } from './secret-box.js';
import type { VersionRepository } from './version-repository.js';

export const SECRET_FIELDS = ['token', 'encodingAESKey', 'appSecret'] as const;
export const PUBLIC_FIELDS = ['appId', 'apiBase', 'name', 'timezone'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];
export type PublicField = (typeof PUBLIC_FIELDS)[number];

/** `undefined`: keep the stored value (secrets are write-only, a client cannot resend them); `null`: clear. */
export type AccountInput = Partial<Record<PublicField | SecretField, string | null>>;

export interface AccountPublic extends Partial<Record<PublicField, string>> {
  id: string;
  hasToken: boolean;
  hasEncodingAESKey: boolean;
  hasAppSecret: boolean;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

export type AccountSecrets = Partial<Record<SecretField, string>>;

/**
 * WeChat account settings. Secrets are sealed with AES-256-GCM (see `SecretBox`) before they
 * reach the collection, bound to `account:field`, and only `getSecrets` opens them. The time
 * zone is kept on the account's workspace document instead (version-repository.ts): compiled
 * business hours depend on it, so changing it must move the workspace sequence in the same write.
 */
export class AccountRepository {
  static readonly indexes: readonly IndexSpec[] = [];

  constructor(
    private readonly c: Collection,
    private readonly box: SecretBox,
    private readonly versions: VersionRepository,
  ) {}

  async get(id: string): Promise<AccountPublic | null> {
    return this.getPublic(id);
  }

  /** Creates or merges; returns the public view. */
  async put(id: string, fields: AccountInput, by: string, at = new Date()): Promise<AccountPublic> {
    const $set: Record<string, unknown> = { updatedAt: at, updatedBy: by };
    const $unset: Record<string, true> = {};
    for (const f of PUBLIC_FIELDS) {
      if (f === 'timezone') continue;
      const v = fields[f];
      if (v === null) $unset[f] = true;
      else if (v !== undefined) $set[f] = v;
    }
    for (const f of SECRET_FIELDS) {
      const v = fields[f];
      if (v === null) $unset[f] = true;
      else if (v !== undefined) $set[f] = this.box.encrypt(v, slot(id, f));
    }
    // `createdAt` only on insert: the Collection surface has no $setOnInsert, so set it on the first put only.
    const r = await this.c.updateOne({ _id: id }, { $set, ...(Object.keys($unset).length ? { $unset } : {}) });
    if (r.matched === 0) {
      await this.c.updateOne({ _id: id }, { $set: { ...$set, createdAt: at } }, { upsert: true });
    }
    const timezone = fields.timezone;
    if (timezone !== undefined) await this.versions.changeHead(id, (head) => ({ ...head, timezone }));
    const out = await this.getPublic(id);
    if (!out) throw new Error(`account ${id} vanished after put`);
    return out;
  }

  /** Public fields plus `has*` flags; never a secret. */
  async getPublic(id: string): Promise<AccountPublic | null> {
    const d = await this.c.findOne({ _id: id });
    if (!d) return null;
    const out: AccountPublic = {
      id,
      hasToken: typeof d['token'] === 'string',
      hasEncodingAESKey: typeof d['encodingAESKey'] === 'string',
      hasAppSecret: typeof d['appSecret'] === 'string',
      createdAt: docFields.date(d, 'createdAt'),
      updatedAt: docFields.date(d, 'updatedAt'),
      updatedBy: docFields.str(d, 'updatedBy'),
    };
    for (const f of PUBLIC_FIELDS) {
      const v = f === 'timezone' ? undefined : docFields.optStr(d, f);
      if (v !== undefined) out[f] = v;
    }
    const { timezone } = await this.versions.head(id);
    if (timezone !== null) out.timezone = timezone;
    return out;
  }

  /** Decrypted secrets, for the webhook code only. */
  async getSecrets(id: string): Promise<AccountSecrets | null> {
    const d = await this.c.findOne({ _id: id });
    if (!d) return null;
    return openSecrets(d, id, this.box);
  }

  async list(): Promise<AccountPublic[]> {
    const docs = await this.c.find({}, { sort: { _id: 1 }, projection: { _id: 1 } });
    const out = await Promise.all(docs.map((d) => this.getPublic(docFields.str(d, '_id'))));
    return out.filter((a): a is AccountPublic => a !== null);
  }
}

function openSecrets(d: StoredDoc, id: string, box: SecretBox): AccountSecrets {
  const out: AccountSecrets = {};
  for (const f of SECRET_FIELDS) {
    const sealed = docFields.optStr(d, f);
    if (sealed !== undefined) out[f] = box.decrypt(sealed, slot(id, f));
  }
  return out;
}

function slot(id: string, field: SecretField): string {
  return `${id}:${field}`;
}
