/**
 * Validates a pack document: the JSON Schema (with the linear-time check on regex terms),
 * then what a schema cannot say — lexicon codes in the pack's namespace, unique ids, rule
 * sources that exist, flows that name the pack's own keyword groups.
 */
import type { Pack } from '../../../rules-schema/index.js';
import { validate, type SchemaProblem } from '../../../rules-schema/validator.js';

export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: SchemaProblem[] };

/**
 * @example checkPack({ id: 'x' }) // { ok: false, problems: [{ path: '/', message: '缺少必填字段 name …' }, …] }
 */
export function checkPack(doc: unknown): PackCheck {
  // Validation fills defaults in place: work on a copy so the caller's body stays as sent.
  const result = validate<Pack>('pack', structuredClone(doc));
  if (!result.ok) return { ok: false, problems: result.problems };
  const pack = result.value;
  const problems: SchemaProblem[] = [];
  const namespace = `pack:${pack.id}/`;
  const sourceIds = new Set((pack.sources ?? []).map((s) => s.id));
  duplicates(pack.sources ?? [], (s) => s.id, '/sources', problems);
  duplicates(pack.lexicons ?? [], (l) => l.id, '/lexicons', problems);
  duplicates(pack.rules ?? [], (r) => r.id, '/rules', problems);
  duplicates(pack.keywordGroups ?? [], (g) => g.id, '/keywordGroups', problems);
  duplicates(pack.sampleFlows ?? [], (f) => f.id, '/sampleFlows', problems);
  duplicates(pack.tests ?? [], (t) => t.name, '/tests', problems);
  (pack.lexicons ?? []).forEach((lexicon, i) => {
    if (!lexicon.code?.startsWith(namespace)) {
      problems.push({
        path: `/lexicons/${i}/code`,
        message: `词库的 code 必须以 ${namespace} 开头（如 ${namespace}MEDICAL_CLAIM）`,
      });
    }
  });
  (pack.rules ?? []).forEach((rule, i) => {
    if (rule.source !== undefined && !sourceIds.has(rule.source)) {
      problems.push({ path: `/rules/${i}/source`, message: `依据 ${rule.source} 不在 sources 中` });
    }
  });
  const groupIds = new Set((pack.keywordGroups ?? []).map((g) => g.id));
  (pack.sampleFlows ?? []).forEach((flow, i) => {
    flow.nodes.forEach((node, j) => {
      if (node.type === 'keywordGroup' && !groupIds.has(node.data.groupId)) {
        problems.push({
          path: `/sampleFlows/${i}/nodes/${j}/data/groupId`,
          message: `关键词组 ${node.data.groupId} 不在本规则包的 keywordGroups 中`,
        });
      }
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, pack };
}

function duplicates<T>(items: readonly T[], key: (item: T) => string, path: string, problems: SchemaProblem[]): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) problems.push({ path: `${path}/${i}`, message: `重复的 ${k}` });
    seen.add(k);
  });
}
