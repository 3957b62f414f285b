/**
 * The variables a reply template may use, shared by the validator (a flow naming any other is
 * refused at save, in the editor, the server and the CLI alike) and the runtime that fills them.
 *
 * - `{{nickname}}`: the user's nickname (from the message's `user`), `您` when unknown;
 * - `{{openid}}`: the user's openid;
 * - `{{name|fallback}}`: any of them with the words to use when it has no value.
 */
export const REPLY_VARIABLES = ['nickname', 'openid'] as const;

export type ReplyVariable = (typeof REPLY_VARIABLES)[number];

/** `{{ name }}` or `{{ name|fallback }}`; a fresh RegExp per call, as `g` patterns carry state. */
export function variablePattern(): RegExp {
  return /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:\|([^}]*))?\}\}/g;
}

export function isReplyVariable(name: string): name is ReplyVariable {
  return (REPLY_VARIABLES as readonly string[]).includes(name);
}

/**
 * Every `{{name}}` outside the allowlist in the strings of a reply, with the JSON pointer of
 * the string it sits in (relative to the reply).
 * @example unknownVariables({type:'text', content:'{{constructor}}'}) // [{path:'/content', name:'constructor'}]
 */
export function unknownVariables(reply: unknown, path = ''): Array<{ path: string; name: string }> {
  if (typeof reply === 'string') {
    return [...reply.matchAll(variablePattern())].flatMap((m) =>
      m[1] !== undefined && !isReplyVariable(m[1]) ? [{ path, name: m[1] }] : [],
    );
  }
  if (reply === null || typeof reply !== 'object') return [];
  return Object.entries(reply).flatMap(([key, value]) => unknownVariables(value, `${path}/${escapePointer(key)}`));
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
