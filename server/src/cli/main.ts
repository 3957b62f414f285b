/**
 * The rule authors' command line (`npx replyflow …`):
 *   replyflow validate <doc.json…>   schema and graph checks, problems with JSON pointers
 *   replyflow test <scenario-or-pack.json…>   scenarios and pack self-tests, offline
 * Exit codes: 0 all good, 1 a document is invalid or a scenario failed, 2 usage or I/O error.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateDocument } from './validate-document.js';
import { runScenarios, scenariosOf } from './run-test-files.js';
import { readWorkspaceDir } from '../runtime/seed-workspace.js';
import { loadBuiltinPacks } from '../packs/load-builtin-packs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const USAGE = `用法 (usage):
  replyflow validate <doc.json…>             检查文档格式和流程图 (schema + graph checks)
  replyflow test <scenario-or-pack.json…>    离线运行测试场景和规则包自测 (offline)
选项: --workspace <dir>  场景未带文档时使用的工作区 (default: examples/workspace)
      --json             输出 JSON`;

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

const builtinPacks = loadBuiltinPacks();

function packById(id: string): unknown {
  const pack = builtinPacks.get(id);
  if (!pack) throw new Error(`unknown pack ${id}`);
  return pack;
}

/** Directories expand to the JSON files inside them. */
function expand(files: string[]): string[] {
  return files.flatMap((f) =>
    existsSync(f) && !f.endsWith('.json')
      ? readdirSync(f)
          .filter((x) => x.endsWith('.json'))
          .sort()
          .map((x) => path.join(f, x))
      : [f],
  );
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { workspace: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command || rest.length === 0 || !['validate', 'test'].includes(command)) {
    err(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  const workspace = readWorkspaceDir(parsed.values.workspace ?? path.join(ROOT, 'examples/workspace'));
  const files = expand(rest);
  let docs: Array<{ file: string; doc: unknown }>;
  try {
    docs = files.map((file) => ({ file, doc: readJson(file) }));
  } catch (e) {
    err(`无法读取 (cannot read): ${(e as Error).message}\n`);
    return 2;
  }
  if (command === 'validate') {
    const reports = docs.map(({ file, doc }) => ({ file, ...validateDocument(doc, workspace.groups) }));
    if (parsed.values.json) out(JSON.stringify(reports, null, 2) + '\n');
    else {
      for (const r of reports) {
        const errors = r.problems.filter((p) => p.severity === 'error');
        out(`${errors.length === 0 ? '✓' : '✗'} ${r.file}${r.kind ? ` (${r.kind})` : ''}\n`);
        for (const p of r.problems)
          out(`    ${p.severity === 'error' ? 'error  ' : 'warning'} ${p.path}  ${p.message}\n`);
      }
    }
    return reports.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
  }
  let items;
  try {
    items = docs.flatMap(({ file, doc }) => scenariosOf(doc, workspace, packById).map((s) => ({ file, ...s })));
  } catch (e) {
    err(`${(e as Error).message}\n`);
    return 2;
  }
  const outcomes = await runScenarios(items, (done, total) => {
    if (total > 1) err(`\r[${done}/${total}] 运行测试场景…`);
  });
  if (items.length > 1) err('\n');
  if (parsed.values.json)
    out(
      JSON.stringify(
        outcomes.map(({ result, ...o }) => ({
          ...o,
          steps: result.steps.map((s) => ({ index: s.index, kind: s.kind, expect: s.expect })),
        })),
        null,
        2,
      ) + '\n',
    );
  else {
    for (const o of outcomes) {
      out(`${o.passed ? '✓' : '✗'} ${o.scenario}  (${o.file})\n`);
      for (const s of o.result.steps.filter((x) => !x.expect.passed))
        out(`    第 ${s.index} 步 (step ${s.index}, ${s.kind}): ${s.expect.failures.join('；')}\n`);
    }
    const failed = outcomes.filter((o) => !o.passed).length;
    out(`\n${outcomes.length - failed} passed, ${failed} failed\n`);
  }
  return outcomes.every((o) => o.passed) ? 0 : 1;
}
