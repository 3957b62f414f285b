/**
 * Compiled rule sets cached by published version: every publish, rollback or pack change
 * bumps the account's workspace sequence in the store, so each runtime instance compiles
 * a given version once and never serves a stale one for longer than one store read.
 */
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import type { Store } from '../store/open-store.js';
import { compileWithPacks } from './pack-contribution.js';
import { loadPublished } from './published-workspace.js';

/** Where the runtime gets an account's compiled rule set: the cache, or a sandbox's own compile. */
export interface CompiledSource {
  get(account: string): Promise<CompiledWorkspace>;
}

export class WorkspaceCache implements CompiledSource {
  private readonly compiled = new Map<string, { seq: number; value: Promise<CompiledWorkspace> }>();

  constructor(private readonly store: Store) {}

  async get(account: string): Promise<CompiledWorkspace> {
    const seq = await this.store.versions.workspaceSeq(account);
    const hit = this.compiled.get(account);
    if (hit && hit.seq === seq) return hit.value;
    const value = loadPublished(this.store, account).then(compileWithPacks);
    this.compiled.set(account, { seq, value });
    value.catch(() => this.compiled.delete(account));
    return value;
  }
}
