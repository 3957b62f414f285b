/**
 * The OpenAPI 3.1 document served at `GET /api/v1/openapi.json`: every route of the app (a test
 * reads the app's router and compares), the roles each admits (`x-roles`, tested against the
 * role checks), and request bodies referencing the JSON Schemas of rules-schema. docs/api.md is
 * the prose beside it.
 */
import { SCHEMAS } from '../../../rules-schema/index.js';
import type { Role } from '../../../rules-schema/index.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const error = (when: string) => ({ description: `${when} (docs/api.md, errors)`, ...json(ref('Error')) });

const ANY: Role[] = ['admin', 'editor', 'runtime', 'viewer'];
const READERS: Role[] = ['admin', 'editor', 'viewer'];
const EDITORS: Role[] = ['admin', 'editor'];
const RUNTIME: Role[] = ['admin', 'runtime'];
const ADMIN: Role[] = ['admin'];

const accountParam = {
  name: 'account',
  in: 'query',
  description: 'The WeChat account the call is about (default `default`)',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$', default: 'default' },
};
const flagParam = (name: string, description: string) => ({
  name,
  in: 'query',
  description,
  schema: { enum: ['true', 'false', '1', '0'] },
});

interface OpOptions {
  /** A schema of rules-schema, by name, or an inline schema. */
  body?: string | object;
  /** Answer status and what it holds (default 200). */
  ok?: [status: string, description: string];
  /** Reads `?account=` (routes whose body names the account, or that are not per account, do not). */
  account?: boolean;
  query?: object[];
}

/** The gates a flow's publish passes, beyond the compile and scenario gates every publish has. */
const FLOW_PUBLISH_GATES =
  'A reply or follow-up question the content checks would block (published policy and every installed, enabled pack; variables filled with a sample) refuses the publish: 400 VALIDATION_FAILED, one detail per field (`/nodes/3/data/replies/0/content`) naming the node by its label and the codes; `overrideContent: true` with a `note` publishes a reviewed case (audited as `flow.publish-content-override` with the codes), an allowance covering the text needs no override. A keyword group the flow uses that is not published (draft-only or deleted) refuses it too (`/nodes/1/data/groupId`), unless `withGroups: true`: every check of the flow runs with those drafts, then flow and groups go live in one workspace version, or none of them does; the answer lists them in `groups`. What is live moved while the checks ran: 409 CONFLICT, nothing live. Deleting a keyword group a published flow uses is refused (400, pointers `/flows/<id>/nodes/…`).';

function op(summary: string, roles: Role[], options: OpOptions = {}) {
  const [status, description] = options.ok ?? ['200', 'OK'];
  const body = options.body;
  return {
    summary,
    description: `Roles: ${roles.join(', ')}.`,
    'x-roles': roles,
    security: [{ bearer: [] }],
    parameters: [...(options.account ? [accountParam] : []), ...(options.query ?? [])],
    ...(body ? { requestBody: { required: true, ...json(typeof body === 'string' ? ref(body) : body) } } : {}),
    responses: {
      [status]: { description },
      '400': error('INVALID_JSON, VALIDATION_FAILED with JSON pointers'),
      '401': error('UNAUTHORIZED: no valid bearer token'),
      '403': error('FORBIDDEN: the token’s role may not'),
      '404': error('NOT_FOUND: unknown id or route'),
      '413': error('PAYLOAD_TOO_LARGE: body over BODY_LIMIT'),
      '500': error('INTERNAL: a bug, logged with a request id'),
      '503': error('STORE_UNAVAILABLE: the store cannot be reached'),
    },
  };
}

/** `/lint`: one reply, optionally against a draft policy instead of the published one. */
const lintBody = {
  type: 'object',
  required: ['reply'],
  properties: { account: { type: 'string' }, reply: ref('reply'), policy: ref('policy') },
};

/** `/lint/flow`: the replies of a draft flow the publish gate would refuse. */
const lintFlowBody = {
  type: 'object',
  required: ['flow'],
  properties: { account: { type: 'string' }, flow: ref('flow'), policy: ref('policy') },
};

