/**
 * The account's compliance policy: every §6 window setting and §7 check, the lexicons
 * the checks scan with, the link allowlist and custom json-rules-engine conditions.
 */
/** Every number has both bounds: a value past them (1e300 minutes) would overflow the window maths at runtime. */
const MINUTES_PER_YEAR = 525_600;
const minutes = { type: 'number', exclusiveMinimum: 0, maximum: MINUTES_PER_YEAR } as const;

const grantSchema = {
  type: 'object',
  required: ['quota', 'minutes'],
  properties: { quota: { type: 'integer', minimum: 0, maximum: 1000 }, minutes },
  additionalProperties: false,
} as const;

export const SEVERITIES = ['block', 'warn'] as const;

/** Lexicon categories; each maps to the §7 code its hits report. */
export const LEXICON_CATEGORIES = ['absolute', 'medical', 'promotion', 'sharing', 'banned'] as const;

export const lexiconTermSchema = {
  type: 'object',
  required: ['term'],
  properties: {
    /** A phrase, or with `regex: true` a pattern (hence up to 100 chars). */
    term: { type: 'string', minLength: 1, maxLength: 100 },
    /** Longer phrases containing the term in which it is ordinary (第一次 for 第一). */
    exclusions: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 60 } },
    severity: { enum: SEVERITIES },
    note: { type: 'string', maxLength: 300 },
    /**
     * `term` is a regular expression over the NORMALIZED text (lowercase, half-width, no
     * separators). Only a linear-time subset is accepted: no backreferences, lookarounds or
     * quantified groups (see server/src/core/checks/regex-safety.ts); others are refused.
     */
    regex: { type: 'boolean' },
  },
  additionalProperties: false,
  /** Refuses a `regex` term that could backtrack catastrophically (rules-schema/regex-safety.ts). */
  'x-safeRegexTerm': true,
} as const;

export const lexiconSchema = {
  type: 'object',
  required: ['id', 'name', 'category', 'terms'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    category: { enum: LEXICON_CATEGORIES },
    severity: { enum: SEVERITIES },
    /** Code reported for hits; defaults to the category's §7 code. */
    code: { type: 'string', pattern: '^([A-Z_]+|pack:[a-z0-9-]+/[A-Z_]+|rule:[A-Za-z0-9_-]+)$' },
    enabled: { type: 'boolean', default: true },
    /**
     * Whether a negation right before a hit cancels it (不能保证治愈, 无法根治, 并非无副作用).
     * Default: on for `medical` lexicons, off for the others.
     */
    negation: { type: 'boolean' },
    /**
     * Whether the reply classifier reviews the hits: a hit whose code it reads, in a reply and a
     * sentence it reads as near-certainly not that code (a refusal, a warning, a licensed trade
     * explaining its rules), is reported as an `info` note instead of a finding. On the shipped
     * banned lexicons, whose offers and lawful talk it learned from; off by default, so an
     * account's own terms always count.
     */
    classifierReview: { type: 'boolean' },
    /**
     * Turns the lexicon into the head of a construction: its terms are reported only with a
     * term of a partner lexicon on `side` of them, at most `maxGap` normalized chars away, in
     * the same clause or sentence (降 + 血压, 血糖 + 正常). A partner lexicon's terms are then cues only.
     */
    pairs: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        required: ['lexicon', 'side'],
        properties: {
          lexicon: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          side: { enum: ['before', 'after', 'either'] },
          maxGap: { type: 'integer', minimum: 0, maximum: 30, default: 6 },
          /** How far the pair may reach: within one clause (default) or one sentence. */
          within: { enum: ['clause', 'sentence'], default: 'clause' },
        },
        additionalProperties: false,
      },
    },
    /** Where the terms come from: the law, rule or public list, and its licence. */
    sources: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['title'],
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 200 },
          article: { type: 'string', maxLength: 100 },
          url: { type: 'string', maxLength: 500 },
          licence: { type: 'string', maxLength: 100 },
        },
        additionalProperties: false,
      },
    },
    terms: { type: 'array', maxItems: 100000, items: lexiconTermSchema },
  },
  additionalProperties: false,
} as const;

export const CHECK_CODES = [
  'WINDOW_NONE',
  'WINDOW_EXPIRED',
  'WINDOW_CLOSING',
  'USER_UNSUBSCRIBED',
  'QUOTA_EXHAUSTED',
  'FREQUENCY_LIMIT',
  'DUPLICATE_REPLY',
  'EXTERNAL_LINK',
  'MARKETPLACE_CODE',
  'INDUCED_SHARING',
  'PROMOTION',
  'OVER_MARKETING',
  'ABSOLUTE_TERM',
  'BANNED_TERM',
  'MEDICAL_CLAIM',
  'UNSUPPORTED_TYPE',
  'CONTENT_TOO_LONG',
] as const;

