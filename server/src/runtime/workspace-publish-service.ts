/**
 * One workspace publish (issue 10): every flow, keyword group and policy draft that differs from
 * what is live goes live in ONE workspace version, so the runtime never serves a flow beside
 * a stale or missing group. The drafts pass the gates of a per-document publish first — graph,
 * compile, content (published policy replaced by the draft one, installed packs) and saved
 * scenarios — judged on the whole workspace as it would run, with the same 400 bodies and
 * pointers into the workspace (`/flows/<id>/nodes/2/data/replies/0/content`). What goes live is
 * what was checked: the pointers move only on the head the gates judged and, with `reviewed`,
 * only when the drafts and verdicts are those the operator saw (409 CONFLICT otherwise).
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  Flow,
  KeywordGroup,
  Policy,
  WorkspaceChange,
  WorkspaceChanges,
  WorkspacePublishBody,
  WorkspacePublishResult,
  WorkspaceStatus,
} from '../../../rules-schema/index.js';
import type { BlockedReplyField } from '../core/checks/blocked-flow-replies.js';
import { WORKSPACE_PATHS } from '../core/engine/compile-problem.js';
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { AppError, conflict, invalid, type ErrorDetail } from '../errors.js';
import { blockedCodes, blockedReplies, contentGateDetails, contentGateMessage } from './content-gate.js';
import { scenarioGateError, type ScenarioGate } from './document-service.js';
import { flowGraphErrors } from './flow-graph-gate.js';
import { tryCompileWithPacks } from './pack-contribution.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { loadPublished } from './published-workspace.js';
import { publishAtHead } from './publish-at-head.js';

/** Saved scenarios that fail on the account's drafts (the sandbox runs drafts). */
export type WorkspaceScenarioGate = (account: string) => ReturnType<ScenarioGate>;

type Kind = WorkspaceChange['kind'];
const KINDS: readonly Kind[] = ['flow', 'keyword-group', 'policy'];

/** What a publish would do, read once: the head it was read at, the drafts and the difference. */
interface Plan {
  head: WorkspaceHead;
  changes: WorkspaceChange[];
  flows: Flow[];
  groups: KeywordGroup[];
  policy: Policy | undefined;
  publish: Array<{ kind: Kind; id: string; doc: unknown }>;
  remove: Array<{ kind: Kind; id: string }>;
}

interface GateResults {
  graph: ErrorDetail[];
  compile: ErrorDetail[];
  content: ErrorDetail[];
  blocked: Array<{ flowId: string; fields: BlockedReplyField[] }>;
  scenarios: Awaited<ReturnType<ScenarioGate>>;
}

export class WorkspacePublishService {
  constructor(
    private readonly store: Store,
    private readonly scenarioGate?: WorkspaceScenarioGate,
  ) {}

  /**
   * The live version and how each draft differs from it, without running the gates (they
   * compile the workspace and run its scenarios, which the header's marker need not wait for).
   */
  async status(account: string): Promise<WorkspaceStatus> {
    const plan = await this.plan(account);
    return { workspaceVersion: plan.head.seq, changes: plan.changes };
  }

  /** What a workspace publish would change against what is live, and what the gates say. */
  async changes(account: string): Promise<WorkspaceChanges> {
    const plan = await this.plan(account);
    const gates = await this.gates(account, plan);
    const scenarios = scenarioDetails(gates.scenarios);
    return {
      workspaceVersion: plan.head.seq,
      changes: plan.changes,
      digest: digestOf(plan, gates),
      gates: {
        passed: gates.graph.length + gates.compile.length + gates.content.length + scenarios.length === 0,
        graph: gates.graph,
        compile: gates.compile,
        content: gates.content,
        scenarios,
      },
    };
  }

  /**
   * Publishes every changed draft as one workspace version. Nothing changed: the live version
   * and empty lists (the caller answers 200, not 201), so a second click is harmless.
   */
  async publish(account: string, body: WorkspacePublishBody, by: string): Promise<WorkspacePublishResult> {
    const plan = await this.plan(account);
    if (plan.publish.length + plan.remove.length === 0)
      return { workspaceVersion: plan.head.seq, published: [], unpublished: [] };
    const gates = await this.gates(account, plan);
    if (body.reviewed !== undefined && body.reviewed !== digestOf(plan, gates)) {
      throw conflict('变更在你查看之后有了变化（草稿、线上版本或检查结果），未发布：请重新查看后再发布');
    }
    if (gates.graph.length > 0)
      throw new AppError('VALIDATION_FAILED', `流程有 ${gates.graph.length} 个问题，修正后才能发布`, gates.graph);
    if (gates.compile.length > 0)
      throw invalid(`工作区无法运行，未发布（${gates.compile.length} 个问题）`, gates.compile);
    const blocked = gates.blocked.flatMap((b) => b.fields);
    if (blocked.length > 0 && body.overrideContent !== true) throw invalid(contentGateMessage(blocked), gates.content);
    if (gates.scenarios.length > 0 && body.overrideScenarios !== true) throw scenarioGateError(gates.scenarios);

    const note = body.note ?? '';
    // The gates judged the workspace at plan.head; a change since (say a group deleted while a
    // flow using it was being checked) could make what they let through unsafe: 409.
    const { seq, published } = await publishAtHead(this.store, account, plan.head.seq, plan, by, note);
    const audit = (action: string, detail: Record<string, unknown>) =>
      this.store.audit.append({
        at: new Date(),
        account,
        actor: by,
        action,
        target: `v${seq}`,
        detail: { note, workspaceVersion: seq, ...detail },
      });
    await audit('workspace.publish', { published, unpublished: plan.remove });
    if (blocked.length > 0) {
      await audit('workspace.publish-content-override', {
        codes: blockedCodes(blocked),
        fields: gates.blocked.flatMap(({ flowId, fields }) =>
          fields.map((b) => ({ flowId, path: b.path, nodeId: b.nodeId, codes: blockedCodes([b]) })),
        ),
      });
    }
    if (gates.scenarios.length > 0)
      await audit('workspace.publish-override', { failing: gates.scenarios.map((f) => f.id) });
    return { workspaceVersion: seq, published, unpublished: plan.remove };
  }

