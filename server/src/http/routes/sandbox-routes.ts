/** Sandbox preview, scenario runs and backtests (CONTRACT §9). */
import { Router } from 'express';
import type { BacktestBody, SandboxRunBody } from '../../../../rules-schema/index.js';
import { allow } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import type { SandboxService } from '../../sandbox/sandbox-service.js';
import type { Store } from '../../store/open-store.js';
import { loadPublished } from '../../runtime/published-workspace.js';

export function sandboxRoutes(sandbox: SandboxService, store: Store): Router {
  const r = Router();
  r.post('/sandbox/run', allow('editor'), async (req, res) => {
    res.json(await sandbox.run(validBody<SandboxRunBody>('sandbox-run-body', req.body)));
  });
  r.post('/scenarios/run-all', allow('editor'), async (req, res) => {
    res.json(await sandbox.runScenarios(accountOf(req.query)));
  });
  r.post('/sandbox/backtest', allow('editor'), async (req, res) => {
    const body = validBody<BacktestBody>('backtest-body', req.body);
    res.json(await sandbox.backtest(body, await loadPublished(store, body.account ?? 'default')));
  });
  return r;
}
