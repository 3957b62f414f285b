/**
 * The curated synonym source shipped with the project (`rules-schema/defaults/keyword-synonyms.json`):
 * sets of words customer-service users type for the same thing (退款 退钱 原路返回 tk …), each with
 * the public sources its words were taken from. The editor's 「建议添加」 draws on it
 * (`GET /api/v1/keyword-groups/:id/suggestions`); nothing is ever added to a group without the
 * operator accepting it.
 */

const sourceSchema = {
  type: 'object',
  required: ['title', 'licence'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    /** Which part of the source (a section, a category of a help centre). */
    article: { type: 'string', maxLength: 100 },
    url: { type: 'string', maxLength: 500 },
    licence: { type: 'string', minLength: 1, maxLength: 100 },
  },
  additionalProperties: false,
} as const;

/** One set: every word in it names the same thing for a customer-service question. */
export const synonymSetSchema = {
  type: 'object',
  required: ['id', 'name', 'words', 'sources'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    /** Shown to operators (“与‘退款’同义” names the group's word; this names the set). */
    name: { type: 'string', minLength: 1, maxLength: 30 },
    note: { type: 'string', maxLength: 300 },
    /** The most common wording first: suggestions that tie keep this order. */
    words: {
      type: 'array',
      minItems: 2,
      maxItems: 200,
      uniqueItems: true,
      items: { type: 'string', minLength: 1, maxLength: 60 },
    },
    sources: { type: 'array', minItems: 1, maxItems: 10, items: sourceSchema },
  },
  additionalProperties: false,
} as const;

export const keywordSynonymsSchema = {
  type: 'object',
  required: ['schemaVersion', 'sets'],
  properties: {
    schemaVersion: { const: 1 },
    description: { type: 'string', maxLength: 1000 },
    sets: { type: 'array', minItems: 1, maxItems: 500, items: synonymSetSchema },
  },
  additionalProperties: false,
} as const;

/** What `GET /api/v1/keyword-groups/:id/suggestions` answers. Fields may be added, none removed. */
export const keywordSuggestionsSchema = {
  type: 'object',
  required: ['suggestions'],
  properties: {
    suggestions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['word', 'because', 'source', 'set', 'votes'],
        properties: {
          word: { type: 'string' },
          /** The group's own word that shares a set with `word` (the first one, in the group's order). */
          because: { type: 'string' },
          /** The set's name and the titles of its sources, for the operator to judge. */
          source: { type: 'string' },
          /** The synonym set's id. */
          set: { type: 'string' },
          /** How many of the group's words share a set with it: the order of the list. */
          votes: { type: 'integer', minimum: 1 },
        },
      },
    },
  },
} as const;
