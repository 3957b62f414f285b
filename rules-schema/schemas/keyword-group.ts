/**
 * A keyword group: every way users ask one question ("退款 退货 退钱 …"), matched
 * after normalization. `fuzzy` also ignores filler characters between words; `regex`
 * keywords are patterns (RE2, linear time) over the normalized text.
 */
export const MATCH_MODES = ['exact', 'contains', 'fuzzy', 'regex'] as const;

export const keywordGroupSchema = {
  type: 'object',
  required: ['id', 'name', 'keywords'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 60 },
    description: { type: 'string', maxLength: 500 },
    mode: { enum: MATCH_MODES, default: 'contains' },
    keywords: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'string', minLength: 1, maxLength: 60 },
    },
    exclusions: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 60 }, maxItems: 500 },
    enabled: { type: 'boolean', default: true },
    revision: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
  /** In a `regex` group every keyword must pass the regex safety check (rules-schema/regex-safety.ts). */
  'x-safeRegexKeywords': true,
} as const;
