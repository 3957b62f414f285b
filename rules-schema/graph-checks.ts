/**
 * Graph checks a flow must pass before it is published, shared by the server (publish
 * refuses errors) and the editor (problems list). Schema validity is checked separately.
 */
import type { Flow, KeywordGroup } from './index.js';

export interface GraphProblem {
  severity: 'error' | 'warning';
  code: string;
  /** JSON pointer into the flow document. */
  path: string;
  nodeId?: string;
  message: string;
}

const HANDLES: Record<string, ReadonlyArray<string | null>> = {
  keywordGroup: ['match', 'else', null],
  condition: ['true', 'false', null],
};

const ANSWERING = new Set(['reply', 'handoff', 'followUp']);

export function checkFlowGraph(flow: Flow, groups: ReadonlyArray<Pick<KeywordGroup, 'id' | 'name'>>): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    if (index.has(n.id)) problems.push({ severity: 'error', code: 'DUPLICATE_NODE_ID', path: `/nodes/${i}/id`, nodeId: n.id, message: `节点编号 ${n.id} 重复` });
    index.set(n.id, i);
  });
  const groupIds = new Set(groups.map((g) => g.id));
  const out = new Map<string, string[]>();
  flow.edges.forEach((e, i) => {
    const source = flow.nodes[index.get(e.source) ?? -1];
    const target = flow.nodes[index.get(e.target) ?? -1];
    if (!source || !target) {
      problems.push({ severity: 'error', code: 'DANGLING_EDGE', path: `/edges/${i}`, message: `连线 ${e.id} 连到了不存在的节点` });
      return;
    }
    if (target.type === 'trigger') {
      problems.push({ severity: 'error', code: 'EDGE_INTO_TRIGGER', path: `/edges/${i}`, nodeId: target.id, message: '触发器是流程的起点，不能有连线指向它' });
    }
    const allowed = HANDLES[source.type] ?? [null];
    if (!allowed.includes(e.sourceHandle ?? null)) {
      problems.push({ severity: 'error', code: 'BAD_HANDLE', path: `/edges/${i}/sourceHandle`, nodeId: source.id, message: `这个节点没有 “${e.sourceHandle}” 出口` });
    }
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  });
  const triggers = flow.nodes.filter((n) => n.type === 'trigger');
  if (triggers.length === 0) problems.push({ severity: 'error', code: 'NO_TRIGGER', path: '/nodes', message: '流程没有触发器，永远不会运行' });
  const reachable = new Set<string>();
  for (const t of triggers) {
    const seen = walk(t.id, out);
    seen.forEach((id) => reachable.add(id));
    const answers = [...seen].some((id) => ANSWERING.has(flow.nodes[index.get(id) ?? -1]?.type ?? ''));
    if (!answers) problems.push({ severity: 'error', code: 'TRIGGER_WITHOUT_REPLY', path: `/nodes/${index.get(t.id)}`, nodeId: t.id, message: '这个触发器后面没有任何回复或转人工，用户得不到回应' });
  }
  flow.nodes.forEach((n, i) => {
    if (n.type !== 'trigger' && !reachable.has(n.id)) {
      problems.push({ severity: 'error', code: 'UNREACHABLE_NODE', path: `/nodes/${i}`, nodeId: n.id, message: '这个节点没有从任何触发器连过来，不会被执行' });
    }
    if (n.type === 'keywordGroup' && !groupIds.has(n.data.groupId)) {
      problems.push({ severity: 'error', code: 'UNKNOWN_GROUP', path: `/nodes/${i}/data/groupId`, nodeId: n.id, message: `关键词组 ${n.data.groupId} 不存在` });
    }
  });
  return problems;
}

function walk(start: string, out: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return seen;
}

/** Keywords that sit in more than one group: a message would match both. */
export function findDuplicateKeywords(groups: ReadonlyArray<Pick<KeywordGroup, 'id' | 'name' | 'keywords'>>): Array<{ keyword: string; groups: string[] }> {
  const owners = new Map<string, Set<string>>();
  for (const g of groups) for (const k of g.keywords) owners.set(k.trim(), (owners.get(k.trim()) ?? new Set()).add(g.id));
  return [...owners].filter(([, ids]) => ids.size > 1).map(([keyword, ids]) => ({ keyword, groups: [...ids] }));
}
