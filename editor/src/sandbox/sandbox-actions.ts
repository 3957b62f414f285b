/**
 * The sandbox panel's talks with the API: running the session (the whole script again after
 * each action: the sandbox is deterministic), lighting the path, the scenario library.
 */
import i18n from 'i18next';
import type { Flow, SandboxStep, Scenario } from '../../../rules-schema/index.js';
import { ApiError } from '../api/api-error.js';
import { documentsApi } from '../api/documents-api.js';
import { sandboxApi, type SandboxResult, type SandboxScript, type StepReport } from '../api/sandbox-api.js';
import { describeApiError, revisionFromConflict } from '../documents/describe-api-error.js';
import { currentFlow } from '../documents/doc-actions.js';
import { newId } from '../model/new-id.js';
import { useEditorStore } from '../store/editor-store.js';
import type { SandboxSession } from '../store/sandbox-slice.js';
import { toDurationSpec } from './durations.js';
import { litPath } from './lit-path.js';
import { runBySource } from './run-by-source.js';

const store = () => useEditorStore.getState();
const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);
let runSeq = 0;

/**
 * Runs the session with one extra dry probe (an uncommitted reply check to the active user
 * at the virtual "now") so the panel can show the window after a clock move with no step yet.
 */
export async function runSession(): Promise<void> {
  const mine = ++runSeq;
  const { session, activeUser, pendingMs } = store();
  const probe: SandboxStep = {
    reply: { type: 'text', content: '·' },
    to: activeUser,
    commit: false,
    ...(pendingMs > 0 ? { after: toDurationSpec(pendingMs) } : {}),
  };
  store().setRunState({ running: true });
  try {
    const {
      shown: result,
      live,
      liveError,
    } = await runBySource(
      store().sandboxSource,
      { ...scriptOf(session), steps: [...session.steps, probe] },
      unsavedDocs,
    );
    if (mine !== runSeq) return;
    const last = result.steps[result.steps.length - 1];
    // The session's own steps, without the probe that reads the clock after them.
    const ownSteps = (run: SandboxResult): SandboxResult => {
      const steps = run.steps.slice(0, session.steps.length);
      return { passed: steps.every((s) => s.expect.passed), steps };
    };
    store().setLiveResult(
      live && store().sandboxSource === 'compare' ? ownSteps(live) : null,
      liveError === undefined ? null : describeApiError(liveError, i18n.t),
    );
    if (live?.workspaceVersion !== undefined) store().setLiveVersion(live.workspaceVersion);
    store().setRunState({
      result: ownSteps(result),
      now: last
        ? {
            at: last.at,
            window: last.result.window,
            ...(last.kind === 'reply' ? { counters: last.result.counters } : {}),
          }
        : null,
      running: false,
      runError: null,
    });
    lightStep(store().litStep);
  } catch (err) {
    if (mine === runSeq) store().setRunState({ running: false, runError: describeApiError(err, i18n.t) });
  }
}

/** Lights on the canvas the path of one step (null: the last inbound step). */
export function lightStep(index: number | null): void {
  const { result, nodes, edges, meta } = store();
  const reports = result?.steps ?? [];
  const report: StepReport | undefined =
    index === null ? [...reports].reverse().find((s) => s.kind === 'inbound') : reports[index];
  // Only the open flow's part of the walk: node ids repeat across flows.
  const trace =
    report?.kind === 'inbound'
      ? (report.result.path ?? []).filter((p) => p.flowId === meta?.id).map((p) => p.nodeId)
      : [];
  store().setLit(index, litPath(trace, { nodes: nodes.map((n) => ({ id: n.id, type: n.type })), edges }));
}

/**
 * The session as a script body: users without a nickname or tags are sent as `{}`; `packs`
 * only when chosen (left out, the server applies the account's enabled packs).
 */
export function scriptOf(session: SandboxSession): {
  start: string;
  users: NonNullable<SandboxScript['users']>;
  steps: SandboxStep[];
  packs?: string[];
} {
  const users = Object.fromEntries(
    Object.entries(session.users).map(([id, u]) => [
      id,
      { ...(u.nickname?.trim() ? { nickname: u.nickname.trim() } : {}), ...(u.tags?.length ? { tags: u.tags } : {}) },
    ]),
  );
  return { start: session.start, users, steps: session.steps, ...(session.packs ? { packs: session.packs } : {}) };
}

const flowCache = new Map<string, Flow>();

/**
 * What the editor holds unsaved goes into the run, so a change shows before it is saved;
 * with nothing unsaved the server's drafts are used as they are. Inline flows replace every
 * draft flow, so the other flows are fetched (cached by revision).
 */
