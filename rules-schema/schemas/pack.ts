/**
 * An industry rule pack: lexicons, reply rules, keyword groups and sample flows for one
 * industry, each rule resting on a named source (a law article or a platform rule), and
 * self-test scenarios in the sandbox step format (CONTRACT §9) that must pass before the
 * pack is installed.
 *
 * Codes: a pack's lexicons report `pack:<id>/<CODE>` (their `code` must say so) and its
 * rules report `pack:<id>/<rule.code>`.
 */
import { flowSchema } from './flow.js';
import { keywordGroupSchema } from './keyword-group.js';
import { customRuleSchema, lexiconSchema, SEVERITIES } from './policy.js';
import { instantSchema, userSchema } from './message.js';
import { sandboxStepSchema } from './sandbox.js';

export const PACK_ID_PATTERN = '^[a-z0-9-]{1,64}$';

/** Semantic versioning 2.0.0 (major.minor.patch, optional pre-release and build). */
export const SEMVER_PATTERN =
  '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$';

/** A law article or platform rule the pack's rules rest on. */
export const packSourceSchema = {
  type: 'object',
  required: ['id', 'title'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    article: { type: 'string', maxLength: 200 },
    url: { type: 'string', maxLength: 500 },
    note: { type: 'string', maxLength: 500 },
  },
  additionalProperties: false,
} as const;

/** A reply rule: json-rules-engine conditions over the reply facts (replyType, text, codes, windowState, …). */
export const packRuleSchema = {
  type: 'object',
  required: ['id', 'code', 'severity', 'message', 'conditions'],
  properties: {
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', maxLength: 100 },
    /** Reported as `pack:<packId>/<code>`. */
    code: { type: 'string', pattern: '^[A-Z_]{1,64}$' },
    severity: { enum: SEVERITIES },
    /** Plain Chinese for operators. */
    message: { type: 'string', minLength: 1, maxLength: 300 },
    conditions: customRuleSchema.properties.conditions,
    /** The `id` of the pack source this rule rests on. */
    source: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' },
    enabled: { type: 'boolean', default: true },
  },
  additionalProperties: false,
} as const;

/** A self-test scenario: a named sandbox script (steps as CONTRACT §9, run against the pack alone). */
export const packTestSchema = {
  type: 'object',
  required: ['name', 'steps'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: { type: 'string', maxLength: 1000 },
    start: instantSchema,
    users: { type: 'object', additionalProperties: userSchema, maxProperties: 100 },
    steps: { type: 'array', minItems: 1, maxItems: 200, items: sandboxStepSchema },
  },
  additionalProperties: false,
} as const;

export const packSchema = {
  type: 'object',
  required: ['id', 'name', 'version', 'industry', 'sources'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: PACK_ID_PATTERN },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    version: { type: 'string', pattern: SEMVER_PATTERN, maxLength: 64 },
    industry: { type: 'string', minLength: 1, maxLength: 60 },
    description: { type: 'string', maxLength: 2000 },
    sources: { type: 'array', maxItems: 200, items: packSourceSchema },
    lexicons: { type: 'array', maxItems: 200, items: lexiconSchema },
    rules: { type: 'array', maxItems: 500, items: packRuleSchema },
    keywordGroups: { type: 'array', maxItems: 500, items: keywordGroupSchema },
    sampleFlows: { type: 'array', maxItems: 100, items: flowSchema },
    tests: { type: 'array', maxItems: 500, items: packTestSchema },
  },
  additionalProperties: false,
} as const;
