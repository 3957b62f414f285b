/**
 * POST /lint: the content checks alone (no window, no counters) for the editor's live lint,
 * against the published policy or a draft policy sent along.
 */
import { createHash } from 'node:crypto';
import { Router } from 'express';
import type { Policy } from '../../../../rules-schema/index.js';
import { validate } from '../../../../rules-schema/validator.js';
import { allow } from '../auth.js';
import { accountOf } from '../validate-body.js';
import { invalid } from '../../errors.js';
import { verdictOf } from '../../core/reason.js';
import { compileWorkspace, type CompiledWorkspace } from '../../core/engine/compile-workspace.js';
import { termScanner } from '../../core/engine/scan-message.js';
import type { WorkspaceCache } from '../../runtime/workspace-cache.js';

const DRAFT_CACHE_SIZE = 16;

export function lintRoutes(cache: WorkspaceCache): Router {
  const r = Router();
  // Draft policies compile once per distinct content, not once per keystroke.
  const drafts = new Map<string, CompiledWorkspace>();
  const compiledFor = async (account: string, policy: unknown): Promise<CompiledWorkspace> => {
    if (policy === undefined) return cache.get(account);
    const checked = validate<Policy>('policy', policy);
    if (!checked.ok) throw invalid('草稿合规策略不符合格式要求', checked.problems.map((p) => ({ ...p, path: `/policy${p.path}` })));
    const key = createHash('sha1').update(JSON.stringify(checked.value)).digest('hex');
    let compiled = drafts.get(key);
    if (!compiled) {
      compiled = compileWorkspace({ flows: [], groups: [], policy: checked.value });
      if (drafts.size >= DRAFT_CACHE_SIZE) drafts.delete(drafts.keys().next().value as string);
      drafts.set(key, compiled);
    }
    return compiled;
  };
  r.post('/lint', allow('editor'), async (req, res) => {
    const body = req.body as { account?: unknown; reply?: unknown; policy?: unknown } | undefined;
    if (!body || typeof body.reply !== 'object' || body.reply === null) {
      throw invalid('需要提供 reply', [{ path: '/reply', message: 'required object' }]);
    }
    const account = accountOf({ account: body.account ?? 'default' });
    const compiled = await compiledFor(account, body.policy);
    const { reasons } = compiled.content.check(body.reply, termScanner(compiled));
    res.json({ verdict: verdictOf(reasons), reasons });
  });
  return r;
}
