import type {
  BacktestReport,
  Flow,
  InboundResultBody,
  KeywordGroup,
  Policy,
  ReplyCheckResult,
  SandboxRan,
  SandboxResult,
  SandboxSource,
  SandboxStep,
  SandboxStepReport,
  Scenario,
  ScenarioOutcome,
  UserProfile,
} from '../../../rules-schema/index.js';
import { apiRequest, ACCOUNT } from './api-request.js';
import type { DocSummary } from './documents-api.js';

// The step results' shapes are the response schemas' (rules-schema/schemas), named as the sandbox reads them.
export type { Verdict, WindowState, WindowView } from '../../../rules-schema/index.js';
/** What an inbound step answers: the CONTRACT §8 body. */
export type InboundStepResult = InboundResultBody;
/** A reply an inbound step proposed, with its checks. */
export type SandboxReply = InboundStepResult['replies'][number];
/** What an agent reply step answers: the `/replies/check` body. */
export type ReplyStepResult = ReplyCheckResult;

export type StepReport = SandboxStepReport;

export type { SandboxResult } from '../../../rules-schema/index.js';

export type Expectation = NonNullable<SandboxStep['expect']>;

/** A script the sandbox runs; documents left out are the account's drafts, or what is live with `source: 'live'`. */
export interface SandboxScript {
  source?: SandboxSource;
  flows?: Flow[];
  keywordGroups?: KeywordGroup[];
  policy?: Policy;
  packs?: string[];
  start?: string | number;
  users?: Record<string, UserProfile>;
  steps: SandboxStep[];
}

export type { BacktestReport, ReplaySummary, ScenarioOutcome } from '../../../rules-schema/index.js';

/** Typed calls to the sandbox, scenario library and backtest routes (CONTRACT §9). */
export const sandboxApi = {
  /** The answer also says what ran: the source and, for live, the workspace version. */
  run: (script: SandboxScript) =>
    apiRequest<SandboxResult & SandboxRan>('/sandbox/run', { method: 'POST', body: { account: ACCOUNT, ...script } }),
  listScenarios: () => apiRequest<{ items: DocSummary[] }>('/scenarios', { account: true }),
  getScenario: (id: string) => apiRequest<Scenario>(`/scenarios/${encodeURIComponent(id)}`, { account: true }),
  createScenario: (doc: Scenario) => apiRequest<Scenario>('/scenarios', { method: 'POST', body: doc, account: true }),
  updateScenario: (doc: Scenario) =>
    apiRequest<Scenario>(`/scenarios/${encodeURIComponent(doc.id)}`, { method: 'PUT', body: doc, account: true }),
  removeScenario: (id: string, revision: number) =>
    apiRequest<undefined>(`/scenarios/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      account: true,
      query: { revision },
    }),
  runAll: () =>
    apiRequest<{ passed: boolean; scenarios: ScenarioOutcome[] }>('/scenarios/run-all', {
      method: 'POST',
      account: true,
    }),
  backtest: (from: string, to: string, limit?: number) =>
    apiRequest<BacktestReport>('/sandbox/backtest', {
      method: 'POST',
      body: { account: ACCOUNT, from, to, ...(limit ? { limit } : {}) },
    }),
};
