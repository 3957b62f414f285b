/** A short id that fits every id pattern of `rules-schema/` (`[A-Za-z0-9_-]`). */
export function newId(prefix: string): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36).slice(-4)}${rand}`;
}
