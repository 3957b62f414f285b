/** Tokens, accounts, the audit trail and "who am I" (CONTRACT §2, §10). */
import { Router } from 'express';
import type { AccountBody, TokenCreateBody } from '../../../../rules-schema/index.js';
import { allow, principalOf, READERS } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import type { Store } from '../../store/open-store.js';
import { invalid, notFound } from '../../errors.js';
import { isTimeZone } from '../../core/engine/is-time-zone.js';

export function adminRoutes(store: Store): Router {
  const r = Router();
  r.get('/me', (_req, res) => {
    res.json(principalOf(res));
  });
  r.get('/tokens', allow(), async (_req, res) => {
    res.json({ items: await store.tokens.list() });
  });
  r.post('/tokens', allow(), async (req, res) => {
    const body = validBody<TokenCreateBody>('token-create-body', req.body);
    const by = principalOf(res).name;
    const created = await store.tokens.create(body.name, body.role, by);
    await store.audit.append({
      at: new Date(),
      account: '*',
      actor: by,
      action: 'token.create',
      target: created.id,
      detail: { role: body.role, name: body.name },
    });
    res.status(201).json(created);
  });
  r.delete('/tokens/:id', allow(), async (req, res) => {
    const id = req.params['id'] as string;
    if (!(await store.tokens.revoke(id))) throw notFound(`令牌 ${id}`);
    await store.audit.append({
      at: new Date(),
      account: '*',
      actor: principalOf(res).name,
      action: 'token.revoke',
      target: id,
      detail: {},
    });
    res.status(204).end();
  });
  r.put('/accounts/:id', allow(), async (req, res) => {
    const id = accountOf({ account: req.params['id'] });
    const body = validBody<AccountBody>('account-body', req.body);
    if (body.timezone !== undefined && !isTimeZone(body.timezone)) {
      throw invalid('时区无效，例如 Asia/Shanghai', [{ path: '/timezone', message: 'not an IANA time zone' }]);
    }
    await store.accounts.put(id, body, principalOf(res).name);
    await store.audit.append({
      at: new Date(),
      account: id,
      actor: principalOf(res).name,
      action: 'account.put',
      target: id,
      detail: { fields: Object.keys(body) },
    });
    res.json(await store.accounts.getPublic(id));
  });
  r.get('/accounts/:id', allow(...READERS), async (req, res) => {
    const id = accountOf({ account: req.params['id'] });
    const found = await store.accounts.getPublic(id);
    if (!found) throw notFound(`公众号账号 ${id}`);
    res.json(found);
  });
  r.get('/audit', allow(...READERS), async (req, res) => {
    const limit = Math.min(500, Math.max(1, Number(req.query['limit'] ?? 100) || 100));
    res.json({ items: await store.audit.list(accountOf(req.query), { limit }) });
  });
  return r;
}
