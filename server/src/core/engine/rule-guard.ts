/**
 * A cheap necessary condition read off a custom rule's top-level `all`, so a reply runs only
 * the rules that can fire for it (json-rules-engine costs ~8 µs per rule per run): a rule that
 * needs `promotional` or a code among the reasons found is skipped for a reply without them.
 * The rule itself is still decided by json-rules-engine.
 */
export interface GuardFacts {
  promotional: boolean;
  codes: ReadonlySet<string>;
}

export type RuleGuard = (facts: GuardFacts) => boolean;

interface Leaf {
  fact?: unknown;
  operator?: unknown;
  value?: unknown;
}

export function guardOf(conditions: unknown): RuleGuard {
  const all = (conditions as { all?: unknown } | null)?.all;
  if (!Array.isArray(all)) return () => true;
  const needs: RuleGuard[] = [];
  for (const leaf of all as Leaf[]) {
    if (leaf.fact === 'promotional' && leaf.operator === 'equal' && leaf.value === true)
      needs.push((f) => f.promotional);
    else if (leaf.fact === 'codes' && leaf.operator === 'contains' && typeof leaf.value === 'string') {
      const code = leaf.value;
      needs.push((f) => f.codes.has(code));
    } else if (leaf.fact === 'codes' && leaf.operator === 'intersects' && Array.isArray(leaf.value)) {
      const codes = leaf.value.filter((v): v is string => typeof v === 'string');
      needs.push((f) => codes.some((c) => f.codes.has(c)));
    }
  }
  return (facts) => needs.every((need) => need(facts));
}
