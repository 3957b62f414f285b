/** Request bodies of the runtime API (CONTRACT §8, §10). */
import { instantSchema, messageSchema, userSchema } from './message.js';

const account = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'default' } as const;

export const inboundBodySchema = {
  type: 'object',
  required: ['message'],
  properties: { account, message: messageSchema, user: userSchema, dryRun: { type: 'boolean', default: false } },
  additionalProperties: false,
} as const;

/** Who a proposed reply goes to and what it is. The reply is only required to name a type here: its shape is judged by the checks (UNSUPPORTED_TYPE). */
const replyTarget = {
  account,
  to: { type: 'string', minLength: 1, maxLength: 128 },
  reply: { type: 'object', required: ['type'], properties: { type: { type: 'string', minLength: 1 } } },
  at: instantSchema,
  user: userSchema,
  /** The agent committing the reply: it counts as `human` in the metrics (CONTRACT §12). */
  agent: { type: 'string', minLength: 1, maxLength: 64 },
} as const;

export const replyCheckBodySchema = {
  type: 'object',
  required: ['to', 'reply'],
  properties: { ...replyTarget, commit: { type: 'boolean', default: false } },
  additionalProperties: false,
} as const;

/** POST /replies/send: the §7 checks, then delivery through the account's customer-service API. */
export const replySendBodySchema = {
  type: 'object',
  required: ['to', 'reply'],
  properties: replyTarget,
  additionalProperties: false,
} as const;

export const ROLES = ['admin', 'editor', 'runtime', 'viewer'] as const;

export const tokenCreateBodySchema = {
  type: 'object',
  required: ['name', 'role'],
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: { enum: ROLES } },
  additionalProperties: false,
} as const;

export const accountBodySchema = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 100 },
    appId: { type: 'string', maxLength: 64 },
    token: { type: 'string', pattern: '^[A-Za-z0-9]{3,32}$' },
    encodingAESKey: { type: 'string', pattern: '^[A-Za-z0-9]{43}$' },
    appSecret: { type: 'string', minLength: 1, maxLength: 128 },
    apiBase: { type: 'string', format: 'uri' },
    timezone: { type: 'string', minLength: 1 },
  },
  additionalProperties: false,
} as const;

export const publishBodySchema = {
  type: 'object',
  properties: {
    note: { type: 'string', maxLength: 500 },
    /** Publish although saved scenarios fail; the note must say why. */
    overrideScenarios: { type: 'boolean' },
    /** Publish a flow although a reply would be blocked by the content checks (a reviewed case); the note must say why, and is audited with the codes. */
    overrideContent: { type: 'boolean' },
    /** Publish the drafts of the keyword groups a flow uses and are not live, each first, then the flow. */
    withGroups: { type: 'boolean' },
  },
  allOf: [
    {
      if: { properties: { overrideScenarios: { const: true } }, required: ['overrideScenarios'] },
      then: { required: ['note'], properties: { note: { minLength: 1 } } },
    },
    {
      if: { properties: { overrideContent: { const: true } }, required: ['overrideContent'] },
      then: { required: ['note'], properties: { note: { minLength: 1 } } },
    },
  ],
  additionalProperties: false,
} as const;

export const rollbackBodySchema = {
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 }, note: { type: 'string', maxLength: 500 } },
  additionalProperties: false,
} as const;
