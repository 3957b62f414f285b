/**
 * The sandbox as the API and publishing see it: resolves an account's drafts or what is live
 * (or inline documents) and packs into sandbox documents, runs scripts and the scenario
 * library, and replays stored traffic against a draft (backtest).
 */
import type {
  BacktestBody,
  Flow,
  KeywordGroup,
  Policy,
  SandboxRan,
  SandboxRunBody,
  SandboxResult,
  Scenario,
  ScenarioOutcome,
  BacktestReport,
} from '../../../rules-schema/index.js';
import type { Store } from '../store/open-store.js';
import { DEFAULT_POLICY } from '../runtime/default-policy.js';
import { toEpochMs } from '../runtime/instant.js';
import { conflict, invalid } from '../errors.js';
import { loadPublished } from '../runtime/published-workspace.js';
import { runSandbox, type SandboxDocs } from './run-sandbox.js';
import { replayTraffic } from './replay-traffic.js';

/** Finds a pack document by id for an account: its catalog (built-in or imported), else its installed copy. */
export type PackLookup = (account: string, id: string) => Promise<unknown>;

type Inline = { flows?: Flow[]; keywordGroups?: KeywordGroup[]; policy?: Policy; packs?: string[] };

export class SandboxService {
  constructor(
    private readonly store: Store,
    private readonly findPack: PackLookup,
  ) {}

  /** Inline documents win; anything omitted comes from the account's current drafts. */
  async docsFor(account: string, inline: Inline, override?: { kind: string; doc: unknown }): Promise<SandboxDocs> {
    const drafts = async <T>(kind: 'flow' | 'keyword-group' | 'policy') =>
      (await this.store.documents.list(account, kind)).map(
        (d) =>
          (override && override.kind === kind && (d.doc as { id: string }).id === (override.doc as { id: string }).id
            ? override.doc
            : d.doc) as T,
      );
    const flows = inline.flows ?? (await drafts<Flow>('flow')).filter((f) => f.enabled !== false);
    const groups = inline.keywordGroups ?? (await drafts<KeywordGroup>('keyword-group'));
    const policy = inline.policy ?? (await drafts<Policy>('policy'))[0] ?? DEFAULT_POLICY;
    const packs = inline.packs
      ? await this.packDocs(account, inline.packs)
      : (await this.store.packs.list(account)).filter((p) => p.enabled).map((p) => p.doc);
    return { flows, groups, policy, packs };
  }

  /** Runs a script on the drafts (default) or on what is live, and says which it ran. */
  async run(body: SandboxRunBody): Promise<SandboxResult & SandboxRan> {
    const account = body.account ?? 'default';
    if (body.source === 'live') {
      const { docs, workspaceVersion } = await this.liveDocsFor(account, body);
      return { source: 'live', workspaceVersion, ...(await runSandbox(docs, body)) };
    }
    return { source: 'drafts', ...(await runSandbox(await this.docsFor(account, body), body)) };
  }

  /**
   * Inline documents win; anything omitted is what the runtime evaluates now, read at one
   * workspace head so the version reported is the one that ran.
   */
  async liveDocsFor(account: string, inline: Inline): Promise<{ docs: SandboxDocs; workspaceVersion: number }> {
    const head = await this.store.versions.head(account);
    // With nothing published a live run answers nothing at all, which would read as broken flows.
    if (head.published.length === 0)
      throw conflict('还没有发布任何内容：线上没有流程、关键词组或策略可运行。请先发布，或用草稿运行。');
    const live = await loadPublished(this.store, account, head);
    const docs: SandboxDocs = {
      flows: inline.flows ?? live.flows,
      groups: inline.keywordGroups ?? live.groups,
      policy: inline.policy ?? live.policy,
      packs: inline.packs ? await this.packDocs(account, inline.packs) : live.packs,
    };
    return { docs, workspaceVersion: head.seq };
  }

  /** Runs every saved scenario of the account against its drafts (one document may be swapped in). */
  async runScenarios(
    account: string,
    override?: { kind: string; doc: unknown },
  ): Promise<{ passed: boolean; scenarios: ScenarioOutcome[] }> {
    const scenarios = (await this.store.documents.list(account, 'scenario')).map((d) => d.doc as Scenario);
    const outcomes: ScenarioOutcome[] = [];
    for (const scenario of scenarios) {
      const result = await runSandbox(await this.docsFor(account, scenario, override), scenario);
      outcomes.push({
        id: scenario.id,
        name: scenario.name,
        passed: result.passed,
        failures: result.steps
          .filter((s) => !s.expect.passed)
          .map((s) => ({ step: s.index, failures: s.expect.failures })),
        result,
      });
    }
    return { passed: outcomes.every((o) => o.passed), scenarios: outcomes };
  }

  async backtest(body: BacktestBody, published: SandboxDocs): Promise<BacktestReport> {
    const account = body.account ?? 'default';
    const from = new Date(toEpochMs(body.from, 0, '/from'));
    const to = new Date(toEpochMs(body.to, 0, '/to'));
    const messages = await this.store.inbound.listBetween(account, from, to, body.limit ?? 5000);
    const draft = await this.docsFor(account, body);
    return replayTraffic(
      messages.map((m) => ({ message: m.message, at: m.at.getTime() })),
      published,
      draft,
    );
  }

  /** Pack documents by id, refusing unknown ones with a pointer to the request. */
  async packDocs(account: string, ids: readonly string[]): Promise<unknown[]> {
    return Promise.all(
      ids.map((id, i) =>
        this.findPack(account, id).catch(() => {
          throw invalid(`没有这个规则包: ${id}`, [{ path: `/packs/${i}`, message: `unknown pack ${id}` }]);
        }),
      ),
    );
  }
}
