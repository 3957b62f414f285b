/**
 * The graph checks of a flow, shared by the editor (problems list, publish button), the server
 * (publish refuses errors) and the CLI. Numbered codes, xyflow-style; messages in
 * `graph-problem-messages.ts`. Errors block publishing, warnings do not.
 */
import type { Flow, KeywordGroup } from './index.js';
import { computeReplyCosts, type CostLimits } from './reply-cost.js';
import { normalizeKeyword } from './normalize-keyword.js';

export type GraphProblemCode =
  | 'E001' // no trigger
  | 'E002' // node not reachable from a trigger
  | 'E003' // trigger with no path to a reply, follow-up or hand-off
  | 'E004' // keyword-group node without a group, or the group does not exist
  | 'E005' // referenced group has no keywords
  | 'E006' // keyword in two groups used by this flow
  | 'E007' // edge to or from a missing node
  | 'E008' // path sends more than the grant
  | 'E009' // edge into a trigger
  | 'E010' // edge leaving by a handle the node does not have
  | 'E011' // two nodes with one id
  | 'W101' // path sends more than the etiquette limit
  | 'W102' // keyword also in a group not used by this flow
  | 'W103'; // keyword-group node with nothing on its "match" way out

export interface GraphProblem {
  code: GraphProblemCode;
  severity: 'error' | 'warning';
  /** JSON pointer into the flow document. */
  path: string;
  nodeId?: string;
  params?: Record<string, string | number>;
}

const SENDS = new Set(['reply', 'followUp', 'handoff']);
const HANDLES: Record<string, ReadonlyArray<string | null>> = {
  keywordGroup: ['match', 'else', null],
  condition: ['true', 'false', null],
};

/**
 * @example checkFlowGraph(flow, groups, { grant: 5, maxReplies: 3 }).filter((p) => p.severity === 'error')
 */
export function checkFlowGraph(
  flow: Pick<Flow, 'nodes' | 'edges'>,
  groups: readonly Pick<KeywordGroup, 'id' | 'name' | 'keywords'>[],
  limits: CostLimits,
): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const index = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    if (index.has(n.id))
      problems.push({ code: 'E011', severity: 'error', path: `/nodes/${i}/id`, nodeId: n.id, params: { id: n.id } });
    else index.set(n.id, i);
  });
  const at = (id: string) => `/nodes/${index.get(id) ?? 0}`;
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  flow.edges.forEach((e, i) => {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) {
      problems.push({ code: 'E007', severity: 'error', path: `/edges/${i}`, params: { edge: e.id } });
      return;
    }
    if (target.type === 'trigger')
      problems.push({ code: 'E009', severity: 'error', path: `/edges/${i}`, nodeId: target.id });
    if (!(HANDLES[source.type] ?? [null]).includes(e.sourceHandle ?? null)) {
      problems.push({
        code: 'E010',
        severity: 'error',
        path: `/edges/${i}/sourceHandle`,
        nodeId: source.id,
        params: { handle: String(e.sourceHandle) },
      });
    }
    out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  });
  const triggers = flow.nodes.filter((n) => n.type === 'trigger');
  if (triggers.length === 0 && flow.nodes.length > 0)
    problems.push({ code: 'E001', severity: 'error', path: '/nodes' });

  const reachable = new Set<string>();
  for (const t of triggers) for (const id of walk(t.id, out)) reachable.add(id);
  for (const n of flow.nodes) {
    if (n.type !== 'trigger' && !reachable.has(n.id))
      problems.push({ code: 'E002', severity: 'error', path: at(n.id), nodeId: n.id });
  }
  for (const t of triggers) {
    const answers = [...walk(t.id, out)].some((id) => SENDS.has(byId.get(id)?.type ?? ''));
    if (!answers) problems.push({ code: 'E003', severity: 'error', path: at(t.id), nodeId: t.id });
  }

  const groupById = new Map(groups.map((g) => [g.id, g]));
  const usedGroups = new Set<string>();
  for (const n of flow.nodes) {
    if (n.type !== 'keywordGroup') continue;
    const group = groupById.get(n.data.groupId);
    const path = `${at(n.id)}/data/groupId`;
    if (!n.data.groupId || !group) {
      problems.push({ code: 'E004', severity: 'error', path, nodeId: n.id, params: { group: n.data.groupId ?? '' } });
      continue;
    }
    usedGroups.add(group.id);
    if (group.keywords.length === 0)
      problems.push({ code: 'E005', severity: 'error', path, nodeId: n.id, params: { group: group.name } });
    if (!flow.edges.some((e) => e.source === n.id && (e.sourceHandle ?? 'match') === 'match')) {
      problems.push({ code: 'W103', severity: 'warning', path: at(n.id), nodeId: n.id, params: { group: group.name } });
    }
  }
  problems.push(...keywordClashes(flow, groups, usedGroups, at));

  for (const [nodeId, cost] of computeReplyCosts(flow, limits)) {
    if (cost.sends === 0) continue;
    if (cost.overGrant)
      problems.push({
        code: 'E008',
        severity: 'error',
        path: at(nodeId),
        nodeId,
        params: { count: cost.total, limit: limits.grant },
      });
    else if (cost.overLimit)
      problems.push({
        code: 'W101',
        severity: 'warning',
        path: at(nodeId),
        nodeId,
        params: { count: cost.total, limit: limits.maxReplies },
      });
  }
  return problems;
}

/** A keyword held by a group this flow uses and by another group: an error when both are used here. */
function keywordClashes(
  flow: Pick<Flow, 'nodes'>,
  groups: readonly Pick<KeywordGroup, 'id' | 'name' | 'keywords'>[],
  used: Set<string>,
  at: (id: string) => string,
): GraphProblem[] {
  const holders = new Map<string, Pick<KeywordGroup, 'id' | 'name'>[]>();
  for (const g of groups) {
    for (const key of new Set(g.keywords.map(normalizeKeyword))) holders.set(key, [...(holders.get(key) ?? []), g]);
  }
  const problems: GraphProblem[] = [];
  for (const n of flow.nodes) {
    if (n.type !== 'keywordGroup' || !used.has(n.data.groupId)) continue;
    const group = groups.find((g) => g.id === n.data.groupId);
    if (!group) continue;
    for (const kw of group.keywords) {
      const others = (holders.get(normalizeKeyword(kw)) ?? []).filter((g) => g.id !== group.id);
      const first = others[0];
      if (!first) continue;
      const clash = others.find((g) => used.has(g.id));
      const path = `${at(n.id)}/data/groupId`;
      problems.push(
        clash
          ? { code: 'E006', severity: 'error', path, nodeId: n.id, params: { keyword: kw, other: clash.name } }
          : { code: 'W102', severity: 'warning', path, nodeId: n.id, params: { keyword: kw, other: first.name } },
      );
    }
  }
  return problems;
}

function walk(start: string, out: Map<string, string[]>): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    for (const next of out.get(stack.pop() as string) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
