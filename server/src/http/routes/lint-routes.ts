/**
 * POST /lint: the live lint of the editor and the agent queue; POST /lint/flow: the replies of a draft flow the
 * publish gate would refuse, for the canvas. Parses the body and maps it to the lint service; a draft flow or policy
 * sent along is checked against its schema here, at the boundary.
 */
import { Router } from 'express';
import type { Flow, Policy } from '../../../../rules-schema/index.js';
import { validate } from '../../../../rules-schema/validator.js';
import { allow } from '../auth.js';
import { accountOf } from '../validate-body.js';
import { invalid } from '../../errors.js';
import type { LintService } from '../../runtime/lint-service.js';

export function lintRoutes(lint: LintService): Router {
  const r = Router();
  // The runtime role may lint too: an agent desk lints a reply as the agent types, then sends it.
  r.post('/lint', allow('editor', 'runtime'), async (req, res) => {
    const body = req.body as { account?: unknown; reply?: unknown; policy?: unknown } | undefined;
    if (!body || typeof body.reply !== 'object' || body.reply === null) {
      throw invalid('需要提供 reply', [{ path: '/reply', message: 'required object' }]);
    }
    const account = accountOf({ account: body.account ?? 'default' });
    res.json(await lint.lint(account, body.reply, draftPolicy(body.policy)));
  });
  r.post('/lint/flow', allow('editor'), async (req, res) => {
    const body = req.body as { account?: unknown; flow?: unknown; policy?: unknown } | undefined;
    const flow = validate<Flow>('flow', body?.flow);
    if (!flow.ok)
      throw invalid(
        '草稿流程不符合格式要求',
        flow.problems.map((p) => ({ ...p, path: `/flow${p.path}` })),
      );
    const account = accountOf({ account: body?.account ?? 'default' });
    res.json({ blocked: await lint.lintFlow(account, flow.value, draftPolicy(body?.policy)) });
  });
  return r;
}

function draftPolicy(policy: unknown): Policy | undefined {
  if (policy === undefined) return undefined;
  const checked = validate<Policy>('policy', policy);
  if (!checked.ok)
    throw invalid(
      '草稿合规策略不符合格式要求',
      checked.problems.map((p) => ({ ...p, path: `/policy${p.path}` })),
    );
  return checked.value;
}
