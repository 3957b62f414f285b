/**
 * The gate in front of every way a document reaches the runtime: save and create compile the
 * document alone, publish, rollback and pack install/enable compile the account's published
 * workspace with the change applied — through the very compile steps the runtime runs, so
 * a document that passes can run, and one that cannot is refused with pointers into it.
 */
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import { WORKSPACE_PATHS, type CompileProblem } from '../core/engine/compile-problem.js';
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import type { DocumentKind } from '../store/document-repository.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { invalid, type ErrorDetail } from '../errors.js';
import { tryCompileWithPacks, type WorkspaceDocs } from './pack-contribution.js';
import { loadPublished } from './published-workspace.js';

export type GatedChange =
  { kind: Exclude<DocumentKind, 'scenario'>; doc: { id: string } } | { kind: 'pack'; doc: { id: string } };

/**
 * Compiles one document on its own (save, create, import).
 * @example await gateDocument({ kind: 'keyword-group', doc: group }) // throws VALIDATION_FAILED with `/keywords/0`
 */
export async function gateDocument(change: GatedChange, message = '文档无法运行，未保存'): Promise<void> {
  const empty: WorkspaceDocs = { flows: [], groups: [], policy: undefined, packs: [] };
  await refuseProblems(applyChange(empty, change), change, message);
}

/**
 * Compiles the account's published workspace with `change` applied (publish, rollback, pack
 * install), and `alongside` (documents published in the same request, e.g. a flow's groups);
 * pointers are rebased onto `change`. Returns the compiled workspace the change would run in.
 * `head`: the workspace the change will be published on (publishAtHead); default: the current one.
 * @example await gateWorkspace(store, 'default', { kind: 'policy', doc: policy }, '合规策略无法运行，未发布')
 */
export async function gateWorkspace(
  store: Store,
  account: string,
  change: GatedChange,
  message: string,
  alongside: readonly GatedChange[] = [],
  head?: WorkspaceHead,
): Promise<CompiledWorkspace> {
  const published = await loadPublished(store, account, head);
  return refuseProblems([...alongside, change].reduce(applyChange, published), change, message);
}

async function refuseProblems(docs: WorkspaceDocs, change: GatedChange, message: string): Promise<CompiledWorkspace> {
  const outcome = await tryCompileWithPacks(docs);
  if (!outcome.ok)
    throw invalid(`${message}（${outcome.problems.length} 个问题）`, rebase(outcome.problems, prefixOf(change)));
  return outcome.compiled;
}

function applyChange(docs: WorkspaceDocs, change: GatedChange): WorkspaceDocs {
  switch (change.kind) {
    case 'flow':
      return { ...docs, flows: [...docs.flows.filter((f) => f.id !== change.doc.id), change.doc as Flow] };
    case 'keyword-group':
      return { ...docs, groups: [...docs.groups.filter((g) => g.id !== change.doc.id), change.doc as KeywordGroup] };
    case 'policy':
      return { ...docs, policy: change.doc as Policy };
    case 'pack':
      return {
        ...docs,
        packs: [...docs.packs.filter((p) => (p as { id?: unknown }).id !== change.doc.id), change.doc],
      };
  }
}

function prefixOf(change: GatedChange): string {
  return change.kind === 'policy' ? WORKSPACE_PATHS.policy() : WORKSPACE_PATHS[change.kind](change.doc.id);
}

/** Pointers into the changed document become relative to it; others keep naming their document. */
function rebase(problems: readonly CompileProblem[], prefix: string): ErrorDetail[] {
  return problems.map((p) => {
    if (p.path === prefix) return { path: '/', message: p.message };
    if (p.path.startsWith(`${prefix}/`)) return { path: p.path.slice(prefix.length), message: p.message };
    return { path: p.path, message: `（账号中的其他文档）${p.message}` };
  });
}
