/** Industry rule packs (CONTRACT §10): catalog, import with preview, install, self-test, export. */
import { Router } from 'express';
import { allow, principalOf, READERS } from '../auth.js';
import { accountOf } from '../validate-body.js';
import { invalid } from '../../errors.js';
import type { PackService } from '../../packs/pack-service.js';

export function packRoutes(packs: PackService): Router {
  const r = Router();
  r.get('/packs', allow(...READERS), async (req, res) => {
    res.json({ items: await packs.list(accountOf(req.query)) });
  });
  // Before `/packs/:id`, which would take "export" for an id.
  r.get('/packs/export', allow('editor'), async (req, res) => {
    res.json(await packs.export(accountOf(req.query)));
  });
  r.post('/packs/import', allow('editor'), async (req, res) => {
    const account = accountOf(req.query);
    if (flag(req.query, 'dryRun')) {
      res.json(await packs.preview(account, req.body));
      return;
    }
    res.status(201).json(await packs.import(account, req.body, flag(req.query, 'force'), principalOf(res).name));
  });
  r.get('/packs/:id', allow(...READERS), async (req, res) => {
    res.json(await packs.get(accountOf(req.query), req.params['id'] as string));
  });
  r.post('/packs/:id/install', allow('editor'), async (req, res) => {
    res.json(
      await packs.install(
        accountOf(req.query),
        req.params['id'] as string,
        flag(req.query, 'force'),
        principalOf(res).name,
      ),
    );
  });
  r.delete('/packs/:id', allow('editor'), async (req, res) => {
    await packs.uninstall(accountOf(req.query), req.params['id'] as string, principalOf(res).name);
    res.status(204).end();
  });
  r.post('/packs/:id/enable', allow('editor'), async (req, res) => {
    res.json(await packs.setEnabled(accountOf(req.query), req.params['id'] as string, true, principalOf(res).name));
  });
  r.post('/packs/:id/disable', allow('editor'), async (req, res) => {
    res.json(await packs.setEnabled(accountOf(req.query), req.params['id'] as string, false, principalOf(res).name));
  });
  r.post('/packs/:id/test', allow('editor'), async (req, res) => {
    res.json(await packs.test(accountOf(req.query), req.params['id'] as string));
  });
  return r;
}

/** `?dryRun=true` / `?force=1`; absent is false; anything else is refused rather than guessed. */
function flag(query: Record<string, unknown>, name: string): boolean {
  const v = query[name];
  if (v === undefined || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1' || v === '') return true;
  throw invalid(`${name} 参数只能是 true 或 false`, [{ path: `/${name}`, message: 'must be true or false' }]);
}
