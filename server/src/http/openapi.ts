/** The OpenAPI 3.1 document: paths of CONTRACT §8–§10 with bodies referencing rules-schema. */
import { SCHEMAS } from '../../../rules-schema/index.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const errorResponse = { description: 'CONTRACT §3 error', ...json(ref('Error')) };

function op(summary: string, body?: string, extra: Record<string, unknown> = {}) {
  return {
    summary,
    security: [{ bearer: [] }],
    ...(body ? { requestBody: { required: true, ...json(ref(body)) } } : {}),
    responses: { '200': { description: 'OK' }, '400': errorResponse, '401': errorResponse, '403': errorResponse, '503': errorResponse },
    ...extra,
  };
}

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {
    '/healthz': { get: { summary: 'Liveness', responses: { '200': { description: '{"status":"ok"}' } } } },
    '/api/v1/inbound': { post: op('Record an inbound message and run the published flows', 'inbound-body') },
    '/api/v1/replies/check': { post: op('Check (and optionally commit) a proposed reply', 'reply-check-body') },
    '/api/v1/users/{openid}/window': { get: op('The interaction window of a user') },
    '/api/v1/replies/send': { post: op('Check, send through the customer-service API, then commit', 'reply-send-body') },
    '/api/v1/lint': { post: op('Content checks of a reply, for the editor') },
    '/api/v1/sandbox/run': { post: op('Run a sandbox script on a virtual clock', 'sandbox-run-body') },
    '/api/v1/sandbox/backtest': { post: op('Replay stored inbound messages against drafts', 'backtest-body') },
    '/api/v1/scenarios/run-all': { post: op('Run every saved scenario of the account') },
    '/api/v1/wechat/console-import': { post: op('Import the console auto-reply rules as drafts') },
    '/api/v1/packs': { get: op('The pack catalog with install state') },
    '/api/v1/packs/{id}': { get: op('A pack document'), delete: op('Uninstall a pack') },
    '/api/v1/packs/import': { post: op('Preview (dryRun=true) or validate, self-test and install a pack', 'pack') },
    '/api/v1/packs/{id}/install': { post: op('Install a catalog pack (self-tested first)') },
    '/api/v1/packs/{id}/enable': { post: op('Enable an installed pack') },
    '/api/v1/packs/{id}/disable': { post: op('Disable an installed pack') },
    '/api/v1/packs/{id}/test': { post: op("Run a pack's self-tests") },
    '/api/v1/packs/export': { get: op("The account's own rules as a pack") },
    '/api/v1/policies/{id}/allowances': { post: op('Allow a phrase for one code (false-positive review)', 'allowance-body') },
    '/api/v1/policies/{id}/allowances/{allowanceId}': { delete: op('Remove an allowance') },
    '/wechat/{account}': {
      get: { summary: 'WeChat URL verification (signature)', responses: { '200': { description: 'echostr' }, '403': errorResponse } },
      post: { summary: 'WeChat message push, plain or safe mode', responses: { '200': { description: 'passive reply XML or success' }, '403': errorResponse } },
    },
    '/api/v1/me': { get: op('The calling token') },
    '/api/v1/tokens': { get: op('List tokens'), post: op('Create a token', 'token-create-body') },
    '/api/v1/tokens/{id}': { delete: op('Revoke a token') },
    '/api/v1/accounts/{id}': { get: op('An account without secrets'), put: op('Set an account', 'account-body') },
    '/api/v1/audit': { get: op('Audit trail') },
    '/api/v1/schema/{name}': { get: op('A JSON Schema') },
  };
  for (const [segment, schema] of [['flows', 'flow'], ['keyword-groups', 'keyword-group'], ['policies', 'policy'], ['scenarios', 'scenario']] as const) {
    paths[`/api/v1/${segment}`] = { get: op(`List ${segment}`), post: op(`Create a ${schema}`, schema) };
    paths[`/api/v1/${segment}/{id}`] = {
      get: op(`A ${schema} draft`),
      put: op(`Save a ${schema} draft (409 on a stale revision)`, schema),
      delete: op(`Delete a ${schema}`),
    };
    paths[`/api/v1/${segment}/{id}/publish`] = { post: op(`Publish a ${schema}`, 'publish-body') };
    paths[`/api/v1/${segment}/{id}/versions`] = { get: op(`Published versions of a ${schema}`) };
    paths[`/api/v1/${segment}/{id}/versions/{version}`] = { get: op(`One published version of a ${schema}`) };
    paths[`/api/v1/${segment}/{id}/rollback`] = { post: op(`Roll a ${schema} back to a version`, 'rollback-body') };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'ReplyFlow runtime API', version: '1.0.0' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        ...SCHEMAS,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array' } },
            },
          },
        },
      },
    },
  };
}
