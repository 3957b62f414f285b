import type { LintRewrite } from '../api/documents-api.js';
import type { Reply } from '../../../rules-schema/index.js';

/**
 * The reply with the rewrite's field (`content`, `articles/0/title`, a JSON pointer without the
 * leading slash) replaced by the rewritten text, or null when the reply has no such text field.
 * @example applyRewrite({ type: 'text', content: '最佳' }, { field: 'content', text: '优质', … }) // { type: 'text', content: '优质' }
 */
export function applyRewrite(reply: Reply, rewrite: LintRewrite): Reply | null {
  const next = setText(reply, rewrite.field.replace(/^\//, '').split('/'), rewrite.text);
  // setText rebuilt the reply along the path only; every other field is the reply's own (parse boundary of a typed copy).
  return next === null ? null : (next as Reply);
}

function setText(at: unknown, path: readonly string[], text: string): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return typeof at === 'string' ? text : null;
  if (Array.isArray(at)) {
    const i = Number(key);
    if (!Number.isInteger(i) || i < 0 || i >= at.length) return null;
    const child = setText(at[i], rest, text);
    return child === null ? null : at.map((x, j) => (j === i ? child : x));
  }
  if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return null;
  const child = setText(Reflect.get(at, key), rest, text);
  return child === null ? null : { ...at, [key]: child };
}
