/**
 * WeChat's request signatures: SHA-1 over the parts sorted and joined (DOMAIN §3.1/§3.2).
 * The URL signature signs `[token, timestamp, nonce]`; safe mode's `msg_signature` adds the
 * `Encrypt` body field.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * @example wechatSignature('AAAAA', '1714036504', '1514711492') // 'f464b24f…'
 */
export function wechatSignature(...parts: string[]): string {
  // Plain code-unit order equals PHP's SORT_STRING byte order for the ASCII inputs WeChat sends.
  const joined = [...parts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('');
  return createHash('sha1').update(joined, 'utf8').digest('hex');
}

/** Constant-time comparison of a computed and a received hex signature. */
export function signatureMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  // Length is not secret (always 40 hex digits); equal lengths are required by timingSafeEqual.
  return a.length === b.length && timingSafeEqual(a, b);
}
