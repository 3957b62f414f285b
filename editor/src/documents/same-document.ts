/**
 * Whether two versions of a document say the same thing: `revision` (a storage counter) is
 * ignored, and so is key order (the server stores what it validated, the editor what it built).
 * @example sameDocument({ id: 'kg', keywords: ['退款'], revision: 3 }, { keywords: ['退款'], id: 'kg' }) // true
 */
export function sameDocument(a: object, b: object): boolean {
  return canonical(withoutRevision(a)) === canonical(withoutRevision(b));
}

function withoutRevision(doc: object): object {
  const { revision: _revision, ...rest } = doc as { revision?: unknown };
  return rest;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
