/**
 * The one source of truth for ReplyFlow documents: JSON Schemas (2020-12) and the
 * TypeScript types derived from them with json-schema-to-ts, never written twice.
 */
import type { FromSchema, JSONSchema } from 'json-schema-to-ts';
import { flowSchema, flowNodeSchema, flowEdgeSchema, conditionSchema } from './schemas/flow.js';
import { keywordGroupSchema, keywordComboSchema } from './schemas/keyword-group.js';
import { keywordSynonymsSchema, synonymSetSchema, keywordSuggestionsSchema } from './schemas/keyword-synonyms.js';
import {
  policySchema,
  lexiconSchema,
  customRuleSchema,
  allowanceSchema,
  allowanceBodySchema,
} from './schemas/policy.js';
import { packSchema, packRuleSchema, packSourceSchema, packTestSchema } from './schemas/pack.js';
import { messageSchema, userSchema } from './schemas/message.js';
import { replySchema } from './schemas/reply.js';
import {
  sandboxRunBodySchema,
  sandboxStepSchema,
  scenarioSchema,
  backtestBodySchema,
  sandboxRanSchema,
  sandboxSourceSchema,
} from './schemas/sandbox.js';
import {
  inboundBodySchema,
  replyCheckBodySchema,
  replySendBodySchema,
  tokenCreateBodySchema,
  accountBodySchema,
  publishBodySchema,
  rollbackBodySchema,
} from './schemas/api-bodies.js';
import { inboundResultSchema, groupMatchSchema } from './schemas/inbound-result.js';
import {
  evidenceSchema,
  textRewriteSchema,
  rewriteHintSchema,
  reasonSchema,
  windowSchema,
  countersSchema,
  lintResultSchema,
  blockedRepliesSchema,
  replyCheckResultSchema,
  windowResultSchema,
} from './schemas/check-result.js';
import {
  catalogEntrySchema,
  importPreviewSchema,
  packChangeSchema,
  packConflictSchema,
  installOutcomeSchema,
  packTestReportSchema,
} from './schemas/pack-answers.js';
import {
  sandboxStepReportSchema,
  sandboxResultSchema,
  scenarioOutcomeSchema,
  backtestReportSchema,
} from './schemas/sandbox-answers.js';
import { documentSummarySchema, versionInfoSchema } from './schemas/document-answers.js';
import {
  conversationsQuerySchema,
  metricsQuerySchema,
  metricsResponseSchema,
  metricsPointSchema,
  conversationQueueSchema,
  queueItemSchema,
  missedKeywordsQuerySchema,
  missedKeywordsResponseSchema,
  missedKeywordClusterSchema,
} from './schemas/insights.js';
import {
  workspacePublishBodySchema,
  workspaceChangesSchema,
  workspaceChangeSchema,
  workspacePublishResultSchema,
  workspaceStatusSchema,
} from './schemas/workspace-publish.js';

export * from './schemas/flow.js';
export * from './schemas/keyword-group.js';
export * from './schemas/keyword-synonyms.js';
export * from './schemas/policy.js';
export * from './schemas/pack.js';
export * from './schemas/message.js';
export * from './schemas/reply.js';
export * from './schemas/api-bodies.js';
export * from './schemas/sandbox.js';
export * from './schemas/insights.js';
export * from './schemas/inbound-result.js';
export * from './schemas/check-result.js';
export * from './schemas/pack-answers.js';
export * from './schemas/sandbox-answers.js';
export * from './schemas/document-answers.js';
export * from './schemas/workspace-publish.js';
export * from './step-duration.js';

