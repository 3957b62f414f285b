/**
 * Compile budget benchmark (issue 9 §4): the largest pack set the budgets allow, compiled the
 * way the runtime compiles it (in slices), with perf_hooks monitorEventLoopDelay recording the
 * longest stall; the same compile run to the end at once is the baseline (what an unsliced
 * compile would block for). Then what a check costs on that workspace, 2,000 and 8,192 chars,
 * against the default workspace in the same run.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Pack } from '../rules-schema/index.js';
import { budgetUse, COMPILE_BUDGET } from '../server/src/core/engine/compile-budget.js';
import { compileWorkspaceSteps, type CompiledWorkspace } from '../server/src/core/engine/compile-workspace.js';
import { replyClassifier } from '../server/src/runtime/reply-classifier-model.js';
import { termScanner } from '../server/src/core/engine/scan-message.js';
import { runToEnd } from '../server/src/core/steps.js';
import { DEFAULT_POLICY } from '../server/src/runtime/default-policy.js';
import { packContribution, tryCompileWithPacks } from '../server/src/runtime/pack-contribution.js';
import { SLICE_MS } from '../server/src/runtime/run-in-slices.js';
import { prng, word } from './workload.js';
import { ms, timeEach } from './stats.js';

const PACKS = 10;
const TERM_CHARS = 4;
const REGEX_PACKS = 3;

/** What the default policy leaves of the account budget, shared evenly by the packs. */
function packSizes() {
  const used = budgetUse({ flows: [], groups: [], policy: DEFAULT_POLICY });
  const terms = Math.floor(
    Math.min(
      COMPILE_BUDGET.workspacePatterns - used.patterns,
      (COMPILE_BUDGET.workspacePatternChars - used.chars) / TERM_CHARS,
    ) / PACKS,
  );
  const regexes = Math.min(
    COMPILE_BUDGET.documentRegexTerms,
    Math.floor((COMPILE_BUDGET.workspaceRegexes - used.regexes) / REGEX_PACKS),
  );
  return { terms: Math.min(terms, COMPILE_BUDGET.documentTerms), regexes };
}

/** Packs at the budget: 4-char literal terms, and the regex terms each pack may hold. */
function budgetPacks(): Pack[] {
  const rand = prng(99);
  const size = packSizes();
  return Array.from({ length: PACKS }, (_, p) => ({
    schemaVersion: 1,
    id: `bench-${p}`,
    name: `基准包${p}`,
    version: '1.0.0',
    industry: '基准',
    sources: [],
    lexicons: [
      {
        id: 'terms',
        name: '词库',
        category: 'banned',
        code: `pack:bench-${p}/TERM`,
        terms: [
          ...Array.from({ length: size.terms }, () => ({ term: word(rand, TERM_CHARS, TERM_CHARS) })),
          ...(p < REGEX_PACKS
            ? Array.from({ length: size.regexes }, (_, i) => ({
                term: `${word(rand, 2, 2)}[0-9]{1,${(i % 9) + 1}}${word(rand, 1, 2)}`,
                regex: true,
              }))
            : []),
        ],
      },
    ],
  }));
}

export async function compileBench(): Promise<void> {
  const packs = budgetPacks();
  const docs = { flows: [], groups: [], policy: DEFAULT_POLICY, packs };
  const use = budgetUse({ flows: [], groups: [], policy: DEFAULT_POLICY, packs: packs.map(packContribution) });
  console.log(
    `\n## Recompile at the budget (default policy + ${PACKS} packs: ${use.patterns.toLocaleString()} patterns, ${use.chars.toLocaleString()} chars, ${use.regexes} regexes; budget ${COMPILE_BUDGET.workspacePatterns.toLocaleString()} patterns / ${COMPILE_BUDGET.workspacePatternChars.toLocaleString()} chars / ${COMPILE_BUDGET.workspaceRegexes} regexes)`,
  );
  const input = { ...docs, packs: packs.map(packContribution), classifier: replyClassifier() };

  const warm = runToEnd(compileWorkspaceSteps(input)); // JIT and module initialisation
  if (!warm.ok) throw new Error(`the budget workload does not compile: ${JSON.stringify(warm.problems.slice(0, 3))}`);

  const t0 = performance.now();
  runToEnd(compileWorkspaceSteps(input));
  const atOnce = performance.now() - t0;

  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const t1 = performance.now();
  const outcome = await tryCompileWithPacks(docs);
  const sliced = performance.now() - t1;
  histogram.disable();
  if (!outcome.ok) throw new Error('the budget workload does not compile');
  const stall = histogram.max / 1e6;
  console.log(`recompile, run at once: ${ms(atOnce)} (the event loop is blocked for all of it)`);
  console.log(
    `recompile, in ${SLICE_MS} ms slices as the runtime does: ${ms(sliced)}; longest event-loop stall ${ms(stall)} (target < 100 ms; ratio ${(stall / 100).toFixed(2)}); ${outcome.compiled.termAutomaton.shardCount + outcome.compiled.keywordAutomaton.shardCount + (outcome.compiled.syllables?.automaton.shardCount ?? 0)} automaton shards`,
  );

  console.log('\n## Check cost on that workspace (content checks of one text reply; 200 distinct texts each)');
  const plain = runToEnd(compileWorkspaceSteps({ flows: [], groups: [], policy: DEFAULT_POLICY, packs: [] }));
  if (!plain.ok) throw new Error('the default policy does not compile');
  const rand = prng(5);
  for (const length of [2_000, 8_192]) {
    const texts = Array.from({ length: 200 }, () => textOf(length, rand));
    const base = await checkCost(plain.compiled, texts);
    const full = await checkCost(outcome.compiled, texts);
    console.log(
      `${length.toLocaleString()} chars: at the budget p50 ${ms(full.p50 / 1000)} p99 ${ms(full.p99 / 1000)}; default policy alone p50 ${ms(base.p50 / 1000)} (ratio ${(full.p50 / base.p50).toFixed(1)}×)`,
    );
  }
}

function textOf(length: number, rand: () => number): string {
  let text = '';
  while (text.length < length) text += `${word(rand, 2, 6)}，`;
  return text.slice(0, length);
}

async function checkCost(compiled: CompiledWorkspace, texts: string[]) {
  const scan = termScanner(compiled);
  await timeEach(texts.slice(0, 20), (content) => compiled.content.check({ type: 'text', content }, scan));
  return timeEach(texts, (content) => compiled.content.check({ type: 'text', content }, scan));
}