/** A custom rule: json-rules-engine conditions over the reply facts, reporting `rule:<id>`. */
export const customRuleSchema = {
  type: 'object',
  required: ['id', 'name', 'severity', 'message', 'conditions'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    severity: { enum: SEVERITIES },
    message: { type: 'string', minLength: 1, maxLength: 300 },
    enabled: { type: 'boolean', default: true },
    conditions: {
      type: 'object',
      minProperties: 1,
      maxProperties: 1,
      properties: { all: { type: 'array' }, any: { type: 'array' }, not: { type: 'object' } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/**
 * A reviewed false positive: hits of `code` lying inside an occurrence of `phrase` are not
 * reported (an exclusion added after review, e.g. 最佳赏味期 for ABSOLUTE_TERM). With
 * `scope.flowId` it applies only to replies proposed by that flow.
 */
export const allowanceSchema = {
  type: 'object',
  required: ['id', 'code', 'phrase'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    code: { type: 'string', pattern: '^([A-Z_]+|pack:[a-z0-9-]+/[A-Z_]+|rule:[A-Za-z0-9_-]+)$' },
    phrase: { type: 'string', minLength: 1, maxLength: 100 },
    scope: {
      type: 'object',
      properties: { flowId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
      additionalProperties: false,
    },
    note: { type: 'string', maxLength: 500 },
    createdBy: { type: 'string', maxLength: 100 },
    createdAt: { type: 'string', maxLength: 40 },
  },
  additionalProperties: false,
} as const;

/** Body of `POST /policies/:id/allowances`: the server fills id, createdBy and createdAt. */
export const allowanceBodySchema = {
  type: 'object',
  required: ['code', 'phrase'],
  properties: {
    code: allowanceSchema.properties.code,
    phrase: allowanceSchema.properties.phrase,
    scope: allowanceSchema.properties.scope,
    note: allowanceSchema.properties.note,
  },
  additionalProperties: false,
} as const;

export const policySchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    revision: { type: 'integer', minimum: 0 },
    timezone: { type: 'string', minLength: 1, maxLength: 64, default: 'Asia/Shanghai' },
    businessHours: {
      type: 'object',
      required: ['start', 'end'],
      properties: {
        days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, uniqueItems: true },
        start: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
        end: { type: 'string', pattern: '^([01][0-9]|2[0-4]):[0-5][0-9]$' },
      },
      additionalProperties: false,
    },
    window: {
      type: 'object',
      properties: {
        message: grantSchema,
        menuClick: grantSchema,
        subscribe: grantSchema,
        scan: grantSchema,
        marginMinutes: { type: 'number', minimum: 0, maximum: 1440 },
        nonOpeningEventKeys: { type: 'array', maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 128 } },
      },
      additionalProperties: false,
    },
    frequency: {
      type: 'object',
      properties: { maxRepliesPerInteraction: { type: 'integer', minimum: 1, maximum: 100 } },
      additionalProperties: false,
    },
    duplicates: {
      type: 'object',
      properties: { withinMinutes: { type: 'number', minimum: 0, maximum: MINUTES_PER_YEAR } },
      additionalProperties: false,
    },
    marketing: {
      type: 'object',
      properties: { maxPromotionsPerWindow: { type: 'integer', minimum: 0, maximum: 1000 } },
      additionalProperties: false,
    },
    content: {
      type: 'object',
      properties: {
        maxTextBytes: { type: 'integer', minimum: 1, maximum: 1_048_576 },
        maxArticles: { type: 'integer', minimum: 1, maximum: 100 },
      },
      additionalProperties: false,
    },
    /**
     * The agent queue: an auto reply holding one of these phrases promised a person, so its user
     * stays in the queue until a human answers (the seed's "如果还有其他问题，可以继续问我哦").
     */
    queue: {
      type: 'object',
      properties: {
        humanFollowUpPhrases: { type: 'array', maxItems: 50, items: { type: 'string', minLength: 2, maxLength: 100 } },
        /**
         * The seed's "还有其他问题吗？" suggested to agents (never sent on its own) for users whose
         * window closes within `withinMinutes`: a user who answers it opens a fresh window.
         */
        followUpPrompt: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            text: { type: 'string', minLength: 1, maxLength: 200 },
            withinMinutes: { type: 'integer', minimum: 1, maximum: 2880 },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
    links: {
      type: 'object',
      properties: { allow: { type: 'array', maxItems: 1000, items: { type: 'string', minLength: 1, maxLength: 253 } } },
      additionalProperties: false,
    },
    /** Per-code switches and severity overrides for the built-in §7 checks. */
    checks: {
      type: 'object',
      propertyNames: { enum: CHECK_CODES },
      additionalProperties: {
        type: 'object',
        properties: { enabled: { type: 'boolean' }, severity: { enum: SEVERITIES } },
        additionalProperties: false,
      },
    },
    lexicons: { type: 'array', maxItems: 200, items: lexiconSchema },
    rules: { type: 'array', maxItems: 500, items: customRuleSchema },
    /** Reviewed false positives: `phrase` no longer raises `code` (see allowanceSchema). */
    allowances: { type: 'array', maxItems: 5000, items: allowanceSchema },
  },
  additionalProperties: false,
} as const;
