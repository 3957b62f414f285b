/** One workspace publish: what it would change, and doing it (issue 10; README 发布（整个工作区）). */
import { Router } from 'express';
import type { WorkspacePublishBody } from '../../../../rules-schema/index.js';
import { allow, principalOf, READERS } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import type { WorkspacePublishService } from '../../runtime/workspace-publish-service.js';

export function workspaceRoutes(workspace: WorkspacePublishService): Router {
  const r = Router();
  r.get('/workspace/status', allow(...READERS), async (req, res) => {
    res.json(await workspace.status(accountOf(req.query)));
  });
  r.get('/workspace/changes', allow(...READERS), async (req, res) => {
    res.json(await workspace.changes(accountOf(req.query)));
  });
  r.post('/workspace/publish', allow('editor'), async (req, res) => {
    const body = validBody<WorkspacePublishBody>('workspace-publish-body', req.body ?? {});
    const result = await workspace.publish(accountOf(req.query), body, principalOf(res).name);
    // 201: a new workspace version; 200: nothing differed from what is live, nothing written.
    res.status(result.published.length + result.unpublished.length > 0 ? 201 : 200).json(result);
  });
  return r;
}
