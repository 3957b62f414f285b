/** False-positive review: allowances on a policy (`POST/DELETE /policies/:id/allowances`). */
import { Router } from 'express';
import type { AllowanceBody } from '../../../../rules-schema/index.js';
import { allow, principalOf } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import type { AllowanceService } from '../../runtime/allowance-service.js';

export function allowanceRoutes(allowances: AllowanceService): Router {
  const r = Router();
  r.post('/policies/:id/allowances', allow('editor'), async (req, res) => {
    const body = validBody<AllowanceBody>('allowance-body', req.body);
    res
      .status(201)
      .json(await allowances.add(accountOf(req.query), req.params['id'] as string, body, principalOf(res).name));
  });
  r.delete('/policies/:id/allowances/:allowanceId', allow('editor'), async (req, res) => {
    await allowances.remove(
      accountOf(req.query),
      req.params['id'] as string,
      req.params['allowanceId'] as string,
      principalOf(res).name,
    );
    res.status(204).end();
  });
  return r;
}
