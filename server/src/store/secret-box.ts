import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreConfigError } from './store-errors.js';

/**
 * AES-256-GCM for secrets at rest. Each value gets a fresh 96-bit IV; the associated data binds
 * a ciphertext to its slot (`account:field`), so a ciphertext copied into another account or
 * field does not decrypt. Format: `v1:` + base64(iv | tag | ciphertext).
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  /** `key`: 32 bytes as 64 hex characters or base64. */
  static fromString(key: string): SecretBox {
    const trimmed = key.trim();
    const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
    if (bytes.length !== 32) {
      throw new StoreConfigError('SECRET_KEY must be 32 bytes, as 64 hex characters or base64');
    }
    return new SecretBox(bytes);
  }

  encrypt(plain: string, slot: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(slot, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** Throws when the value was encrypted under another key or for another slot. */
  decrypt(sealed: string, slot: string): string {
    if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(slot, 'utf8'));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/**
 * The key for the embedded store when SECRET_KEY is not set: `DATA_DIR/secret.key`, created once
 * (32 random bytes, base64, mode 0600, exclusive create so two starts cannot pick two keys) and
 * read on every later start. Whoever can read DATA_DIR can decrypt, so this protects copies of
 * the datafiles (backups, logs) only; set SECRET_KEY and keep it elsewhere for more. Losing the
 * file makes the stored secrets unreadable: they must be entered again.
 */
export async function loadOrCreateKeyFile(dataDir: string): Promise<SecretBox> {
  const file = path.join(dataDir, 'secret.key');
  try {
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if (!(e instanceof Error && 'code' in e && e.code === 'EEXIST')) throw e;
  }
  return SecretBox.fromString(await readFile(file, 'utf8'));
}
