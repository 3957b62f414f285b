/**
 * What the pack routes answer (CONTRACT §10): catalog entries, the import preview (what an
 * import would add, change and conflict with), an install's outcome and a self-test report.
 * Declared once, so the server that answers and the editor that shows it agree.
 */
import { sandboxStepReportSchema } from './sandbox-answers.js';

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;

/** A catalog entry of `GET /packs`. */
export const catalogEntrySchema = {
  type: 'object',
  required: ['id', 'name', 'version', 'industry', 'origin', 'installed', 'enabled', 'installedVersion'],
  properties: {
    id: text,
    name: text,
    version: text,
    industry: text,
    /** `builtin` (examples/packs) or `imported` (this account's import). */
    origin: { enum: ['builtin', 'imported'] },
    installed: { type: 'boolean' },
    /** Whether the runtime applies it (false when not installed). */
    enabled: { type: 'boolean' },
    /** The version this account runs, null when not installed. */
    installedVersion: { type: ['string', 'null'] },
  },
} as const;

export const importActionSchema = { enum: ['install', 'upgrade', 'reinstall', 'downgrade'] } as const;

/** One item an import changes against the installed version of the same pack. */
export const packChangeSchema = {
  type: 'object',
  required: ['kind', 'id', 'change'],
  properties: {
    kind: { enum: ['lexicon', 'rule', 'keywordGroup', 'flow'] },
    id: text,
    change: { enum: ['modified', 'removed'] },
  },
} as const;

export const packConflictSchema = {
  oneOf: [
    {
      type: 'object',
      required: ['kind', 'keyword', 'group', 'existingGroup', 'message'],
      properties: { kind: { const: 'keyword' }, keyword: text, group: text, existingGroup: text, message: text },
    },
    {
      type: 'object',
      required: ['kind', 'installedVersion', 'version', 'message'],
      properties: { kind: { const: 'version' }, installedVersion: text, version: text, message: text },
    },
    {
      type: 'object',
      required: ['kind', 'code', 'ids', 'message'],
      properties: { kind: { const: 'rule-code' }, code: text, ids: texts, message: text },
    },
  ],
} as const;

/** `POST /packs/import?dryRun=true`: what importing would add, change and conflict with, without doing it. */
export const importPreviewSchema = {
  type: 'object',
  required: ['id', 'version', 'action', 'installedVersion', 'added', 'changed', 'conflicts'],
  properties: {
    id: text,
    version: text,
    action: importActionSchema,
    installedVersion: { type: ['string', 'null'] },
    added: {
      type: 'object',
      required: ['lexicons', 'rules', 'keywordGroups', 'flows'],
      properties: { lexicons: texts, rules: texts, keywordGroups: texts, flows: texts },
    },
    changed: { type: 'array', items: packChangeSchema },
    conflicts: { type: 'array', items: packConflictSchema },
  },
} as const;

/** An install, upgrade or import that went through. */
export const installOutcomeSchema = {
  type: 'object',
  required: ['id', 'version', 'action', 'previousVersion', 'enabled', 'preview', 'tests'],
  properties: {
    id: text,
    version: text,
    action: importActionSchema,
    previousVersion: { type: ['string', 'null'] },
    enabled: { type: 'boolean' },
    preview: importPreviewSchema,
    tests: {
      type: 'object',
      required: ['passed', 'scenarios'],
      properties: { passed: { type: 'boolean' }, scenarios: { type: 'integer' } },
    },
  },
} as const;

/** `POST /packs/:id/test`: each self-test scenario with its sandbox steps. */
export const packTestReportSchema = {
  type: 'object',
  required: ['passed', 'scenarios'],
  properties: {
    passed: { type: 'boolean' },
    scenarios: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'passed', 'steps'],
        properties: {
          name: text,
          passed: { type: 'boolean' },
          steps: { type: 'array', items: sandboxStepReportSchema },
        },
      },
    },
  },
} as const;
