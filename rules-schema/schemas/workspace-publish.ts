/**
 * One workspace publish: every changed draft (flows, keyword groups, the policy) goes live in
 * one numbered workspace version. `GET /workspace/changes` answers what it would change and
 * whether the gates let it; `POST /workspace/publish` does it. The overrides are those of the
 * per-document publish (`publish-body`): a reviewed case needs a note, which is audited.
 */

export const workspacePublishBodySchema = {
  type: 'object',
  properties: {
    note: { type: 'string', maxLength: 500 },
    /** Publish although saved scenarios fail; the note must say why. */
    overrideScenarios: { type: 'boolean' },
    /** Publish although a reply would be blocked by the content checks (a reviewed case); the note must say why, and is audited with the codes. */
    overrideContent: { type: 'boolean' },
    /**
     * The `digest` of the changes the operator reviewed: when the drafts, what is live or the
     * gates' verdicts differ now, nothing is published (409), so an override never lets through
     * a case nobody saw.
     */
    reviewed: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  allOf: [
    {
      if: { properties: { overrideScenarios: { const: true } }, required: ['overrideScenarios'] },
      then: { required: ['note'], properties: { note: { minLength: 1 } } },
    },
    {
      if: { properties: { overrideContent: { const: true } }, required: ['overrideContent'] },
      then: { required: ['note'], properties: { note: { minLength: 1 } } },
    },
  ],
  additionalProperties: false,
} as const;

const documentKind = { enum: ['flow', 'keyword-group', 'policy'] } as const;

/** A JSON pointer into the workspace (`/flows/<id>/nodes/2/data/replies/0/content`) and why. */
const gateDetailSchema = {
  type: 'object',
  required: ['path', 'message'],
  properties: { path: { type: 'string' }, message: { type: 'string' } },
  additionalProperties: false,
} as const;

const gateDetails = { type: 'array', items: gateDetailSchema } as const;

export const workspaceChangeSchema = {
  type: 'object',
  required: ['kind', 'id', 'name', 'change', 'liveVersion'],
  properties: {
    kind: documentKind,
    id: { type: 'string' },
    name: { type: 'string' },
    /** Against what is live: a draft never published, one that differs, a live one without a draft, or the same. */
    change: { enum: ['added', 'changed', 'removed', 'unchanged'] },
    /** The version live now; null for `added`. */
    liveVersion: { type: ['integer', 'null'] },
  },
  additionalProperties: false,
} as const;

/**
 * What is live and how each draft differs from it, without the gates: cheap enough for the
 * editor's 「线上版本 vN」 marker to read after every save (`GET /workspace/status`).
 */
export const workspaceStatusSchema = {
  type: 'object',
  required: ['workspaceVersion', 'changes'],
  properties: {
    /** The live workspace version (rises with every change of what the runtime evaluates). */
    workspaceVersion: { type: 'integer', minimum: 0 },
    /** Every flow, keyword group and policy: flows first, then groups, then the policy, each by id. */
    changes: { type: 'array', items: workspaceChangeSchema },
  },
  additionalProperties: false,
} as const;

/** The status and what each gate says of the drafts (`GET /workspace/changes`, the publish dialog). */
export const workspaceChangesSchema = {
  type: 'object',
  required: ['workspaceVersion', 'changes', 'gates', 'digest'],
  properties: {
    ...workspaceStatusSchema.properties,
    /** Names exactly this publish (what goes live, on which version, with which verdicts): send it back as `reviewed`. */
    digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    /** What each gate says about the drafts; a publish passes when `passed` (or with an override for content and scenarios). */
    gates: {
      type: 'object',
      required: ['passed', 'graph', 'compile', 'content', 'scenarios'],
      properties: {
        passed: { type: 'boolean' },
        /** Flow graph errors (no override). */
        graph: gateDetails,
        /** The workspace does not compile (no override). */
        compile: gateDetails,
        /** Replies the content checks would block (`overrideContent` with a note). */
        content: gateDetails,
        /** Saved scenarios that fail (`overrideScenarios` with a note). */
        scenarios: gateDetails,
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export const workspacePublishResultSchema = {
  type: 'object',
  required: ['workspaceVersion', 'published', 'unpublished'],
  properties: {
    workspaceVersion: { type: 'integer', minimum: 0 },
    published: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'id', 'version'],
        properties: { kind: documentKind, id: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
        additionalProperties: false,
      },
    },
    /** Live documents without a draft, no longer served. */
    unpublished: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'id'],
        properties: { kind: documentKind, id: { type: 'string' } },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;
