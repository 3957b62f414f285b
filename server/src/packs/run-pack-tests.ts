/**
 * Runs a pack's self-test scenarios in the sandbox (CONTRACT §9), each against the pack
 * alone on top of the default policy, with the pack's sample flows and keyword groups.
 */
import type { Pack, PackTestReport } from '../../../rules-schema/index.js';
import type { ErrorDetail } from '../errors.js';
import { DEFAULT_POLICY } from '../runtime/default-policy.js';
import { runSandbox, type SandboxDocs } from '../sandbox/run-sandbox.js';

type ScenarioReport = PackTestReport['scenarios'][number];

/**
 * @example (await runPackTests(pack)).passed // true when every scenario's every expectation holds
 */
export async function runPackTests(pack: Pack): Promise<PackTestReport> {
  const docs = packTestDocs(pack);
  const scenarios: ScenarioReport[] = [];
  for (const test of pack.tests ?? []) {
    const script = {
      steps: test.steps,
      ...(test.start !== undefined ? { start: test.start } : {}),
      ...(test.users !== undefined ? { users: test.users } : {}),
    };
    const result = await runSandbox(docs, script);
    scenarios.push({ name: test.name, passed: result.passed, steps: result.steps });
  }
  return { passed: scenarios.every((s) => s.passed), scenarios };
}

/** The documents a pack's self-tests run against: the pack alone on the default policy. */
export function packTestDocs(pack: Pack): SandboxDocs {
  return { flows: pack.sampleFlows ?? [], groups: pack.keywordGroups ?? [], policy: DEFAULT_POLICY, packs: [pack] };
}

/**
 * One VALIDATION_FAILED detail per failing step, naming the scenario, the step and why.
 * @example testFailures(report)[0] // { path: '/tests/2/steps/1', message: '自测场景“…”第 2 步未通过：应出现 …' }
 */
export function testFailures(report: PackTestReport): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  report.scenarios.forEach((scenario, i) => {
    for (const step of scenario.steps) {
      if (step.expect.passed) continue;
      details.push({
        path: `/tests/${i}/steps/${step.index}`,
        message: `自测场景“${scenario.name}”第 ${step.index + 1} 步未通过：${step.expect.failures.join('；')}`,
      });
    }
  });
  return details;
}