  private async plan(account: string): Promise<Plan> {
    const head = await this.store.versions.head(account);
    const [live, ...drafts] = await Promise.all([
      this.store.versions.latestAll(account, head),
      ...KINDS.map((k) => this.store.documents.list(account, k)),
    ]);
    const plan: Plan = { head, changes: [], flows: [], groups: [], policy: undefined, publish: [], remove: [] };
    KINDS.forEach((kind, i) => {
      const ofKind = drafts[i] ?? [];
      const liveOfKind = live.filter((v) => v.kind === kind);
      for (const draft of ofKind) {
        const current = liveOfKind.find((v) => v.id === draft.id);
        const change = !current ? 'added' : isDeepStrictEqual(current.doc, draft.doc) ? 'unchanged' : 'changed';
        plan.changes.push({
          kind,
          id: draft.id,
          name: nameOf(draft.doc, draft.id),
          change,
          liveVersion: current?.version ?? null,
        });
        if (change !== 'unchanged') plan.publish.push({ kind, id: draft.id, doc: draft.doc });
      }
      for (const gone of liveOfKind.filter((v) => !ofKind.some((d) => d.id === v.id))) {
        plan.changes.push({
          kind,
          id: gone.id,
          name: nameOf(gone.doc, gone.id),
          change: 'removed',
          liveVersion: gone.version,
        });
        plan.remove.push({ kind, id: gone.id });
      }
    });
    // Drafts were validated against their schemas when they were saved (parse boundary).
    plan.flows = (drafts[0] ?? []).map((d) => d.doc as Flow);
    plan.groups = (drafts[1] ?? []).map((d) => d.doc as KeywordGroup);
    const policies = (drafts[2] ?? []).map((d) => d.doc as Policy & { id: string });
    plan.policy = policies.find((p) => p.id === 'default') ?? policies[0];
    return plan;
  }

  /** Every gate on the workspace the publish would make: the drafts with the installed packs. */
  private async gates(account: string, plan: Plan): Promise<GateResults> {
    const graph = plan.flows.flatMap((f) => flowGraphErrors(f, plan.groups, plan.policy, WORKSPACE_PATHS.flow(f.id)));
    const { packs } = await loadPublished(this.store, account, plan.head);
    // Without a policy draft the runtime falls back to the default one; the account's time zone
    // overrides the policy's (CONTRACT §4), as loadPublished applies it.
    const base = plan.policy ?? DEFAULT_POLICY;
    const policy = plan.head.timezone ? { ...base, timezone: plan.head.timezone } : base;
    const outcome = await tryCompileWithPacks({ flows: plan.flows, groups: plan.groups, policy, packs });
    const compile = outcome.ok ? [] : outcome.problems.map((p) => ({ path: p.path, message: p.message }));
    const blocked = outcome.ok ? contentOf(plan.flows, outcome.compiled) : [];
    const content = blocked.flatMap((b) => contentGateDetails(b.fields, WORKSPACE_PATHS.flow(b.flowId)));
    const scenarios = this.scenarioGate ? await this.scenarioGate(account) : [];
    return { graph, compile, content, blocked, scenarios };
  }
}

/**
 * Names one publish: the version it applies to, every body it would put live or take down and
 * every gate's verdict. Equal digests: the publish is the one that was reviewed.
 */
function digestOf(plan: Plan, gates: GateResults): string {
  const { graph, compile, content, scenarios } = gates;
  // Failing scenario steps by pointer only: a failure's words may quote times the sandbox derived.
  const failingSteps = scenarioDetails(scenarios).map((d) => d.path);
  const what = {
    seq: plan.head.seq,
    publish: plan.publish,
    remove: plan.remove,
    gates: { graph, compile, content, failingSteps },
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex');
}

function contentOf(flows: readonly Flow[], compiled: CompiledWorkspace): GateResults['blocked'] {
  return flows.map((f) => ({ flowId: f.id, fields: blockedReplies(f, compiled) })).filter((b) => b.fields.length > 0);
}

function scenarioDetails(failing: GateResults['scenarios']): ErrorDetail[] {
  return failing.length > 0 ? (scenarioGateError(failing).details ?? []) : [];
}

function nameOf(doc: unknown, id: string): string {
  const name = (doc as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : id;
}
