/**
 * An account's own published rules as a pack document (validating against the pack schema),
 * so they can be carried to another account through `POST /packs/import`: its keyword
 * groups, its policy's lexicons and custom rules, and its flows as sample flows.
 */
import type { Flow, KeywordGroup, Lexicon, Pack, PackRule, Policy } from '../../../rules-schema/index.js';
import { CATEGORY_CODES } from '../core/checks/compile-term-patterns.js';

export interface ExportInput {
  account: string;
  /** Changes whenever the published workspace does: becomes the patch number. */
  sequence: number;
  flows: readonly Flow[];
  groups: readonly KeywordGroup[];
  policy: Policy;
}

/**
 * @example exportPack({ account: 'default', sequence: 7, flows, groups, policy }).id // 'account-default'
 */
export function exportPack(input: ExportInput): Pack {
  const id = `account-${input.account.toLowerCase().replace(/_/g, '-')}`.slice(0, 64);
  const namespace = `pack:${id}/`;
  const lexicons: Lexicon[] = (input.policy.lexicons ?? []).map((lexicon) => ({
    ...lexicon,
    code: namespace + baseCode(lexicon.code ?? CATEGORY_CODES[lexicon.category]),
  }));
  const rules: PackRule[] = (input.policy.rules ?? []).map((rule) => ({
    id: rule.id,
    name: rule.name,
    code: `CUSTOM_${rule.id.toUpperCase().replace(/[^A-Z]/g, '_')}`.slice(0, 64),
    severity: rule.severity,
    message: rule.message,
    conditions: rule.conditions,
    source: 'account-policy',
    ...(rule.enabled === false ? { enabled: false } : {}),
  }));
  return {
    schemaVersion: 1,
    id,
    name: `账号 ${input.account} 的规则导出`,
    version: `1.0.${input.sequence}`,
    industry: 'custom',
    description: `账号 ${input.account} 已发布的关键词组、合规词库、自定义规则和流程。`,
    sources: [{ id: 'account-policy', title: `账号 ${input.account} 的合规策略“${input.policy.name}”` }],
    lexicons,
    rules,
    keywordGroups: input.groups.map((g) => withoutRevision(g)),
    sampleFlows: input.flows.map((f) => withoutRevision(f)),
    tests: [],
  };
}

/** `MEDICAL_CLAIM` from `MEDICAL_CLAIM`, `pack:x/FOO` or `rule:foo-1` (as FOO / RULE_FOO__). */
function baseCode(code: string): string {
  if (code.startsWith('pack:')) return code.slice(code.indexOf('/') + 1);
  if (code.startsWith('rule:'))
    return `RULE_${code
      .slice(5)
      .toUpperCase()
      .replace(/[^A-Z]/g, '_')}`;
  return code;
}

function withoutRevision<T extends { revision?: number }>(doc: T): Omit<T, 'revision'> {
  const { revision: _revision, ...rest } = doc;
  return rest;
}
