/**
 * What the sandbox answers (CONTRACT §9): each step's report (an inbound step holds the §8
 * `/inbound` body, a reply step the `/replies/check` body), a saved scenario's outcome and a
 * backtest's report. Declared once, so the server that runs them and the editor that shows them agree.
 */
import { inboundResultSchema } from './inbound-result.js';
import { replyCheckResultSchema } from './check-result.js';

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;

const stepExpectSchema = {
  type: 'object',
  required: ['passed', 'failures'],
  properties: { passed: { type: 'boolean' }, failures: texts },
} as const;

const stepHead = { index: { type: 'integer' }, at: text, expect: stepExpectSchema } as const;

export const sandboxStepReportSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['index', 'at', 'kind', 'result', 'expect'],
      properties: { ...stepHead, kind: { const: 'inbound' }, result: inboundResultSchema },
    },
    {
      type: 'object',
      required: ['index', 'at', 'kind', 'result', 'expect'],
      properties: { ...stepHead, kind: { const: 'reply' }, result: replyCheckResultSchema },
    },
  ],
} as const;

/** `POST /sandbox/run` (with what ran: `sandboxRanSchema`). */
export const sandboxResultSchema = {
  type: 'object',
  required: ['passed', 'steps'],
  properties: { passed: { type: 'boolean' }, steps: { type: 'array', items: sandboxStepReportSchema } },
} as const;

/** A saved scenario's run: its failures by step, and the whole report. */
export const scenarioOutcomeSchema = {
  type: 'object',
  required: ['id', 'name', 'passed', 'failures', 'result'],
  properties: {
    id: text,
    name: text,
    passed: { type: 'boolean' },
    failures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['step', 'failures'],
        properties: { step: { type: 'integer' }, failures: texts },
      },
    },
    result: sandboxResultSchema,
  },
} as const;

/** What a message got, as a backtest compares it: the groups matched, the replies sent and every reply's verdict. */
const replaySummarySchema = {
  type: 'object',
  required: ['groups', 'replies', 'verdicts'],
  properties: { groups: texts, replies: texts, verdicts: texts },
} as const;

/** `POST /sandbox/backtest`: recorded messages replayed through the drafts, with every changed answer. */
export const backtestReportSchema = {
  type: 'object',
  required: ['messages', 'changed', 'users'],
  properties: {
    messages: { type: 'integer' },
    changed: { type: 'integer' },
    users: {
      type: 'array',
      items: {
        type: 'object',
        required: ['openid', 'messages', 'changes'],
        properties: {
          openid: text,
          messages: { type: 'integer' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['at', 'content', 'before', 'after'],
              properties: {
                at: text,
                content: { type: ['string', 'null'] },
                before: replaySummarySchema,
                after: replaySummarySchema,
              },
            },
          },
        },
      },
    },
  },
} as const;
