/**
 * Fills `{{name}}` / `{{name|fallback}}` variables in every text field of a reply before the
 * checks run, so the checks see what the user will see. Only the variables of
 * `rules-schema/reply-variables.ts` are filled, and only from the values given: a name such as
 * `{{constructor}}` (refused at save, but an agent's /replies/check text is not a saved flow)
 * gets its fallback or nothing, never a property inherited from `Object.prototype`.
 */
import { isReplyVariable, variablePattern, type ReplyVariable } from '../../../../rules-schema/reply-variables.js';

export type Variables = Partial<Record<ReplyVariable, string | undefined>>;

/** Words used when a variable has no value and no fallback, so a sentence still reads well. */
const DEFAULTS: Variables = { nickname: '您' };

/** @example fillText('{{nickname}}，您好', { nickname: '小明' }) // '小明，您好' */
export function fillText(text: string, vars: Variables): string {
  return text.replace(variablePattern(), (_all, name: string, fallback?: string) => {
    const known = isReplyVariable(name);
    return (
      (known ? ownValue(vars, name) : undefined) || fallback || (known ? ownValue(DEFAULTS, name) : undefined) || ''
    );
  });
}

export function fillVariables<T>(reply: T, vars: Variables): T {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes('{{') ? fillText(value, vars) : value;
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    }
    return value;
  };
  return walk(reply) as T;
}

/** A caller's object may come from parsed JSON: read own string properties only. */
function ownValue(vars: Variables, name: ReplyVariable): string | undefined {
  const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
  return typeof value === 'string' ? value : undefined;
}
