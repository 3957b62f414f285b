/**
 * Fills `{{name}}` / `{{name|fallback}}` variables in every text field of a reply before the
 * checks run, so the checks see what the user will see.
 */
export type Variables = Record<string, string | undefined>;

const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;

/** Words used when a variable has no value and no fallback, so a sentence still reads well. */
const DEFAULTS: Record<string, string> = { nickname: '您' };

export function fillText(text: string, vars: Variables): string {
  return text.replace(VARIABLE, (_all, name: string, fallback?: string) => vars[name] || fallback || DEFAULTS[name] || '');
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
