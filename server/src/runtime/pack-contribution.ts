/** What an installed pack adds to an account's compiled workspace: lexicons, rules, keyword groups. */
import { replyClassifier } from './reply-classifier-model.js';
import type { Flow, KeywordGroup, Pack, Policy } from '../../../rules-schema/index.js';
import {
  compileWorkspaceSteps,
  type CompiledWorkspace,
  type CompileOutcome,
  type PackContribution,
  type ReplyRule,
  type WorkspaceInput,
} from '../core/engine/compile-workspace.js';
import { WORKSPACE_PATHS } from '../core/engine/compile-problem.js';
import { runInSlices } from './run-in-slices.js';
import { invalid } from '../errors.js';

export interface WorkspaceDocs {
  flows: Flow[];
  groups: KeywordGroup[];
  policy: Policy | undefined;
  /** Pack documents as stored. */
  packs: readonly unknown[];
}

/**
 * @param stored a pack document as stored at install (schema-checked then; parse boundary).
 * @example packContribution(pack).rules?.[0]?.code // 'pack:medical-health/CURE_RATE_CLAIM'
 */
export function packContribution(stored: unknown): PackContribution {
  // Installed documents were validated against the pack schema before they were stored.
  const pack = stored as Pack;
  const base = WORKSPACE_PATHS.pack(pack.id);
  return {
    id: pack.id,
    lexicons: pack.lexicons ?? [],
    rules: (pack.rules ?? []).flatMap((r, i): ReplyRule[] =>
      r.enabled === false
        ? []
        : [
            {
              code: `pack:${pack.id}/${r.code}`,
              severity: r.severity,
              message: r.message,
              ruleId: `pack:${pack.id}/${r.id}`,
              conditions: r.conditions,
              path: `${base}/rules/${i}/conditions`,
            },
          ],
    ),
    groups: (pack.keywordGroups ?? []).map((g) => ({ ...g, id: `${pack.id}.${g.id}` })),
  };
}

/**
 * Compiles documents whose packs are still stored pack documents (the sandbox, backtests),
 * giving the event loop a turn between slices; a workspace that cannot run is VALIDATION_FAILED.
 */
export async function compileWithPacks(docs: WorkspaceDocs): Promise<CompiledWorkspace> {
  const outcome = await tryCompileWithPacks(docs);
  if (!outcome.ok) throw invalid(`规则无法编译（${outcome.problems.length} 个问题）`, outcome.problems);
  return outcome.compiled;
}

/** The same compile, its problems as data: the runtime cache and the publish gate. */
export function tryCompileWithPacks(docs: WorkspaceDocs): Promise<CompileOutcome> {
  return runInSlices(compileWorkspaceSteps(workspaceInput(docs)));
}

function workspaceInput(docs: WorkspaceDocs): WorkspaceInput {
  return {
    flows: docs.flows,
    groups: docs.groups,
    policy: docs.policy,
    packs: docs.packs.map(packContribution),
    classifier: replyClassifier(),
  };
}
