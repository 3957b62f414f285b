/**
 * Compiled rule sets cached by workspace sequence. Every change of what the runtime evaluates
 * moves the account's sequence in the same store write as the change (version-repository.ts),
 * and a compile loads exactly the pointers read with that sequence. The sequence read is
 * reused for at most `refreshMs` (default 1 s) rather than read on every message: another
 * instance's publish is served within that bound, this instance's own writes at once.
 *
 * Compiling happens in slices (run-in-slices.ts): requests of other accounts, /healthz and
 * WeChat pushes are answered while a large workspace compiles. Should a published version
 * fail to compile anyway (data written by an older version, say), the account keeps running
 * on its last good compiled version — or, if it never had one, on the default policy with no
 * flows — and the failure is audited once per version and shown by `degraded()` (/healthz).
 */
import type { CompiledWorkspace, CompileProblem } from '../core/engine/compile-workspace.js';
import type { Store } from '../store/open-store.js';
import type { WorkspaceHead } from '../store/version-repository.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { tryCompileWithPacks } from './pack-contribution.js';
import { loadPublished } from './published-workspace.js';

/** Where the runtime gets an account's compiled rule set: the cache, or a sandbox's own compile. */
export interface CompiledSource {
  get(account: string): Promise<CompiledWorkspace>;
}

/** An account running on an older (or the default) rule set because its published one does not compile. */
export interface DegradedAccount {
  account: string;
  error: string;
  /** ISO time of the first failure of the current run of failures. */
  since: string;
}

/** How long a read workspace sequence is trusted by default: another instance's change shows within it. */
export const DEFAULT_WORKSPACE_REFRESH_MS = 1_000;

export class WorkspaceCache implements CompiledSource {
  private readonly heads = new Map<string, { head: WorkspaceHead; readAt: number }>();
  private readonly compiled = new Map<string, { seq: number; value: Promise<CompiledWorkspace> }>();
  private readonly lastGood = new Map<string, CompiledWorkspace>();
  private readonly failing = new Map<string, DegradedAccount & { seq: number }>();
  private fallback: Promise<CompiledWorkspace> | undefined;

  constructor(
    private readonly store: Store,
    private readonly refreshMs = DEFAULT_WORKSPACE_REFRESH_MS,
  ) {}

  async get(account: string): Promise<CompiledWorkspace> {
    const head = await this.head(account);
    const seq = head.seq;
    const hit = this.compiled.get(account);
    if (hit && hit.seq === seq) return hit.value;
    const entry = { seq, value: this.compile(account, head) };
    this.compiled.set(account, entry);
    // A store failure is retried by the next request; a newer entry is left alone.
    entry.value.catch(() => {
      if (this.compiled.get(account) === entry) this.compiled.delete(account);
    });
    return entry.value;
  }

  /** Accounts currently served by a fallback, for /healthz. */
  degraded(): DegradedAccount[] {
    return [...this.failing.values()].map(({ account, error, since }) => ({ account, error, since }));
  }

  /** The last read head while it is fresh and no newer sequence was written by this process. */
  private async head(account: string): Promise<WorkspaceHead> {
    const now = Date.now();
    const cached = this.heads.get(account);
    if (cached && now - cached.readAt < this.refreshMs && this.store.versions.writtenSeq(account) <= cached.head.seq) {
      return cached.head;
    }
    const head = await this.store.versions.head(account);
    this.heads.set(account, { head, readAt: now });
    return head;
  }

  private async compile(account: string, head: WorkspaceHead): Promise<CompiledWorkspace> {
    const seq = head.seq;
    const docs = await loadPublished(this.store, account, head);
    const outcome = await tryCompileWithPacks(docs);
    if (outcome.ok) {
      this.lastGood.set(account, outcome.compiled);
      this.failing.delete(account);
      return outcome.compiled;
    }
    const serving = this.lastGood.get(account) ?? (await this.defaultWorkspace());
    await this.recordFailure(account, seq, outcome.problems);
    return serving;
  }

  private async recordFailure(account: string, seq: number, problems: readonly CompileProblem[]): Promise<void> {
    const previous = this.failing.get(account);
    const first = problems[0];
    const error = `已发布的规则无法编译，仍按${this.lastGood.has(account) ? '上一个可用版本' : '默认合规策略（无流程）'}运行：${first ? `${first.path} ${first.message}` : ''}${problems.length > 1 ? `（另有 ${problems.length - 1} 个问题）` : ''}`;
    const since = previous?.since ?? new Date().toISOString();
    this.failing.set(account, { account, error, since, seq });
    if (previous?.seq === seq) return;
    await this.store.audit.append({
      at: new Date(),
      account,
      actor: 'runtime',
      action: 'workspace.compile-failed',
      target: account,
      detail: {
        sequence: seq,
        serving: this.lastGood.has(account) ? 'last-good' : 'default',
        problems: problems.slice(0, 50),
      },
    });
  }

  /** The default policy and no flows: what an account whose rules never compiled runs on. */
  private defaultWorkspace(): Promise<CompiledWorkspace> {
    this.fallback ??= tryCompileWithPacks({ flows: [], groups: [], policy: DEFAULT_POLICY, packs: [] }).then(
      (outcome) => {
        if (!outcome.ok) throw new Error(`the default policy does not compile: ${JSON.stringify(outcome.problems)}`);
        return outcome.compiled;
      },
    );
    return this.fallback;
  }
}
