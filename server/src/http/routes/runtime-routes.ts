/** The runtime API of CONTRACT §8: inbound messages, reply checks, window reads. */
import { Router } from 'express';
import type { InboundBody, ReplyCheckBody } from '../../../../rules-schema/index.js';
import { allow, READERS } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import { handleInbound } from '../../runtime/inbound-service.js';
import { handleReplyCheck, handleWindowRead } from '../../runtime/reply-service.js';
import type { AppDeps } from '../create-app.js';

export function runtimeRoutes(deps: AppDeps): Router {
  const r = Router();
  r.post('/inbound', allow('runtime'), async (req, res) => {
    const body = validBody<InboundBody>('inbound-body', req.body);
    res.json(await handleInbound(deps.store, deps.cache, body, deps.clock()));
  });
  r.post('/replies/check', allow('runtime'), async (req, res) => {
    const body = validBody<ReplyCheckBody>('reply-check-body', req.body);
    res.json(await handleReplyCheck(deps.store, deps.cache, body, deps.clock()));
  });
  r.get('/users/:openid/window', allow('runtime', ...READERS), async (req, res) => {
    res.json(
      await handleWindowRead(
        deps.store,
        deps.cache,
        accountOf(req.query),
        req.params['openid'] as string,
        deps.clock(),
      ),
    );
  });
  return r;
}
