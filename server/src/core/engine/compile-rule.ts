/**
 * Turns json-rules-engine conditions into a ready engine, or into problems with JSON
 * pointers. json-rules-engine itself parses the conditions (`addRule`); what it only finds
 * out while running a message (an operator it does not know, a reference to a shared
 * condition nobody defined) is looked up here in the same engine's own operator map, so
 * a rule that compiles never throws at evaluation.
 */
import type { Engine, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import { newEngine } from '../operators/index.js';
import type { CompileProblem } from './compile-problem.js';

export type RuleCompile = { ok: true; engine: Engine } | { ok: false; problems: CompileProblem[] };

/**
 * @param path JSON pointer of `conditions` within the workspace (`/policy/rules/0/conditions`).
 * @example compileRule({ all: [{}] }, { type: 'pass' }, '/policy/rules/0/conditions').ok // false
 */
export function compileRule(
  conditions: unknown,
  event: RuleProperties['event'],
  path: string,
  prepare?: (engine: Engine) => void,
): RuleCompile {
  const engine = newEngine();
  prepare?.(engine);
  const problems: CompileProblem[] = [];
  checkCondition(engine, conditions, path, problems, true);
  if (problems.length > 0) return { ok: false, problems };
  try {
    // The walk above checked the shape json-rules-engine reads (parse boundary).
    engine.addRule({ conditions: conditions as TopLevelCondition, event });
  } catch (err) {
    return {
      ok: false,
      problems: [{ path, message: `规则条件无法编译：${err instanceof Error ? err.message : String(err)}` }],
    };
  }
  return { ok: true, engine };
}

const BOOLEAN = ['all', 'any', 'not'] as const;

function checkCondition(engine: Engine, node: unknown, path: string, problems: CompileProblem[], root: boolean): void {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    problems.push({ path, message: '条件必须是对象（{"fact","operator","value"} 或 all/any/not）' });
    return;
  }
  const record = node as Record<string, unknown>;
  const bool = BOOLEAN.filter((k) => Object.hasOwn(record, k));
  if (Object.hasOwn(record, 'condition')) {
    problems.push({ path: `${path}/condition`, message: '不支持引用共享条件（condition），请直接写出条件' });
    return;
  }
  if (bool.length > 1) {
    problems.push({ path, message: '一个条件只能有 all、any、not 之一' });
    return;
  }
  const [kind] = bool;
  if (kind === 'not') {
    checkCondition(engine, record['not'], `${path}/not`, problems, false);
    return;
  }
  if (kind) {
    const list = record[kind];
    if (!Array.isArray(list)) problems.push({ path: `${path}/${kind}`, message: `${kind} 必须是条件数组` });
    else list.forEach((child, i) => checkCondition(engine, child, `${path}/${kind}/${i}`, problems, false));
    return;
  }
  if (root) {
    problems.push({ path, message: '最外层必须是 all、any 或 not' });
    return;
  }
  if (typeof record['fact'] !== 'string' || record['fact'] === '')
    problems.push({ path: `${path}/fact`, message: '缺少 fact（要判断的事实名）' });
  const operator = record['operator'];
  if (typeof operator !== 'string' || operator === '')
    problems.push({ path: `${path}/operator`, message: '缺少 operator（比较方式）' });
  else if (!knowsOperator(engine, operator))
    problems.push({ path: `${path}/operator`, message: `未知的比较方式 ${operator}` });
  if (!Object.hasOwn(record, 'value')) problems.push({ path: `${path}/value`, message: '缺少 value（比较的值）' });
  if (record['path'] !== undefined && typeof record['path'] !== 'string')
    problems.push({ path: `${path}/path`, message: 'path 必须是字符串' });
}

/**
 * json-rules-engine resolves operators (and `decorator:operator` names) through `engine.operators`,
 * which its type declarations leave out: the one cast here reads that same map.
 */
function knowsOperator(engine: Engine, name: string): boolean {
  const map = (engine as unknown as { operators: { get(name: string): unknown } }).operators;
  return map.get(name) != null;
}