/** Schemas served at `GET /api/v1/schema/:name` and registered with the validator. */
export const SCHEMAS = {
  flow: flowSchema,
  'keyword-group': keywordGroupSchema,
  'keyword-synonyms': keywordSynonymsSchema,
  'keyword-suggestions': keywordSuggestionsSchema,
  policy: policySchema,
  pack: packSchema,
  'allowance-body': allowanceBodySchema,
  message: messageSchema,
  reply: replySchema,
  'inbound-body': inboundBodySchema,
  'inbound-result': inboundResultSchema,
  'reply-check-result': replyCheckResultSchema,
  'window-result': windowResultSchema,
  'lint-result': lintResultSchema,
  'blocked-replies': blockedRepliesSchema,
  'sandbox-result': sandboxResultSchema,
  'scenario-outcome': scenarioOutcomeSchema,
  'backtest-report': backtestReportSchema,
  'catalog-entry': catalogEntrySchema,
  'import-preview': importPreviewSchema,
  'install-outcome': installOutcomeSchema,
  'pack-test-report': packTestReportSchema,
  'document-summary': documentSummarySchema,
  'version-info': versionInfoSchema,
  'reply-check-body': replyCheckBodySchema,
  'reply-send-body': replySendBodySchema,
  'token-create-body': tokenCreateBodySchema,
  'account-body': accountBodySchema,
  'publish-body': publishBodySchema,
  'rollback-body': rollbackBodySchema,
  'sandbox-run-body': sandboxRunBodySchema,
  scenario: scenarioSchema,
  'backtest-body': backtestBodySchema,
  'conversations-query': conversationsQuerySchema,
  'conversation-queue': conversationQueueSchema,
  'metrics-query': metricsQuerySchema,
  'metrics-response': metricsResponseSchema,
  'missed-keywords-query': missedKeywordsQuerySchema,
  'missed-keywords-response': missedKeywordsResponseSchema,
  'workspace-publish-body': workspacePublishBodySchema,
  'workspace-status': workspaceStatusSchema,
  'workspace-changes': workspaceChangesSchema,
  'workspace-publish-result': workspacePublishResultSchema,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** Defaults are filled by the validator, but documents built in code may omit them. */
type From<S extends JSONSchema> = FromSchema<S, { keepDefaultedPropertiesOptional: true }>;

export type Flow = From<typeof flowSchema>;
export type FlowNode = From<typeof flowNodeSchema>;
export type FlowEdge = From<typeof flowEdgeSchema>;
export type FlowCondition = From<typeof conditionSchema>;
export type KeywordGroup = From<typeof keywordGroupSchema>;
export type KeywordCombo = From<typeof keywordComboSchema>;
export type KeywordSynonyms = From<typeof keywordSynonymsSchema>;
export type SynonymSet = From<typeof synonymSetSchema>;
export type KeywordSuggestions = From<typeof keywordSuggestionsSchema>;
export type KeywordSuggestion = KeywordSuggestions['suggestions'][number];
export type Policy = From<typeof policySchema>;
export type Lexicon = From<typeof lexiconSchema>;
export type CustomRule = From<typeof customRuleSchema>;
export type Allowance = From<typeof allowanceSchema>;
export type AllowanceBody = From<typeof allowanceBodySchema>;
export type Pack = From<typeof packSchema>;
export type PackRule = From<typeof packRuleSchema>;
export type PackSource = From<typeof packSourceSchema>;
export type PackTest = From<typeof packTestSchema>;
export type InboundMessage = From<typeof messageSchema>;
export type UserProfile = From<typeof userSchema>;
export type Reply = From<typeof replySchema>;
export type InboundBody = From<typeof inboundBodySchema>;
export type InboundResultBody = From<typeof inboundResultSchema>;
export type GroupMatchView = From<typeof groupMatchSchema>;
export type Evidence = From<typeof evidenceSchema>;
export type TextRewrite = From<typeof textRewriteSchema>;
export type RewriteHint = From<typeof rewriteHintSchema>;
export type RewriteSuggestion = TextRewrite | RewriteHint;
export type Reason = From<typeof reasonSchema>;
export type ReasonSeverity = Reason['severity'];
export type Verdict = ReplyCheckResult['verdict'];
export type WindowView = From<typeof windowSchema>;
export type WindowState = WindowView['state'];
export type ReplyCounters = From<typeof countersSchema>;
export type LintResult = From<typeof lintResultSchema>;
export type BlockedReplies = From<typeof blockedRepliesSchema>;
export type BlockedReply = BlockedReplies['blocked'][number];
export type ReplyCheckResult = From<typeof replyCheckResultSchema>;
export type WindowResult = From<typeof windowResultSchema>;
export type SandboxStepReport = From<typeof sandboxStepReportSchema>;
export type SandboxResult = From<typeof sandboxResultSchema>;
export type ScenarioOutcome = From<typeof scenarioOutcomeSchema>;
export type BacktestReport = From<typeof backtestReportSchema>;
export type ReplaySummary = BacktestReport['users'][number]['changes'][number]['before'];
export type CatalogEntry = From<typeof catalogEntrySchema>;
export type ImportPreview = From<typeof importPreviewSchema>;
export type ImportAction = ImportPreview['action'];
export type PackChange = From<typeof packChangeSchema>;
export type PackConflict = From<typeof packConflictSchema>;
export type InstallOutcome = From<typeof installOutcomeSchema>;
export type PackTestReport = From<typeof packTestReportSchema>;
export type DocumentSummary = From<typeof documentSummarySchema>;
export type VersionInfo = From<typeof versionInfoSchema>;
export type KeywordAnswers = Flow['keywordAnswers'];
export type ReplyCheckBody = From<typeof replyCheckBodySchema>;
export type ReplySendBody = From<typeof replySendBodySchema>;
export type TokenCreateBody = From<typeof tokenCreateBodySchema>;
export type AccountBody = From<typeof accountBodySchema>;
export type PublishBody = From<typeof publishBodySchema>;
export type RollbackBody = From<typeof rollbackBodySchema>;
export type Role = TokenCreateBody['role'];
export type SandboxRunBody = From<typeof sandboxRunBodySchema>;
export type SandboxStep = From<typeof sandboxStepSchema>;
export type SandboxSource = From<typeof sandboxSourceSchema>;
export type SandboxRan = From<typeof sandboxRanSchema>;
export type Scenario = From<typeof scenarioSchema>;
export type BacktestBody = From<typeof backtestBodySchema>;
export type ConversationsQuery = From<typeof conversationsQuerySchema>;
export type ConversationQueue = From<typeof conversationQueueSchema>;
export type QueueItem = From<typeof queueItemSchema>;
export type MetricsQuery = From<typeof metricsQuerySchema>;
export type MetricsResponse = From<typeof metricsResponseSchema>;
export type MetricsPoint = From<typeof metricsPointSchema>;
export type MissedKeywordsQuery = From<typeof missedKeywordsQuerySchema>;
export type MissedKeywords = From<typeof missedKeywordsResponseSchema>;
export type MissedKeywordCluster = From<typeof missedKeywordClusterSchema>;
export type WorkspacePublishBody = From<typeof workspacePublishBodySchema>;
export type WorkspaceStatus = From<typeof workspaceStatusSchema>;
export type WorkspaceChanges = From<typeof workspaceChangesSchema>;
export type WorkspaceChange = From<typeof workspaceChangeSchema>;
export type WorkspacePublishResult = From<typeof workspacePublishResultSchema>;
