/**
 * The one source of truth for ReplyFlow documents: JSON Schemas (2020-12) and the
 * TypeScript types derived from them with json-schema-to-ts, never written twice.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { flowSchema, flowNodeSchema, flowEdgeSchema, conditionSchema } from './schemas/flow.js';
import { keywordGroupSchema } from './schemas/keyword-group.js';
import { policySchema, lexiconSchema, customRuleSchema } from './schemas/policy.js';
import { messageSchema, userSchema } from './schemas/message.js';
import { replySchema } from './schemas/reply.js';
import {
  inboundBodySchema,
  replyCheckBodySchema,
  tokenCreateBodySchema,
  accountBodySchema,
  publishBodySchema,
  rollbackBodySchema,
} from './schemas/api-bodies.js';

export * from './schemas/flow.js';
export * from './schemas/keyword-group.js';
export * from './schemas/policy.js';
export * from './schemas/message.js';
export * from './schemas/reply.js';
export * from './schemas/api-bodies.js';

/** Schemas served at `GET /api/v1/schema/:name` and registered with the validator. */
export const SCHEMAS = {
  flow: flowSchema,
  'keyword-group': keywordGroupSchema,
  policy: policySchema,
  message: messageSchema,
  reply: replySchema,
  'inbound-body': inboundBodySchema,
  'reply-check-body': replyCheckBodySchema,
  'token-create-body': tokenCreateBodySchema,
  'account-body': accountBodySchema,
  'publish-body': publishBodySchema,
  'rollback-body': rollbackBodySchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export type Flow = FromSchema<typeof flowSchema>;
export type FlowNode = FromSchema<typeof flowNodeSchema>;
export type FlowEdge = FromSchema<typeof flowEdgeSchema>;
export type FlowCondition = FromSchema<typeof conditionSchema>;
export type KeywordGroup = FromSchema<typeof keywordGroupSchema>;
export type Policy = FromSchema<typeof policySchema>;
export type Lexicon = FromSchema<typeof lexiconSchema>;
export type CustomRule = FromSchema<typeof customRuleSchema>;
export type InboundMessage = FromSchema<typeof messageSchema>;
export type UserProfile = FromSchema<typeof userSchema>;
export type Reply = FromSchema<typeof replySchema>;
export type InboundBody = FromSchema<typeof inboundBodySchema>;
export type ReplyCheckBody = FromSchema<typeof replyCheckBodySchema>;
export type TokenCreateBody = FromSchema<typeof tokenCreateBodySchema>;
export type AccountBody = FromSchema<typeof accountBodySchema>;
export type PublishBody = FromSchema<typeof publishBodySchema>;
export type RollbackBody = FromSchema<typeof rollbackBodySchema>;
export type Role = TokenCreateBody['role'];
