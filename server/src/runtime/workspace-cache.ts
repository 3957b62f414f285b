/**
 * Compiled rule sets cached by published version: every publish, rollback or pack change
 * bumps the account's workspace sequence in the store, so each runtime instance compiles
 * a given version once and never serves a stale one for longer than one store read.
 */
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import { compileWorkspace, type CompiledWorkspace, type PackContribution } from '../core/engine/compile-workspace.js';
import type { Store } from '../store/open-store.js';
import { packContribution } from './pack-contribution.js';

const KINDS = ['flow', 'keyword-group', 'policy'] as const;

export class WorkspaceCache {
  private readonly compiled = new Map<string, { seq: number; value: Promise<CompiledWorkspace> }>();

  constructor(private readonly store: Store) {}

  async get(account: string): Promise<CompiledWorkspace> {
    const seq = await this.store.versions.workspaceSeq(account);
    const hit = this.compiled.get(account);
    if (hit && hit.seq === seq) return hit.value;
    const value = this.load(account);
    this.compiled.set(account, { seq, value });
    value.catch(() => this.compiled.delete(account));
    return value;
  }

  private async load(account: string): Promise<CompiledWorkspace> {
    const [published, drafts, installed] = await Promise.all([
      this.store.versions.latestAll(account),
      Promise.all(KINDS.map((kind) => this.store.documents.list(account, kind))),
      this.store.packs.list(account),
    ]);
    // A deleted document stops applying even though its published versions stay on record.
    const existing = new Set(drafts.flat().map((d) => `${d.kind}/${d.id}`));
    const flows: Flow[] = [];
    const groups: KeywordGroup[] = [];
    let policy: Policy | undefined;
    for (const v of published) {
      if (!existing.has(`${v.kind}/${v.id}`)) continue;
      if (v.kind === 'flow') flows.push(v.doc as Flow);
      else if (v.kind === 'keyword-group') groups.push(v.doc as KeywordGroup);
      else if (v.kind === 'policy' && (policy === undefined || v.id === 'default')) policy = v.doc as Policy;
    }
    const packs: PackContribution[] = installed.filter((p) => p.enabled).map((p) => packContribution(p.doc));
    return compileWorkspace({ flows, groups, policy, packs });
  }
}
