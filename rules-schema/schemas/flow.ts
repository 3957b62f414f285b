/**
 * Auto-reply flows, stored in React Flow's own shape (nodes with id/type/position/data,
 * edges with source/target/sourceHandle) so the editor loads them without translation.
 *
 * Edge handles: a keyword-group node leaves by `match` (default) or `else`; a condition
 * node by `true` (default) or `false`. Other nodes have one way out. In a flow answering one
 * group per message, a group that matched but lost to another leaves by neither: it did match,
 * so its `else` is not the operator's case either.
 */
import { MESSAGE_TYPES, KNOWN_EVENTS } from './message.js';
import { replySchema } from './reply.js';

const position = {
  type: 'object',
  required: ['x', 'y'],
  properties: { x: { type: 'number' }, y: { type: 'number' } },
  additionalProperties: false,
} as const;

const id = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' } as const;

function nodeOf<K extends string, D extends object>(kind: K, data: D) {
  return {
    type: 'object',
    required: ['id', 'type', 'position', 'data'],
    properties: { id, type: { const: kind }, position, data, label: { type: 'string', maxLength: 100 } },
    additionalProperties: false,
  } as const;
}

export const triggerDataSchema = {
  type: 'object',
  properties: {
    messageTypes: { type: 'array', items: { enum: MESSAGE_TYPES.filter((t) => t !== 'event') }, uniqueItems: true },
    events: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    menuKeys: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    onlyIfUnmatched: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

/** Facts a condition can test, each with plain operators the editor offers as choices. */
export const CONDITION_FACTS = [
  'windowState',
  'repliesSinceInteraction',
  'quotaLeft',
  'userTags',
  'withinBusinessHours',
  'messageType',
  'topicCount',
  'preference',
] as const;

export const CONDITION_OPERATORS = [
  'equal',
  'notEqual',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
] as const;

export const conditionSchema = {
  type: 'object',
  required: ['fact', 'operator', 'value'],
  properties: {
    fact: { enum: CONDITION_FACTS },
    operator: { enum: CONDITION_OPERATORS },
    value: { type: ['string', 'number', 'boolean', 'array'], items: { type: ['string', 'number'] } },
    /** For `topicCount`: the keyword group id whose hits are counted. */
    topic: { type: 'string', minLength: 1 },
    /** For `preference`: the preference key whose value is tested (absent on the user: null). */
    key: { type: 'string', minLength: 1, maxLength: 30 },
  },
  additionalProperties: false,
} as const;

export const conditionDataSchema = {
  type: 'object',
  required: ['conditions'],
  properties: {
    match: { enum: ['all', 'any'], default: 'all' },
    conditions: { type: 'array', minItems: 1, maxItems: 20, items: conditionSchema },
  },
  additionalProperties: false,
} as const;

export const replyDataSchema = {
  type: 'object',
  required: ['replies'],
  properties: {
    /** `all` sends every reply in order; `random` picks one, seeded by the message so reruns agree. */
    mode: { enum: ['all', 'random'], default: 'all' },
    replies: { type: 'array', minItems: 1, maxItems: 5, items: replySchema },
  },
  additionalProperties: false,
  /** Variables outside the allowlist of `reply-variables.ts` are refused, with a pointer to the text. */
  'x-knownVariables': true,
} as const;

export const handoffDataSchema = {
  type: 'object',
  properties: {
    queue: { type: 'string', maxLength: 64 },
    reason: { type: 'string', maxLength: 200 },
  },
  additionalProperties: false,
} as const;

export const recordTagDataSchema = {
  type: 'object',
  required: ['tags'],
  properties: {
    tags: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1, maxLength: 32 } },
  },
  additionalProperties: false,
} as const;

/** Remembers `preferences[key] = value` on the user's profile (a value the operator chose, never the message). */
export const recordPreferenceDataSchema = {
  type: 'object',
  required: ['key', 'value'],
  properties: {
    key: { type: 'string', minLength: 1, maxLength: 30 },
    value: { type: 'string', minLength: 1, maxLength: 60 },
  },
  additionalProperties: false,
} as const;

export const followUpDataSchema = {
  type: 'object',
  required: ['question'],
  properties: { question: { type: 'string', minLength: 1, maxLength: 600 } },
  additionalProperties: false,
} as const;

export const KEYWORD_ANSWERS = ['one', 'all'] as const;

export const NODE_KINDS = [
  'trigger',
  'keywordGroup',
  'condition',
  'reply',
  'handoff',
  'recordTag',
  'followUp',
  'recordPreference',
] as const;

export const flowNodeSchema = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    nodeOf('trigger', triggerDataSchema),
    nodeOf('keywordGroup', {
      type: 'object',
      required: ['groupId'],
      properties: {
        groupId: { type: 'string', minLength: 1 },
        /** When several groups of a `keywordAnswers: "one"` flow match, the highest priority answers (absent: 0). */
        priority: { type: 'integer', minimum: -1000, maximum: 1000 },
      },
      additionalProperties: false,
    } as const),
    nodeOf('condition', conditionDataSchema),
    nodeOf('reply', replyDataSchema),
    nodeOf('handoff', handoffDataSchema),
    nodeOf('recordTag', recordTagDataSchema),
    nodeOf('followUp', followUpDataSchema),
    nodeOf('recordPreference', recordPreferenceDataSchema),
  ],
} as const;

export const flowEdgeSchema = {
  type: 'object',
  required: ['id', 'source', 'target'],
  properties: {
    id,
    source: id,
    target: id,
    sourceHandle: { enum: ['match', 'else', 'true', 'false', null] },
    targetHandle: { type: ['string', 'null'] },
  },
  additionalProperties: false,
} as const;

export const flowSchema = {
  type: 'object',
  required: ['id', 'name', 'nodes', 'edges'],
  properties: {
    schemaVersion: { const: 1 },
    id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: 'string', maxLength: 1000 },
    enabled: { type: 'boolean', default: true },
    /**
     * How keyword branches answer when one message matches several groups of this flow: `one`
     * walks only the winner's branch (highest node `priority`, then the most specific match,
     * then document order); `all` walks every matching group, each answering.
     */
    keywordAnswers: { enum: KEYWORD_ANSWERS, default: 'one' },
    revision: { type: 'integer', minimum: 0 },
    nodes: { type: 'array', maxItems: 2000, items: flowNodeSchema },
    edges: { type: 'array', maxItems: 5000, items: flowEdgeSchema },
  },
  additionalProperties: false,
} as const;

export { KNOWN_EVENTS };
