/**
 * What a reply check answers (CONTRACT §6–§8): reasons with their evidence and rewrite
 * suggestion, the window object, the counters, and the bodies of `/replies/check`,
 * `/replies/send`, `/lint`, `/lint/flow` and the window read. Declared once here, so the server
 * that answers and the editor that reads agree. Fields may be added, none removed: no
 * `additionalProperties: false`.
 */
const text = { type: 'string' } as const;
const offset = { type: 'integer', minimum: 0 } as const;

/** What in the reply caused a reason: `field` is a path inside the reply (`content`, `articles/0/url`). */
export const evidenceSchema = {
  type: 'object',
  required: ['field', 'text', 'start', 'end'],
  properties: {
    field: text,
    text,
    /** UTF-16 offsets into the field's (variable-filled) text. */
    start: offset,
    end: offset,
  },
} as const;

/** A compliant rewrite of one field: `text` is `field`'s text with `[start, end)` replaced by `replacement`. */
export const textRewriteSchema = {
  type: 'object',
  required: ['kind', 'field', 'start', 'end', 'replacement', 'text', 'message'],
  properties: {
    kind: { const: 'rewrite' },
    /** The evidence field, a JSON pointer without the leading slash (`content`, `articles/0/title`). */
    field: text,
    /** UTF-16 offsets into the field's checked text; the span may be wider than the evidence (a whole clause). */
    start: offset,
    end: offset,
    replacement: text,
    /** The whole field rewritten. */
    text,
    /** Plain Chinese: what was changed and what the operator may still need to adjust. */
    message: text,
  },
} as const;

/** No text rewrite makes the reply sendable (window, frequency, a term that can only go): what to do instead. */
export const rewriteHintSchema = {
  type: 'object',
  required: ['kind', 'message'],
  properties: { kind: { const: 'hint' }, message: text },
} as const;

/**
 * A check's finding (§7). Besides `block` and `warn`, an `info` note explains a hit that was not
 * reported (denied, refused, warned against, a legal use); it never changes the verdict.
 */
export const reasonSchema = {
  type: 'object',
  required: ['code', 'severity', 'message', 'ruleId'],
  properties: {
    code: text,
    severity: { enum: ['block', 'warn', 'info'] },
    /** Plain Chinese for operators. */
    message: text,
    ruleId: text,
    evidence: evidenceSchema,
    /** A compliant rewrite of the field, or a plain hint when none exists. */
    suggestion: { oneOf: [textRewriteSchema, rewriteHintSchema] },
  },
} as const;

export const verdictSchema = { enum: ['allow', 'warn', 'block'] } as const;

/** The window object of §6. */
export const windowSchema = {
  type: 'object',
  required: ['state', 'openedAt', 'expiresAt', 'remainingSeconds', 'quota'],
  properties: {
    state: { enum: ['open', 'closing', 'expired', 'none', 'unsubscribed'] },
    openedAt: { type: ['string', 'null'] },
    expiresAt: { type: ['string', 'null'] },
    remainingSeconds: { type: 'number' },
    quota: {
      type: 'object',
      required: ['left', 'expiresAt'],
      properties: { left: { type: 'integer' }, expiresAt: { type: ['string', 'null'] } },
    },
  },
} as const;

/** The account's own etiquette (§7 FREQUENCY_LIMIT): replies since the user's last qualifying interaction. */
export const countersSchema = {
  type: 'object',
  required: ['repliesSinceInteraction', 'maxRepliesPerInteraction'],
  properties: { repliesSinceInteraction: { type: 'integer' }, maxRepliesPerInteraction: { type: 'integer' } },
} as const;

/** `POST /lint`: the content checks of one reply. */
export const lintResultSchema = {
  type: 'object',
  required: ['verdict', 'reasons'],
  properties: { verdict: verdictSchema, reasons: { type: 'array', items: reasonSchema } },
} as const;

/** `POST /lint/flow`: the fields of a draft flow that publishing would refuse, with their block reasons. */
export const blockedRepliesSchema = {
  type: 'object',
  required: ['blocked'],
  properties: {
    blocked: {
      type: 'array',
      items: {
        type: 'object',
        required: ['nodeId', 'path', 'reasons'],
        properties: {
          nodeId: text,
          /** JSON pointer into the flow: `/nodes/3/data/replies/0/content`, `/nodes/5/data/question`. */
          path: text,
          reasons: { type: 'array', items: reasonSchema },
        },
      },
    },
  },
} as const;

/** `POST /replies/check` (§8); `/replies/send` adds `sent` and, when the platform refused, `errcode` and `errmsg`. */
export const replyCheckResultSchema = {
  type: 'object',
  required: ['verdict', 'reasons', 'window', 'counters', 'committed'],
  properties: {
    verdict: verdictSchema,
    reasons: { type: 'array', items: reasonSchema },
    window: windowSchema,
    counters: countersSchema,
    committed: { type: 'boolean' },
    sent: { type: 'boolean' },
    /** The platform's refusal; null when the call failed before WeChat answered. */
    errcode: { type: ['integer', 'null'] },
    errmsg: text,
  },
} as const;

/** `GET /users/:openid/window` (§8): the window object with `counters` beside its fields. */
export const windowResultSchema = {
  type: 'object',
  required: [...windowSchema.required, 'counters'],
  properties: { ...windowSchema.properties, counters: countersSchema },
} as const;
