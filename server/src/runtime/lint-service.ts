/**
 * The editor's live lint (POST /lint): the content checks alone (no window, no counters), with
 * the same compile as the runtime (the account's enabled packs included), against the
 * published policy or a draft policy the editor sends while it has unsaved edits; and, for the
 * canvas, the replies of a draft flow that the publish gate would refuse.
 */
import { createHash } from 'node:crypto';
import type { Flow, Policy } from '../../../rules-schema/index.js';
import type { BlockedReplyField } from '../core/checks/blocked-flow-replies.js';
import { verdictOf, type Reason, type Verdict } from '../core/reason.js';
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import { termScanner } from '../core/engine/scan-message.js';
import { attachSuggestions } from '../core/rewrite/attach-suggestions.js';
import type { Store } from '../store/open-store.js';
import { blockedReplies } from './content-gate.js';
import { compileWithPacks } from './pack-contribution.js';
import { loadPublished } from './published-workspace.js';
import type { WorkspaceCache } from './workspace-cache.js';

export interface LintResult {
  verdict: Verdict;
  reasons: Reason[];
}

/** Draft compiles kept, most recent last: an operator edits one policy at a time. */
const DRAFT_CACHE_SIZE = 16;

export class LintService {
  // Draft policies compile once per distinct content and pack set, not once per keystroke.
  private readonly drafts = new Map<string, Promise<CompiledWorkspace>>();

  constructor(
    private readonly store: Store,
    private readonly cache: WorkspaceCache,
  ) {}

  /**
   * @param draftPolicy a schema-checked draft policy, or undefined for the published one.
   * @example await lint.lint('default', { type: 'text', content: '最佳选择' }) // { verdict: 'warn', reasons: [{ code: 'ABSOLUTE_TERM', …, suggestion }] }
   */
  async lint(account: string, reply: unknown, draftPolicy?: Policy): Promise<LintResult> {
    const compiled = await this.compiled(account, draftPolicy);
    const reasons = attachSuggestions(reply, compiled.content.check(reply, termScanner(compiled)).reasons);
    return { verdict: verdictOf(reasons), reasons };
  }

  /**
   * The replies of a (draft) flow that the publish gate would refuse, found exactly as the gate
   * finds them (content-gate.ts), so the canvas marks what a publish will stop and nothing else.
   * @param draftPolicy a schema-checked draft policy, or undefined for the published one.
   * @example await lint.lintFlow('default', flow) // [{ nodeId: 'reply-1', path: '/nodes/2/data/replies/0/content', reasons: [{ code: 'MEDICAL_CLAIM', … }] }]
   */
  async lintFlow(account: string, flow: Flow, draftPolicy?: Policy): Promise<BlockedReplyField[]> {
    return blockedReplies(flow, await this.compiled(account, draftPolicy));
  }

  private compiled(account: string, draftPolicy: Policy | undefined): Promise<CompiledWorkspace> {
    return draftPolicy === undefined ? this.cache.get(account) : this.compileDraft(account, draftPolicy);
  }

  private async compileDraft(account: string, policy: Policy): Promise<CompiledWorkspace> {
    // The workspace sequence moves on every pack install, removal and publish: a key with it never serves stale packs.
    const seq = await this.store.versions.workspaceSeq(account);
    const key = `${account}\n${seq}\n${createHash('sha1').update(JSON.stringify(policy)).digest('hex')}`;
    let compiled = this.drafts.get(key);
    if (!compiled) {
      compiled = loadPublished(this.store, account).then(({ packs }) =>
        compileWithPacks({ flows: [], groups: [], policy, packs }),
      );
      if (this.drafts.size >= DRAFT_CACHE_SIZE) this.drafts.delete(this.drafts.keys().next().value ?? '');
      this.drafts.set(key, compiled);
      compiled.catch(() => this.drafts.delete(key));
    }
    return compiled;
  }
}
