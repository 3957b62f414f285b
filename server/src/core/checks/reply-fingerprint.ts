/**
 * A stable key for DUPLICATE_REPLY: the same content after normalizing case, width and
 * white space only (CONTRACT §7), not the full matching normalization, so "您好！" and
 * "您 好 !" are one reply while different words stay different.
 */

/**
 * @example replyFingerprint({ type: 'text', content: 'Ｈｉ 您好！' }) === replyFingerprint({ type: 'text', content: 'hi您好!' })
 */
export function replyFingerprint(reply: unknown): string {
  if (isRecord(reply) && reply['type'] === 'text' && typeof reply['content'] === 'string') {
    return `text:${reply['content'].normalize('NFKC').toLowerCase().replace(WHITE_SPACE, '')}`;
  }
  return `json:${canonicalJson(reply)}`;
}

const WHITE_SPACE = /[\p{White_Space}\u200b-\u200d\u2060\ufeff]+/gu;

/** JSON with object keys sorted at every level, so key order never changes the key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