/** `/wechat/console-import`: fetch the console rules with the account's credentials, or upload them. */
const consoleImportBody = {
  oneOf: [
    { type: 'object', required: ['fetch'], properties: { fetch: { const: true } } },
    { type: 'object', description: 'the `get_current_autoreply_info` answer, as uploaded' },
  ],
};

/** `from` and `to` of a period (`[from, to)`), as /metrics and /insights/missed-keywords take them. */
const periodParams = (['from', 'to'] as const).map((name) => ({
  name,
  in: 'query',
  required: true,
  description: 'ISO-8601 with offset, or epoch ms',
  schema: { type: 'string' },
}));

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {
    '/healthz': {
      get: {
        summary: 'Liveness: the store answers',
        security: [],
        responses: { '200': { description: '{"status":"ok"}' }, '503': error('STORE_UNAVAILABLE') },
      },
    },
    '/api/v1/inbound': {
      post: op('Record an inbound message and run the published flows (idempotent by msgId)', RUNTIME, {
        body: 'inbound-body',
        ok: ['200', 'inbound-result'],
      }),
    },
    '/api/v1/replies/check': {
      post: op('Check (and with commit:true record) a proposed reply', RUNTIME, {
        body: 'reply-check-body',
        ok: ['200', 'reply-check-result'],
      }),
    },
    '/api/v1/replies/send': {
      post: op('Check, send through the customer-service API, then commit', RUNTIME, {
        body: 'reply-send-body',
        ok: ['200', 'reply-check-result'],
      }),
    },
    '/api/v1/users/{openid}/window': {
      get: op('The interaction window of a user, with counters', ['admin', 'runtime', 'editor', 'viewer'], {
        account: true,
        ok: ['200', 'window-result'],
      }),
    },
    '/api/v1/conversations': {
      get: op(
        'The agent queue: users waiting for a reply with an open window, soonest deadline first',
        ['admin', 'runtime', 'editor', 'viewer'],
        {
          account: true,
          query: [
            { name: 'state', in: 'query', schema: { enum: ['awaiting'], default: 'awaiting' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'cursor', in: 'query', description: 'the previous page’s `next`', schema: { type: 'string' } },
          ],
          ok: ['200', 'conversation-queue'],
        },
      ),
    },
    '/api/v1/metrics': {
      get: op(
        'Reply metrics of the turns that started in [from, to), with a chart series; CSV with format=csv or Accept: text/csv',
        READERS,
        {
          account: true,
          query: [
            ...periodParams,
            { name: 'groupBy', in: 'query', schema: { enum: ['day', 'hour'], default: 'day' } },
            { name: 'top', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } },
            { name: 'format', in: 'query', schema: { enum: ['json', 'csv'] } },
          ],
          ok: ['200', 'metrics-response'],
        },
      ),
    },
    '/api/v1/insights/missed-keywords': {
      get: op(
        'Texts of [from, to) that matched no keyword group, clustered by their most shared word, each cluster with the draft keyword group it most likely belongs to (the most recent 20,000 are read)',
        READERS,
        {
          account: true,
          query: [
            ...periodParams,
            {
              name: 'limit',
              in: 'query',
              description: 'most clusters',
              schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
            },
          ],
          ok: ['200', 'missed-keywords-response'],
        },
      ),
    },
    '/api/v1/lint': {
      post: op('Content checks of one reply, for the editor and agents', ['admin', 'editor', 'runtime'], {
        body: lintBody,
        ok: ['200', 'lint-result'],
      }),
    },
    '/api/v1/lint/flow': {
      post: op(
        'The replies of a draft flow that publishing would refuse (the canvas marks them)',
        ['admin', 'editor'],
        { body: lintFlowBody, ok: ['200', 'blocked-replies'] },
      ),
    },
    '/api/v1/sandbox/run': {
      post: op('Run a sandbox script on a virtual clock, over the drafts or what is live (source)', EDITORS, {
        body: 'sandbox-run-body',
        ok: ['200', 'sandbox-result'],
      }),
    },
    '/api/v1/sandbox/backtest': {
      post: op('Replay stored inbound messages against drafts', EDITORS, {
        body: 'backtest-body',
        ok: ['200', 'backtest-report'],
      }),
    },
    '/api/v1/scenarios/run-all': { post: op('Run every saved scenario of the account', EDITORS, { account: true }) },
    '/api/v1/wechat/console-import': {
      post: op('Import the console auto-reply rules as drafts', EDITORS, {
        account: true,
        body: consoleImportBody,
        ok: ['201', 'created drafts, skipped rules, notes'],
      }),
    },
    '/api/v1/packs': { get: op('The pack catalog with install state', READERS, { account: true }) },
    '/api/v1/packs/export': { get: op("The account's own published rules as a pack", EDITORS, { account: true }) },
    '/api/v1/packs/import': {
      post: op('Preview (dryRun=true) or validate, self-test and install a pack', EDITORS, {
        account: true,
        body: 'pack',
        ok: ['201', 'installed (200 with the preview when dryRun=true)'],
        query: [
          flagParam('dryRun', 'preview only: added, changed, conflicts'),
          flagParam('force', 'allow a downgrade'),
        ],
      }),
    },
    '/api/v1/packs/{id}': {
      get: op('A pack document', READERS, { account: true }),
      delete: op('Uninstall a pack', EDITORS, { account: true, ok: ['204', 'uninstalled'] }),
    },
    '/api/v1/packs/{id}/install': {
      post: op('Install a catalog pack (self-tested first)', EDITORS, {
        account: true,
        query: [flagParam('force', 'allow a downgrade')],
        ok: ['200', 'install-outcome'],
      }),
    },
    '/api/v1/packs/{id}/enable': { post: op('Enable an installed pack', EDITORS, { account: true }) },
    '/api/v1/packs/{id}/disable': { post: op('Disable an installed pack', EDITORS, { account: true }) },
    '/api/v1/packs/{id}/test': {
      post: op("Run a pack's self-tests", EDITORS, { account: true, ok: ['200', 'pack-test-report'] }),
    },
    '/api/v1/keyword-groups/{id}/suggestions': {
      get: op(
        '「建议添加」: words of the shipped synonym source that share a set with the group draft’s words, most-pointed-to first',
        EDITORS,
        {
          account: true,
          query: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 30 } }],
          ok: ['200', 'keyword-suggestions'],
        },
      ),
    },
    '/api/v1/policies/{id}/allowances': {
      post: op('Allow a phrase for one code (false-positive review)', EDITORS, {
        account: true,
        body: 'allowance-body',
        ok: ['201', 'the allowance'],
      }),
    },
    '/api/v1/policies/{id}/allowances/{allowanceId}': {
      delete: op('Remove an allowance', EDITORS, { account: true, ok: ['204', 'removed'] }),
    },
    '/wechat/{account}': {
      get: {
        summary: 'WeChat URL verification (signature)',
        security: [],
        responses: { '200': { description: 'echostr as text' }, '403': error('bad signature') },
      },
      post: {
        summary: 'WeChat message push, plain or safe mode',
        security: [],
        responses: { '200': { description: 'passive reply XML, or `success`' }, '403': error('bad signature') },
      },
    },
    '/api/v1/me': { get: op('The calling token: name and role', ANY) },
    '/api/v1/tokens': {
      get: op('List tokens (never their secrets)', ADMIN),
      post: op('Create a token; the secret is in this answer only', ADMIN, {
        body: 'token-create-body',
        ok: ['201', 'id, token (rf_…), name, role'],
      }),
    },
    '/api/v1/tokens/{id}': { delete: op('Revoke a token', ADMIN, { ok: ['204', 'revoked'] }) },
    '/api/v1/accounts/{id}': {
      get: op('An account without secrets', READERS),
      put: op('Set an account (secrets write-only)', ADMIN, { body: 'account-body' }),
    },
    '/api/v1/audit': {
      get: op('Audit trail, newest first', READERS, {
        account: true,
        query: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } }],
      }),
    },
    '/api/v1/schema/{name}': { get: op('A JSON Schema of rules-schema', ANY) },
    '/api/v1/openapi.json': { get: op('This document', ANY) },
    '/api/v1/workspace/status': {
      get: op(
        'The live workspace version and how each flow, keyword group and policy draft differs from it (added/changed/removed/unchanged), without running the gates',
        READERS,
        { account: true, ok: ['200', 'workspace-status'] },
      ),
    },
    '/api/v1/workspace/changes': {
      get: op(
        'What a workspace publish would change against what is live (added/changed/removed/unchanged per flow, keyword group and policy), the live workspace version, and what each publish gate says of the drafts',
        READERS,
        { account: true, ok: ['200', 'workspace-changes'] },
      ),
    },
    '/api/v1/workspace/publish': {
      post: op(
        'Publish every changed draft (flows, keyword groups, the policy) as ONE workspace version: all pointers move in one write. The gates of a per-document publish run on the whole workspace (400 VALIDATION_FAILED, pointers `/flows/<id>/…`); `overrideContent` / `overrideScenarios` need a `note` and are audited. Nothing changed: 200 with empty lists. What is live moved while the gates ran: 409 CONFLICT, nothing goes live',
        EDITORS,
        { account: true, body: 'workspace-publish-body', ok: ['201', 'workspace-publish-result'] },
      ),
    },
  };
  for (const [segment, schema] of [
    ['flows', 'flow'],
    ['keyword-groups', 'keyword-group'],
    ['policies', 'policy'],
    ['scenarios', 'scenario'],
  ] as const) {
    paths[`/api/v1/${segment}`] = {
      get: op(`List ${segment}`, READERS, { account: true }),
      post: op(`Create a ${schema}`, EDITORS, { account: true, body: schema, ok: ['201', 'the draft, revision 1'] }),
    };
    paths[`/api/v1/${segment}/{id}`] = {
      get: op(`A ${schema} draft`, READERS, { account: true }),
      put: op(`Save a ${schema} draft (409 CONFLICT on a stale revision)`, EDITORS, { account: true, body: schema }),
      delete: op(`Delete a ${schema}`, EDITORS, {
        account: true,
        ok: ['204', 'deleted'],
        query: [
          {
            name: 'revision',
            in: 'query',
            description: 'refuse (409) unless the draft is at this revision',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
      }),
    };
    const publish = op(`Publish a ${schema} as an immutable numbered version`, EDITORS, {
      account: true,
      body: 'publish-body',
      ok: ['201', 'the version'],
    });
    paths[`/api/v1/${segment}/{id}/publish`] = {
      post: schema === 'flow' ? { ...publish, description: `${publish.description} ${FLOW_PUBLISH_GATES}` } : publish,
    };
    paths[`/api/v1/${segment}/{id}/versions`] = {
      get: op(`Published versions of a ${schema}`, READERS, { account: true }),
    };
    paths[`/api/v1/${segment}/{id}/versions/{version}`] = {
      get: op(`One published version of a ${schema}`, READERS, { account: true }),
    };
    paths[`/api/v1/${segment}/{id}/rollback`] = {
      post: op(`Publish an earlier version of a ${schema} again`, EDITORS, {
        account: true,
        body: 'rollback-body',
        ok: ['201', 'the new version'],
      }),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'ReplyFlow runtime API',
      version: '1.0.0',
      description:
        'Bearer tokens: `Authorization: Bearer rf_…` (the sign-in link’s `#token=` part, a token from POST /tokens, or ADMIN_TOKEN). Prose, reason codes and the sandbox step format: docs/api.md.',
    },
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
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                details: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['path', 'message'],
                    properties: { path: { type: 'string' }, message: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
