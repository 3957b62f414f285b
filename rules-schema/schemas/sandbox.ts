/**
 * Sandbox scripts (CONTRACT §9): the step format shared by the sandbox API, saved
 * scenarios, `examples/scenarios/*.json` and pack self-tests.
 */
import { instantSchema, messageSchema, userSchema } from './message.js';
import { flowSchema } from './flow.js';
import { keywordGroupSchema } from './keyword-group.js';
import { policySchema } from './policy.js';

/**
 * `30s`, `10m`, `47h59m`, `2d`, `1h30m`, `500ms`: at most 9 digits a part and 5 parts, so every
 * number is exact; the sum is bounded by MAX_DURATION_MS (server/src/sandbox/parse-duration.ts).
 */
export const durationSchema = { type: 'string', pattern: '^(?:[0-9]{1,9}(?:ms|d|h|m|s)){1,5}$' } as const;

/** 100 years, the span of INSTANT_RANGE: no step can move further. */
export const MAX_DURATION_MS = 36_525 * 86_400_000;

export const expectationSchema = {
  type: 'object',
  properties: {
    verdict: { enum: ['allow', 'warn', 'block'] },
    codes: { type: 'array', items: { type: 'string', minLength: 1 } },
    notCodes: { type: 'array', items: { type: 'string', minLength: 1 } },
    replyCount: { type: 'integer', minimum: 0 },
    replyContains: { type: 'string', minLength: 1 },
    group: { type: 'string', minLength: 1 },
    windowState: { enum: ['open', 'closing', 'expired', 'none', 'unsubscribed'] },
    handoff: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

export const sandboxStepSchema = {
  type: 'object',
  properties: {
    after: durationSchema,
    at: instantSchema,
    note: { type: 'string', maxLength: 300 },
    /** `from` names a sandbox user; a msgId is generated when absent, so each step is its own message. */
    inbound: messageSchema,
    reply: { type: 'object', required: ['type'], properties: { type: { type: 'string', minLength: 1 } } },
    to: { type: 'string', minLength: 1, maxLength: 128 },
    commit: { type: 'boolean' },
    expect: expectationSchema,
  },
  oneOf: [
    { required: ['inbound'], not: { anyOf: [{ required: ['reply'] }, { required: ['to'] }] } },
    { required: ['reply', 'to'], not: { required: ['inbound'] } },
  ],
  additionalProperties: false,
} as const;

const scriptProperties = {
  flows: { type: 'array', maxItems: 200, items: flowSchema },
  keywordGroups: { type: 'array', maxItems: 1000, items: keywordGroupSchema },
  policy: policySchema,
  packs: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9-]{1,64}$' }, uniqueItems: true },
  start: instantSchema,
  users: { type: 'object', additionalProperties: userSchema, maxProperties: 100 },
  steps: { type: 'array', minItems: 1, maxItems: 500, items: sandboxStepSchema },
} as const;

/**
 * What a run takes the documents it is not given inline from: the account's drafts, or what is
 * live (the published flows, keyword groups and policy, and the installed enabled packs).
 */
export const sandboxSourceSchema = { enum: ['drafts', 'live'] } as const;

export const sandboxRunBodySchema = {
  type: 'object',
  required: ['steps'],
  properties: {
    account: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'default' },
    source: { ...sandboxSourceSchema, default: 'drafts' },
    ...scriptProperties,
  },
  additionalProperties: false,
} as const;

/** What a sandbox run answers beside `passed` and `steps`: what it ran. */
export const sandboxRanSchema = {
  type: 'object',
  required: ['source'],
  properties: {
    source: sandboxSourceSchema,
    /** For `live`: the live workspace version it ran (as `GET /workspace/status` reports it). */
    workspaceVersion: { type: 'integer', minimum: 0 },
  },
  additionalProperties: false,
} as const;

/** A saved scenario: a sandbox script with a name, kept in the account's scenario library. */
export const scenarioSchema = {
  type: 'object',
  required: ['id', 'name', 'steps'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: 'string', maxLength: 1000 },
    revision: { type: 'integer', minimum: 0 },
    ...scriptProperties,
  },
  additionalProperties: false,
} as const;

export const backtestBodySchema = {
  type: 'object',
  required: ['from', 'to'],
  properties: {
    account: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'default' },
    from: instantSchema,
    to: instantSchema,
    limit: { type: 'integer', minimum: 1, maximum: 20000, default: 5000 },
    flows: scriptProperties.flows,
    keywordGroups: scriptProperties.keywordGroups,
    policy: policySchema,
  },
  additionalProperties: false,
} as const;
