/**
 * What the document routes answer (CONTRACT §10) besides the documents themselves: the list
 * entries and the published versions. Declared once, so the server and the editor agree.
 */
const text = { type: 'string' } as const;

/** An entry of `GET /flows`, `/keyword-groups`, `/policies`, `/scenarios`. */
export const documentSummarySchema = {
  type: 'object',
  required: ['id', 'name', 'revision', 'publishedVersion'],
  properties: {
    id: text,
    name: text,
    revision: { type: 'integer' },
    updatedAt: text,
    updatedBy: text,
    /** The live version's number; null when never published. */
    publishedVersion: { type: ['integer', 'null'] },
  },
} as const;

/** An entry of `GET …/:id/versions`: an immutable published version. */
export const versionInfoSchema = {
  type: 'object',
  required: ['version', 'publishedAt'],
  properties: {
    id: text,
    version: { type: 'integer' },
    publishedAt: text,
    publishedBy: text,
    note: text,
    /** Keyword groups a `withGroups` publish put live with the flow, in the same workspace version. */
    groups: {
      type: 'array',
      items: { type: 'object', required: ['id', 'version'], properties: { id: text, version: { type: 'integer' } } },
    },
  },
} as const;
