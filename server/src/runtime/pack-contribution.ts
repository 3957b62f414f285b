/** What an installed pack adds to an account's compiled workspace: lexicons, rules, keyword groups. */
import type { Flow, KeywordGroup, Pack, Policy } from '../../../rules-schema/index.js';
import { compileWorkspace, type CompiledWorkspace, type PackContribution, type ReplyRule } from '../core/engine/compile-workspace.js';

/**
 * @param stored a pack document as stored at install (schema-checked then; parse boundary).
 * @example packContribution(pack).rules?.[0]?.code // 'pack:medical-health/CURE_RATE_CLAIM'
 */
export function packContribution(stored: unknown): PackContribution {
  // Installed documents were validated against the pack schema before they were stored.
  const pack = stored as Pack;
  return {
    id: pack.id,
    lexicons: pack.lexicons ?? [],
    rules: (pack.rules ?? [])
      .filter((r) => r.enabled !== false)
      .map(
        (r): ReplyRule => ({
          code: `pack:${pack.id}/${r.code}`,
          severity: r.severity,
          message: r.message,
          ruleId: `pack:${pack.id}/${r.id}`,
          conditions: r.conditions,
        }),
      ),
    groups: (pack.keywordGroups ?? []).map((g) => ({ ...g, id: `${pack.id}.${g.id}` })),
  };
}

/** Compiles documents whose packs are still stored pack documents: the runtime, the sandbox and backtests alike. */
export function compileWithPacks(docs: { flows: Flow[]; groups: KeywordGroup[]; policy: Policy | undefined; packs: readonly unknown[] }): CompiledWorkspace {
  return compileWorkspace({ flows: docs.flows, groups: docs.groups, policy: docs.policy, packs: docs.packs.map(packContribution) });
}
