/** Drafts, publish, versions and rollback for flows, keyword groups and policies (CONTRACT §10). */
import { Router } from 'express';
import type { PublishBody, RollbackBody } from '../../../../rules-schema/index.js';
import { allow, principalOf, READERS } from '../auth.js';
import { accountOf, validBody } from '../validate-body.js';
import { ROUTE_KINDS, type DocumentService } from '../../runtime/document-service.js';
import { invalid } from '../../errors.js';

function positiveInt(value: unknown, path: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw invalid(`${path} 必须是正整数`, [{ path, message: 'must be a positive integer' }]);
  return n;
}

export function documentRoutes(docs: DocumentService): Router {
  const r = Router();
  for (const [segment, kind] of Object.entries(ROUTE_KINDS)) {
    const base = `/${segment}`;
    r.get(base, allow(...READERS), async (req, res) => {
      res.json({ items: await docs.list(accountOf(req.query), kind) });
    });
    r.post(base, allow('editor'), async (req, res) => {
      res.status(201).json(await docs.create(accountOf(req.query), kind, req.body, principalOf(res).name));
    });
    r.get(`${base}/:id`, allow(...READERS), async (req, res) => {
      res.json(await docs.get(accountOf(req.query), kind, req.params['id'] as string));
    });
    r.put(`${base}/:id`, allow('editor'), async (req, res) => {
      res.json(
        await docs.save(accountOf(req.query), kind, req.params['id'] as string, req.body, principalOf(res).name),
      );
    });
    r.delete(`${base}/:id`, allow('editor'), async (req, res) => {
      const revision =
        req.query['revision'] === undefined ? undefined : positiveInt(req.query['revision'], '/revision');
      await docs.remove(accountOf(req.query), kind, req.params['id'] as string, revision, principalOf(res).name);
      res.status(204).end();
    });
    r.post(`${base}/:id/publish`, allow('editor'), async (req, res) => {
      const body = validBody<PublishBody>('publish-body', req.body ?? {});
      res
        .status(201)
        .json(await docs.publish(accountOf(req.query), kind, req.params['id'] as string, body, principalOf(res).name));
    });
    r.get(`${base}/:id/versions`, allow(...READERS), async (req, res) => {
      res.json({ items: await docs.versions(accountOf(req.query), kind, req.params['id'] as string) });
    });
    r.get(`${base}/:id/versions/:version`, allow(...READERS), async (req, res) => {
      const version = positiveInt(req.params['version'], '/version');
      res.json(await docs.version(accountOf(req.query), kind, req.params['id'] as string, version));
    });
    r.post(`${base}/:id/rollback`, allow('editor'), async (req, res) => {
      const body = validBody<RollbackBody>('rollback-body', req.body);
      res
        .status(201)
        .json(
          await docs.rollback(
            accountOf(req.query),
            kind,
            req.params['id'] as string,
            body.version,
            body.note,
            principalOf(res).name,
          ),
        );
    });
  }
  return r;
}