async function unsavedDocs(): Promise<Pick<SandboxScript, 'flows' | 'keywordGroups' | 'policy'>> {
  const s = store();
  const out: Pick<SandboxScript, 'flows' | 'keywordGroups' | 'policy'> = {};
  if (Object.values(s.groups).some((g) => g.dirty || !g.persisted))
    out.keywordGroups = Object.values(s.groups).map((g) => g.doc);
  if (s.policy?.dirty) out.policy = s.policy.doc;
  const open = currentFlow();
  if (open && (s.dirty || !s.persisted)) {
    const others = await Promise.all(
      s.flowSummaries
        .filter((f) => f.id !== open.id)
        .map(async (f) => {
          const key = `${f.id}@${f.revision}`;
          const cached = flowCache.get(key) ?? (await documentsApi.get('flows', f.id));
          flowCache.set(key, cached);
          return cached;
        }),
    );
    out.flows = [open, ...others].filter((f) => f.enabled !== false);
  }
  return out;
}

export async function refreshScenarios(): Promise<void> {
  try {
    store().setScenarios((await sandboxApi.listScenarios()).items);
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
}

/** How a save ended: `conflict` opened the conflict dialog (someone saved the scenario meanwhile). */
export type SaveOutcome = 'saved' | 'conflict' | 'failed';

/**
 * Saves the session to the library: a new scenario, or the one it was opened from. What the
 * scenario holds that the panel does not edit (inline flows, groups, policy) is written back.
 */
export async function saveScenario(name: string, description: string, asNew: boolean): Promise<SaveOutcome> {
  const { session } = store();
  const existing = asNew ? null : session.scenario;
  const doc: Scenario = {
    ...session.kept,
    schemaVersion: 1,
    id: existing?.id ?? newId('sc'),
    name,
    ...(description.trim() ? { description: description.trim() } : {}),
    ...(existing?.revision !== undefined ? { revision: existing.revision } : {}),
    ...scriptOf(session),
  };
  try {
    const saved = existing ? await sandboxApi.updateScenario(doc) : await sandboxApi.createScenario(doc);
    useEditorStore.setState((s) => ({
      session: {
        ...s.session,
        scenario: { id: saved.id, name: saved.name, description: saved.description, revision: saved.revision },
      },
    }));
    store().notify('success', t('sandbox.library.saved', { name }));
    await refreshScenarios();
    return 'saved';
  } catch (err) {
    if (existing && err instanceof ApiError && err.status === 409 && err.code === 'CONFLICT') {
      // Keep the name typed in the dialog for the save after "keep mine".
      useEditorStore.setState((s) => ({
        session: { ...s.session, scenario: { ...existing, name, description: doc.description } },
      }));
      store().setConflict({ kind: 'scenarios', id: existing.id, name, theirRevision: revisionFromConflict(err) });
      return 'conflict';
    }
    store().notify('error', `${t('sandbox.library.saveFailed')} ${describeApiError(err, i18n.t)}`);
    return 'failed';
  }
}

/** Conflict dialog on a scenario, "reload theirs": their saved scenario replaces the session. */
export async function reloadTheirScenario(id: string): Promise<void> {
  store().setConflict(null);
  await openScenario(id);
}

/** Conflict dialog on a scenario, "keep mine": the session stays; the next save replaces theirs. */
export async function keepMyScenario(id: string, theirRevision: number | null): Promise<void> {
  try {
    const revision = theirRevision ?? (await sandboxApi.getScenario(id)).revision ?? 0;
    const s = store();
    if (s.session.scenario?.id === id)
      useEditorStore.setState({ session: { ...s.session, scenario: { ...s.session.scenario, revision } } });
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
  store().setConflict(null);
}

/** Opens a saved scenario in the simulator. */
export async function openScenario(id: string): Promise<void> {
  try {
    const {
      schemaVersion: _v,
      id: _id,
      name,
      description,
      revision,
      start,
      users,
      steps,
      packs,
      ...kept
    } = await sandboxApi.getScenario(id);
    store().loadSession({
      scenario: { id, name, description, revision },
      start:
        typeof start === 'string' ? start : start !== undefined ? new Date(start).toISOString() : store().session.start,
      users: users ?? {},
      steps,
      packs: packs ?? null,
      kept,
    });
    await runSession();
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
}

/** 「全部运行」: every saved scenario against the drafts, with a badge each. */
export async function runAllScenarios(): Promise<void> {
  try {
    const { scenarios } = await sandboxApi.runAll();
    store().setScenarioRuns(
      Object.fromEntries(scenarios.map((s) => [s.id, { passed: s.passed, failures: s.failures }])),
    );
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
}

/** Runs one saved scenario against the drafts. */
export async function runScenario(id: string): Promise<void> {
  try {
    const doc = await sandboxApi.getScenario(id);
    const { id: _id, name: _name, description: _d, revision: _r, schemaVersion: _v, ...script } = doc;
    const result = await sandboxApi.run(script);
    const failures = result.steps
      .filter((s) => !s.expect.passed)
      .map((s) => ({ step: s.index, failures: s.expect.failures }));
    store().setScenarioRuns({ [id]: { passed: result.passed, failures } });
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
}

export async function deleteScenario(id: string, revision: number): Promise<void> {
  try {
    await sandboxApi.removeScenario(id, revision);
    const s = store();
    if (s.session.scenario?.id === id) useEditorStore.setState({ session: { ...s.session, scenario: null } });
    await refreshScenarios();
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
  }
}
