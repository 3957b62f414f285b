/**
 * What one workspace may ask the compiler and every later check to do. A scan costs the
 * automaton shards plus one RE2 pass per regex, and a compile grows with the pattern
 * characters (trie size) and the regex count, so these are what is bounded: per document
 * (a pack or the policy), and per account once every enabled pack is added. Documents past
 * the budget are refused with a pointer to what to trim, before anything is compiled.
 * The numbers and their costs are printed by `npm run bench` (bench/compile-bench.ts).
 */
import type { KeywordGroup, Lexicon } from '../../../../rules-schema/index.js';
import { normalizeTermCached } from '../checks/normalize-term-cached.js';
import { pinyinForms } from '../text/pinyin-forms.js';
import type { CompileProblem } from './compile-problem.js';
import { WORKSPACE_PATHS } from './compile-problem.js';
import type { WorkspaceInput } from './compile-workspace.js';

export const COMPILE_BUDGET = {
  /** Lexicon terms plus their exclusions in one pack or in the policy. */
  documentTerms: 20_000,
  /** `regex: true` terms in one pack or in the policy. */
  documentRegexTerms: 150,
  /** Literal patterns in the account's automaton: keywords, combo words, pinyin forms, terms, exclusions, allowances. */
  workspacePatterns: 30_000,
  /** Characters across those patterns: the automaton grows with them. */
  workspacePatternChars: 120_000,
  /** Regex terms and regex keywords of the account, each one RE2 pass over every checked text. */
  workspaceRegexes: 300,
} as const;

interface Cost {
  /** Pointer to the part to trim (`/packs/x/lexicons`, `/keywordGroups/g/keywords`). */
  path: string;
  label: string;
  patterns: number;
  chars: number;
  regexes: number;
}

/**
 * @example checkBudget({ flows: [], groups: [], packs: [hugePack] })[0]?.path // '/packs/huge/lexicons'
 */
export function checkBudget(input: WorkspaceInput): CompileProblem[] {
  const problems: CompileProblem[] = [];
  const costs = documentCosts(input, problems);
  overTotal(costs, 'patterns', COMPILE_BUDGET.workspacePatterns, '词条与关键词', problems);
  overTotal(costs, 'chars', COMPILE_BUDGET.workspacePatternChars, '词条与关键词的字符', problems);
  overTotal(costs, 'regexes', COMPILE_BUDGET.workspaceRegexes, '正则（词条与关键词）', problems);
  return problems;
}

/**
 * How much of the account budget a workspace uses (the bench sizes its workload with it).
 * @example budgetUse({ flows: [], groups: [], policy }).regexes // regex terms and keywords
 */
export function budgetUse(input: WorkspaceInput): { patterns: number; chars: number; regexes: number } {
  const costs = documentCosts(input, []);
  const sum = (key: 'patterns' | 'chars' | 'regexes') => costs.reduce((n, c) => n + c[key], 0);
  return { patterns: sum('patterns'), chars: sum('chars'), regexes: sum('regexes') };
}

/** Each document's cost, in workspace order; per-document limits are reported into `problems`. */
function documentCosts(input: WorkspaceInput, problems: CompileProblem[]): Cost[] {
  const costs: Cost[] = [];
  const documents = [
    {
      path: WORKSPACE_PATHS.policy(),
      label: '合规策略',
      lexicons: input.policy?.lexicons ?? [],
      allowances: input.policy?.allowances ?? [],
    },
    ...(input.packs ?? []).map((p) => ({
      path: WORKSPACE_PATHS.pack(p.id),
      label: `规则包 ${p.id}`,
      lexicons: p.lexicons ?? [],
      allowances: [],
    })),
  ];
  for (const doc of documents) {
    const cost = lexiconCost(`${doc.path}/lexicons`, doc.label, doc.lexicons);
    if (cost.patterns > COMPILE_BUDGET.documentTerms) {
      problems.push({
        path: cost.path,
        message: `${doc.label}的词条（含排除词）共 ${cost.patterns} 个，超过每个文档 ${COMPILE_BUDGET.documentTerms} 个的上限，请拆分或精简词库`,
      });
    }
    if (cost.regexes > COMPILE_BUDGET.documentRegexTerms) {
      problems.push({
        path: cost.path,
        message: `${doc.label}的正则词条共 ${cost.regexes} 个，超过每个文档 ${COMPILE_BUDGET.documentRegexTerms} 个的上限（每条正则都要单独扫描每条回复）`,
      });
    }
    for (const a of doc.allowances) {
      cost.patterns++;
      cost.chars += a.phrase.length;
    }
    costs.push(cost);
  }
  for (const g of input.groups)
    costs.push(groupCost(`${WORKSPACE_PATHS['keyword-group'](g.id)}/keywords`, `关键词组 ${g.id}`, g));
  for (const p of input.packs ?? []) {
    (p.groups ?? []).forEach((g, i) =>
      costs.push(
        groupCost(`${WORKSPACE_PATHS.pack(p.id)}/keywordGroups/${i}/keywords`, `规则包 ${p.id} 的关键词组 ${g.id}`, g),
      ),
    );
  }
  return costs;
}

function lexiconCost(path: string, label: string, lexicons: readonly Lexicon[]): Cost {
  const cost: Cost = { path, label, patterns: 0, chars: 0, regexes: 0 };
  for (const lexicon of lexicons) {
    for (const term of lexicon.terms) {
      if (term.regex === true) cost.regexes++;
      else {
        cost.patterns++;
        cost.chars += term.term.length;
      }
      for (const exclusion of term.exclusions ?? []) {
        cost.patterns++;
        cost.chars += exclusion.length;
      }
    }
  }
  return cost;
}

function groupCost(path: string, label: string, group: KeywordGroup): Cost {
  const cost: Cost = { path, label, patterns: 0, chars: 0, regexes: 0 };
  const literal = (k: string, exclusion: boolean) => {
    cost.patterns++;
    cost.chars += k.length;
    // Pinyin forms are automaton patterns too (see keywordPatterns); exclusions get none.
    if (group.pinyin !== true || exclusion) return;
    const forms = pinyinForms(normalizeTermCached(k));
    for (const form of forms.latin) {
      cost.patterns++;
      cost.chars += form.length;
    }
    // The syllable form is one automaton char per syllable (see SyllableAlphabet).
    if (forms.syllables) {
      cost.patterns++;
      cost.chars += forms.syllables.length;
    }
  };
  for (const k of group.keywords) {
    if (group.mode === 'regex') cost.regexes++;
    else literal(k, false);
  }
  for (const k of group.exclusions ?? []) literal(k, true);
  for (const combo of group.combos ?? []) for (const words of combo.all) for (const w of words) literal(w, false);
  return cost;
}

/** Reports the document whose cost takes the account past `limit`: the one to trim or disable. */
function overTotal(
  costs: readonly Cost[],
  key: 'patterns' | 'chars' | 'regexes',
  limit: number,
  what: string,
  problems: CompileProblem[],
): void {
  let total = 0;
  for (const cost of costs) {
    total += cost[key];
    if (total > limit) {
      const sum = costs.reduce((n, c) => n + c[key], 0);
      problems.push({
        path: cost.path,
        message: `加上${cost.label}后，账号的${what}共 ${sum} 个，超过 ${limit} 个的上限（编译与每次检查的预算）；请停用其他规则包或精简词库`,
      });
      return;
    }
  }
}
