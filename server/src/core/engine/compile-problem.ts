/**
 * Why a workspace cannot run, as data: a JSON pointer into the workspace (`/policy/…`,
 * `/flows/<id>/…`, `/keywordGroups/<id>/…`, `/packs/<id>/…`) and a plain message. The gate
 * rebases the pointer onto the document being saved, published or imported.
 */
export interface CompileProblem {
  path: string;
  message: string;
}

/** Where each document sits in a workspace pointer. */
export const WORKSPACE_PATHS = {
  policy: () => '/policy',
  flow: (id: string) => `/flows/${pointerToken(id)}`,
  'keyword-group': (id: string) => `/keywordGroups/${pointerToken(id)}`,
  pack: (id: string) => `/packs/${pointerToken(id)}`,
} as const;

/** RFC 6901 escaping of one reference token. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
