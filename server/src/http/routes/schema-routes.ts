/** JSON Schemas and the OpenAPI 3.1 description, generated from the same schemas. */
import { Router } from 'express';
import { SCHEMAS, type SchemaName } from '../../../../rules-schema/index.js';
import { notFound } from '../../errors.js';
import { buildOpenApi } from '../openapi.js';

export function schemaRoutes(): Router {
  const r = Router();
  const openapi = buildOpenApi();
  r.get('/schema/:name', (req, res) => {
    const name = req.params['name'] as string;
    if (!Object.hasOwn(SCHEMAS, name)) throw notFound(`schema ${name}`);
    res.json({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: name, ...SCHEMAS[name as SchemaName] });
  });
  r.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  return r;
}
