/**
 * Validators compiled once at start-up. Problems come back as data, one entry per
 * error with its JSON pointer, ready for a VALIDATION_FAILED body (CONTRACT §3).
 */
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { DataValidationCxt } from 'ajv/dist/types/index.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS, type SchemaName } from './index.js';
import { checkRegexSafety } from './regex-safety.js';
import { REPLY_VARIABLES, unknownVariables } from './reply-variables.js';

export interface SchemaProblem {
  path: string;
  message: string;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: SchemaProblem[] };

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const ajv = new Ajv2020({ allErrors: true, useDefaults: true, strict: false, discriminator: true });
addFormats(ajv);
ajv.addKeyword({
  keyword: 'x-safeRegexTerm',
  type: 'object',
  schemaType: 'boolean',
  errors: true,
  validate: safeRegexTerm,
});
ajv.addKeyword({
  keyword: 'x-safeRegexKeywords',
  type: 'object',
  schemaType: 'boolean',
  errors: true,
  validate: safeRegexKeywords,
});
ajv.addKeyword({
  keyword: 'x-knownVariables',
  type: 'object',
  schemaType: 'boolean',
  errors: true,
  validate: knownVariables,
});
for (const [name, schema] of Object.entries(SCHEMAS)) ajv.addSchema(schema, name);

/**
 * Validates (and fills defaults into) `data` against a named schema.
 * @example validate<Flow>('flow', body)
 */
export function validate<T>(name: SchemaName, data: unknown): Validation<T> {
  const check = ajv.getSchema(name);
  if (!check) throw new Error(`schema ${name} is not registered`);
  if (check(data)) return { ok: true, value: data as T };
  return { ok: false, problems: toProblems(check.errors ?? []) };
}

/** Collapses ajv's oneOf noise: report the branch errors, not "must match exactly one schema" alone. */
function toProblems(errors: ErrorObject[]): SchemaProblem[] {
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    // `if` only says which `then` failed; the `then` errors themselves are reported.
    if (error.keyword === 'if') continue;
    const path = error.instancePath || '/';
    const message = describe(error);
    const key = `${path} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path, message });
  }
  return problems;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'required':
      return `缺少必填字段 ${String(error.params['missingProperty'])} (required property missing)`;
    case 'additionalProperties':
      return `不允许的字段 ${String(error.params['additionalProperty'])} (unknown property)`;
    case 'enum':
      return `取值必须是其中之一: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    case 'const':
      return `取值必须是 ${JSON.stringify(error.params['allowedValue'])}`;
    default:
      return error.message ?? error.keyword;
  }
}

/**
 * `x-safeRegexTerm`: a lexicon term marked `regex` must pass the linear-time check; the
 * error points at the term itself (`/lexicons/0/terms/3/term`).
 */
function safeRegexTerm(enabled: boolean, data: unknown, _parent?: unknown, ctx?: DataValidationCxt): boolean {
  const term = data as { term?: unknown; regex?: unknown };
  if (!enabled || term.regex !== true || typeof term.term !== 'string') return true;
  const verdict = checkRegexSafety(term.term);
  if (verdict.ok) return true;
  safeRegexTerm.errors = [
    {
      keyword: 'x-safeRegexTerm',
      instancePath: `${ctx?.instancePath ?? ''}/term`,
      schemaPath: '',
      params: {},
      message: `正则被拒绝：${verdict.reason}`,
    },
  ];
  return false;
}
safeRegexTerm.errors = [] as ErrorObject[];

/** `x-safeRegexKeywords`: in a keyword group of mode `regex`, every keyword is a pattern to check. */
function safeRegexKeywords(enabled: boolean, data: unknown, _parent?: unknown, ctx?: DataValidationCxt): boolean {
  const group = data as { mode?: unknown; keywords?: unknown };
  if (!enabled || group.mode !== 'regex' || !Array.isArray(group.keywords)) return true;
  const errors: ErrorObject[] = [];
  group.keywords.forEach((keyword: unknown, i) => {
    if (typeof keyword !== 'string') return;
    const verdict = checkRegexSafety(keyword);
    if (!verdict.ok) {
      errors.push({
        keyword: 'x-safeRegexKeywords',
        instancePath: `${ctx?.instancePath ?? ''}/keywords/${i}`,
        schemaPath: '',
        params: {},
        message: `正则被拒绝：${verdict.reason}`,
      });
    }
  });
  safeRegexKeywords.errors = errors;
  return errors.length === 0;
}
safeRegexKeywords.errors = [] as ErrorObject[];

/**
 * `x-knownVariables`: the replies of a reply node name only the variables the runtime fills;
 * the error points at the text holding the unknown one (`/nodes/2/data/replies/0/content`).
 */
function knownVariables(enabled: boolean, data: unknown, _parent?: unknown, ctx?: DataValidationCxt): boolean {
  const node = data as { replies?: unknown };
  if (!enabled || !Array.isArray(node.replies)) return true;
  const known = REPLY_VARIABLES.map((v) => `{{${v}}}`).join('、');
  knownVariables.errors = unknownVariables(node.replies, `${ctx?.instancePath ?? ''}/replies`).map(
    ({ path, name }): ErrorObject => ({
      keyword: 'x-knownVariables',
      instancePath: path,
      schemaPath: '',
      params: { name },
      message: `未知变量 {{${name}}}，可用的变量：${known} (unknown variable)`,
    }),
  );
  return knownVariables.errors.length === 0;
}
knownVariables.errors = [] as ErrorObject[];
