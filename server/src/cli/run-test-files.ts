/**
 * `replyflow test`: runs scenario files and packs' self-tests offline on the embedded engine,
 * with no server; documents a scenario leaves out come from the example workspace.
 */
import type { Pack, Scenario } from '../../../rules-schema/index.js';
import type { SandboxResult } from '../../../rules-schema/index.js';
import { runSandbox, type SandboxDocs } from '../sandbox/run-sandbox.js';
import { packTestDocs } from '../packs/run-pack-tests.js';

export interface FileOutcome {
  file: string;
  scenario: string;
  passed: boolean;
  result: SandboxResult;
}

/** Expands a file into the scenarios it holds, each with the documents it runs against. */
export function scenariosOf(
  doc: unknown,
  workspace: Omit<SandboxDocs, 'packs'>,
  packById: (id: string) => unknown,
): Array<{ name: string; docs: SandboxDocs; script: Scenario }> {
  if ((doc as { industry?: unknown }).industry !== undefined) {
    const pack = doc as Pack;
    const docs = packTestDocs(pack);
    return (pack.tests ?? []).map((t) => ({ name: `${pack.id}: ${t.name}`, docs, script: { id: pack.id, ...t } }));
  }
  const d = doc as Partial<Scenario>;
  const scenario = d as Scenario;
  return [
    {
      name: scenario.name,
      script: scenario,
      docs: {
        flows: scenario.flows ?? workspace.flows,
        groups: scenario.keywordGroups ?? workspace.groups,
        policy: scenario.policy ?? workspace.policy,
        packs: (scenario.packs ?? []).map(packById),
      },
    },
  ];
}

export async function runScenarios(
  items: Array<{ file: string; name: string; docs: SandboxDocs; script: Scenario }>,
  progress: (done: number, total: number) => void,
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const [i, item] of items.entries()) {
    const result = await runSandbox(item.docs, item.script);
    outcomes.push({ file: item.file, scenario: item.name, passed: result.passed, result });
    progress(i + 1, items.length);
  }
  return outcomes;
}
