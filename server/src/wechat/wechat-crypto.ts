/**
 * Safe-mode (安全模式) message crypto, DOMAIN §3.2: AES-256-CBC with key =
 * base64(EncodingAESKey + '='), IV = key[0..16], PKCS#7 padding to 32-byte blocks, and the
 * plaintext laid out as random(16) ‖ len(4, big-endian) ‖ xml ‖ appid.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const BLOCK = 32;

export interface Decrypted {
  /** The inner message (XML, or the echostr plaintext in WeCom-style URL verification). */
  message: string;
  /** The trailing AppID (公众号) or CorpID (WeCom) the sender put after the message. */
  appId: string;
  random: Buffer;
}

/** Thrown for a key, ciphertext or layout WeChat could not have produced. */
export class WechatCryptoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WechatCryptoError';
  }
}

export class WechatCrypto {
  private readonly key: Buffer;
  private readonly iv: Buffer;

  constructor(encodingAESKey: string) {
    if (!/^[A-Za-z0-9]{43}$/.test(encodingAESKey))
      throw new WechatCryptoError('EncodingAESKey must be 43 letters or digits');
    this.key = Buffer.from(`${encodingAESKey}=`, 'base64');
    if (this.key.length !== 32) throw new WechatCryptoError('EncodingAESKey does not decode to 32 bytes');
    this.iv = this.key.subarray(0, 16);
  }

  /**
   * @example new WechatCrypto(key).decrypt(encryptField).message // '<xml>…</xml>'
   */
  decrypt(base64: string): Decrypted {
    const data = Buffer.from(base64, 'base64');
    if (data.length === 0 || data.length % 16 !== 0) throw new WechatCryptoError('ciphertext is not whole AES blocks');
    const decipher = createDecipheriv('aes-256-cbc', this.key, this.iv);
    decipher.setAutoPadding(false); // the padding is PKCS#7 to 32 bytes, not AES's 16
    const padded = Buffer.concat([decipher.update(data), decipher.final()]);
    const pad = padded[padded.length - 1] ?? 0;
    if (pad < 1 || pad > BLOCK || pad > padded.length) throw new WechatCryptoError('bad padding');
    const plain = padded.subarray(0, padded.length - pad);
    if (plain.length < 20) throw new WechatCryptoError('plaintext too short');
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) throw new WechatCryptoError('message length exceeds plaintext');
    return {
      random: Buffer.from(plain.subarray(0, 16)),
      message: plain.subarray(20, 20 + length).toString('utf8'),
      appId: plain.subarray(20 + length).toString('utf8'),
    };
  }

  /** `random` is 16 bytes; tests pass the vectors' fixed value, production leaves it random. */
  encrypt(message: string, appId: string, random: Buffer = randomBytes(16)): string {
    if (random.length !== 16) throw new WechatCryptoError('random prefix must be 16 bytes');
    const body = Buffer.from(message, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const plain = Buffer.concat([random, length, body, Buffer.from(appId, 'utf8')]);
    const pad = BLOCK - (plain.length % BLOCK);
    const cipher = createCipheriv('aes-256-cbc', this.key, this.iv);
    cipher.setAutoPadding(false);
    return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString(
      'base64',
    );
  }
}
