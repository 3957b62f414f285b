/**
 * Conversation insights (CONTRACT §12): the query strings of GET /conversations and GET /metrics,
 * and the answers both return. Query values arrive as strings; numbers are digit patterns.
 */
import { INSTANT_RANGE } from './message.js';
import { windowResultSchema } from './check-result.js';

const account = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'default' } as const;

/** ISO-8601 with an offset (CONTRACT §4), or epoch milliseconds as digits. */
const queryInstant = {
  type: 'string',
  anyOf: [
    { format: 'date-time', formatMinimum: INSTANT_RANGE.min, formatExclusiveMaximum: INSTANT_RANGE.max },
    { pattern: '^[0-9]{1,16}$' },
  ],
} as const;

export const conversationsQuerySchema = {
  type: 'object',
  properties: {
    account,
    state: { enum: ['awaiting'], default: 'awaiting' },
    /** 1 to 200, default 50. */
    limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|1[0-9][0-9]|200)$' },
    /** The `next` of the previous page. */
    cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' },
  },
  additionalProperties: false,
} as const;

export const metricsQuerySchema = {
  type: 'object',
  required: ['from', 'to'],
  properties: {
    account,
    from: queryInstant,
    to: queryInstant,
    /** The chart series: calendar days, or hours (periods of up to 31 days), in the account's zone. */
    groupBy: { enum: ['day', 'hour'], default: 'day' },
    /** How many keyword groups `topGroups` lists: 1 to 50, default 10. */
    top: { type: 'string', pattern: '^([1-9]|[1-4][0-9]|50)$' },
    /** `csv`: the series as a CSV file (also chosen by `Accept: text/csv`). */
    format: { enum: ['json', 'csv'] },
  },
  additionalProperties: false,
} as const;

const percentiles = {
  type: 'object',
  required: ['medianSeconds', 'p90Seconds'],
  properties: { medianSeconds: { type: ['number', 'null'] }, p90Seconds: { type: ['number', 'null'] } },
} as const;

const codeCounts = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const count = { type: 'integer', minimum: 0 } as const;

/** One point of the chart series: the counts of one bucket (its turns, and its events by their time). */
export const metricsPointSchema = {
  type: 'object',
  required: [
    'bucket',
    'turns',
    'answered',
    'replyRate',
    'expiredUnanswered',
    'answeredWithin10m',
    'answeredWithin1h',
    'humanReplies',
    'autoReplies',
    'handoffs',
    'blocked',
    'warned',
    'unmatched',
  ],
  properties: {
    /** `2026-11-24` (day) or `2026-11-24T10` (hour), local to `timezone`. */
    bucket: { type: 'string' },
    turns: count,
    answered: count,
    replyRate: { type: 'number' },
    expiredUnanswered: count,
    answeredWithin10m: count,
    answeredWithin1h: count,
    humanReplies: count,
    autoReplies: count,
    handoffs: count,
    blocked: count,
    warned: count,
    unmatched: count,
  },
} as const;

export const metricsResponseSchema = {
  type: 'object',
  required: [
    'turns',
    'answered',
    'replyRate',
    'expiredUnanswered',
    'firstResponse',
    'answeredWithin',
    'human',
    'auto',
    'blocked',
    'warned',
    'handoffs',
    'topGroups',
    'unmatched',
    'from',
    'to',
    'timezone',
    'groupBy',
    'series',
  ],
  properties: {
    turns: count,
    answered: count,
    replyRate: { type: 'number', minimum: 0, maximum: 1 },
    expiredUnanswered: count,
    firstResponse: percentiles,
    answeredWithin: {
      type: 'object',
      required: ['10m', '1h'],
      properties: { '10m': { type: 'number' }, '1h': { type: 'number' } },
    },
    human: {
      type: 'object',
      required: ['replies', 'firstResponse'],
      properties: { replies: count, firstResponse: percentiles },
    },
    auto: { type: 'object', required: ['replies'], properties: { replies: count } },
    blocked: codeCounts,
    warned: codeCounts,
    handoffs: count,
    topGroups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['group', 'messages'],
        properties: { group: { type: 'string' }, messages: count },
      },
    },
    unmatched: { type: 'object', required: ['messages'], properties: { messages: count } },
    from: { type: 'string' },
    to: { type: 'string' },
    timezone: { type: 'string' },
    groupBy: { enum: ['day', 'hour'] },
    series: { type: 'array', items: metricsPointSchema },
  },
} as const;

export const queueItemSchema = {
  type: 'object',
  required: ['openid', 'nickname', 'waitingSince', 'lastMessages', 'window', 'deadline', 'handoff', 'topics', 'tags'],
  properties: {
    openid: { type: 'string' },
    nickname: { type: ['string', 'null'] },
    waitingSince: { type: 'string' },
    /** The user's last messages (§5 shapes), oldest first. */
    lastMessages: { type: 'array', items: { type: 'object' } },
    /** The §8 window object with `counters`. */
    window: windowResultSchema,
    deadline: { type: 'string' },
    handoff: { type: 'boolean' },
    topics: { type: 'object', additionalProperties: { type: 'integer' } },
    tags: { type: 'array', items: { type: 'string' } },
    /** What flows recorded with `recordPreference` nodes, key → value. */
    preferences: { type: 'object', additionalProperties: { type: 'string' } },
    /** The policy's follow-up question to suggest from `from` on (the window's last stretch); null when switched off. */
    followUp: {
      type: ['object', 'null'],
      required: ['text', 'from'],
      properties: { text: { type: 'string' }, from: { type: 'string' } },
    },
  },
} as const;

export const conversationQueueSchema = {
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: queueItemSchema }, next: { type: ['string', 'null'] } },
} as const;

/** GET /insights/missed-keywords: the unmatched texts of `[from, to)`, clustered. */
export const missedKeywordsQuerySchema = {
  type: 'object',
  required: ['from', 'to'],
  properties: {
    account,
    from: queryInstant,
    to: queryInstant,
    /** Most clusters: 1 to 100, default 20. */
    limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$' },
  },
  additionalProperties: false,
} as const;

export const missedKeywordClusterSchema = {
  type: 'object',
  required: ['label', 'words', 'count', 'examples', 'suggestedGroup'],
  properties: {
    /** The word the cluster's messages share most: what to add to a keyword group. */
    label: { type: 'string' },
    /** Words at least half of the cluster's messages hold, the label first. */
    words: { type: 'array', items: { type: 'string' } },
    count,
    /** Up to 5 distinct texts as users wrote them, most recent first. */
    examples: { type: 'array', items: { type: 'string' } },
    /** The keyword group (drafts) whose words come closest, with a 0–1 score; null when none is close. */
    suggestedGroup: {
      anyOf: [
        {
          type: 'object',
          required: ['id', 'name', 'score'],
          properties: { id: { type: 'string' }, name: { type: 'string' }, score: { type: 'number' } },
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
  },
} as const;

export const missedKeywordsResponseSchema = {
  type: 'object',
  required: ['from', 'to', 'scanned', 'truncated', 'unclustered', 'clusters'],
  properties: {
    from: { type: 'string' },
    to: { type: 'string' },
    /** Unmatched texts read: the most recent ones of the period, at most `maxScanned`. */
    scanned: count,
    /** True when the period holds more unmatched texts than were read (older ones left out). */
    truncated: { type: 'boolean' },
    maxScanned: count,
    /** Texts with nothing but stop words (在吗, 你好): in no cluster. */
    unclustered: count,
    clusters: { type: 'array', items: missedKeywordClusterSchema },
  },
} as const;
