/** What an installed pack adds to an account's compiled workspace: lexicons, rules, keyword groups. */
import type { KeywordGroup, Lexicon } from '../../../rules-schema/index.js';
import type { PackContribution, ReplyRule } from '../core/engine/compile-workspace.js';

interface PackRuleDoc {
  id: string;
  code: string;
  severity: 'block' | 'warn';
  message: string;
  conditions: ReplyRule['conditions'];
}

export interface PackDoc {
  id: string;
  lexicons?: Lexicon[];
  rules?: PackRuleDoc[];
  keywordGroups?: KeywordGroup[];
}

export function packContribution(stored: unknown): PackContribution {
  const pack = stored as PackDoc;
  return {
    id: pack.id,
    lexicons: pack.lexicons ?? [],
    rules: (pack.rules ?? []).map((r) => ({
      code: `pack:${pack.id}/${r.code}`,
      severity: r.severity,
      message: r.message,
      ruleId: `pack:${pack.id}/${r.id}`,
      conditions: r.conditions,
    })),
    groups: (pack.keywordGroups ?? []).map((g) => ({ ...g, id: `${pack.id}.${g.id}` })),
  };
}
