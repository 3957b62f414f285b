/**
 * The WeChat gateway over HTTP (CONTRACT §11): the webhook under `/wechat/:account`
 * (authenticated by WeChat's signature), and under `/api/v1` the customer-service send and
 * the console import.
 */
import { Router } from 'express';
import type { ReplySendBody } from '../../../../rules-schema/index.js';
import type { Logger } from '../../logger.js';
import type { AppDeps } from '../create-app.js';
import { allow, principalOf } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import { readBoundedText } from '../read-bounded-text.js';
import { DocumentService } from '../../runtime/document-service.js';
import { resolveWechatOptions, type WechatOptions } from '../../wechat/wechat-options.js';
import { WechatApiClient } from '../../wechat/wechat-api-client.js';
import { WechatGateway } from '../../wechat/wechat-gateway.js';
import { sendReply } from '../../wechat/send-reply.js';
import { importConsoleRules } from '../../wechat/console-import.js';

export interface WechatRoutes {
  /** Mounted at `/wechat`. */
  webhook: Router;
  /** Mounted inside the authenticated `/api/v1` router. */
  api: Router;
  gateway: WechatGateway;
  client: WechatApiClient;
}

export function wechatRoutes(deps: AppDeps, log: Logger, options?: WechatOptions): WechatRoutes {
  const opts = resolveWechatOptions(options);
  const client = new WechatApiClient(deps.store, opts, deps.clock);
  const gateway = new WechatGateway({ ...deps, log, client, options: opts });

  const webhook = Router();
  webhook.get('/:account', async (req, res) => {
    const echo = await gateway.verifyUrl(accountOf({ account: req.params['account'] }), req.query);
    res.set('X-Content-Type-Options', 'nosniff').type('text/plain').send(echo);
  });
  webhook.post('/:account', async (req, res) => {
    const startedAt = Date.now();
    const raw = await readBoundedText(req, opts.bodyLimitBytes);
    const answer = await gateway.receive(accountOf({ account: req.params['account'] }), req.query, raw, startedAt);
    res.type(answer.contentType).send(answer.body);
  });

  const api = Router();
  api.post('/replies/send', allow('runtime'), async (req, res) => {
    const body = validBody<ReplySendBody>('reply-send-body', req.body);
    res.json(await sendReply({ store: deps.store, cache: deps.cache, client }, body, deps.clock()));
  });
  api.post('/wechat/console-import', allow('editor'), async (req, res) => {
    const docs = new DocumentService(deps.store);
    const summary = await importConsoleRules(
      { store: deps.store, docs, client },
      accountOf(req.query),
      req.body,
      principalOf(res).name,
    );
    res.status(201).json(summary);
  });
  return { webhook, api, gateway, client };
}
