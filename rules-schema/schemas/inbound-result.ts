/**
 * What `POST /api/v1/inbound` answers (CONTRACT §8), and what a sandbox inbound step holds as
 * its `result` (§9). Fields may be added, none removed: no `additionalProperties: false`.
 */
import { replySchema } from './reply.js';
import { reasonSchema, verdictSchema, windowSchema } from './check-result.js';

const text = { type: 'string' } as const;

/** A keyword-group node the walk passed by its `match` branch. */
export const flowMatchSchema = {
  type: 'object',
  required: ['flowId', 'nodeId', 'group', 'groupId', 'keyword'],
  properties: { flowId: text, nodeId: text, group: text, groupId: text, keyword: text },
} as const;

/**
 * A keyword-group node the walk reached whose group the message matched. `won: false` when
 * the flow answers one group per message and another group of it was chosen: its branches
 * (`match` and `else`) were not walked.
 */
export const groupMatchSchema = {
  type: 'object',
  required: ['flowId', 'nodeId', 'group', 'groupId', 'keyword', 'won'],
  properties: { ...flowMatchSchema.properties, won: { type: 'boolean' } },
} as const;

export const inboundResultSchema = {
  type: 'object',
  required: ['duplicate', 'opensWindow', 'window', 'matches', 'groupMatches', 'replies', 'handoff', 'trace'],
  properties: {
    duplicate: { type: 'boolean' },
    opensWindow: { type: 'boolean' },
    window: windowSchema,
    /** The keyword-group nodes whose `match` branch was walked, in order. */
    matches: { type: 'array', items: flowMatchSchema },
    /** Every keyword-group node reached whose group matched, winners and losers, in order. */
    groupMatches: { type: 'array', items: groupMatchSchema },
    replies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reply', 'verdict', 'reasons', 'committed'],
        properties: {
          reply: replySchema,
          verdict: verdictSchema,
          reasons: { type: 'array', items: reasonSchema },
          committed: { type: 'boolean' },
          flowId: text,
          nodeId: text,
        },
      },
    },
    handoff: {
      type: ['object', 'null'],
      properties: {
        flowId: text,
        nodeId: text,
        queue: { type: ['string', 'null'] },
        reason: { type: ['string', 'null'] },
      },
    },
    /** Node ids visited, in order; `path` gives the flow of each. */
    trace: { type: 'array', items: text },
    path: {
      type: 'array',
      items: { type: 'object', required: ['flowId', 'nodeId'], properties: { flowId: text, nodeId: text } },
    },
    tags: { type: 'array', items: text },
    /**
     * Groups whose words the message used only in clauses that close the matter (a group with
     * `skipSettled`: 退款已经到账了，谢谢), so they did not answer; absent when none.
     */
    settledGroups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['groupId', 'group', 'keyword', 'cue'],
        properties: { groupId: text, group: text, keyword: text, cue: text },
      },
    },
  },
} as const;
