import { createContext, useContext, useMemo } from 'react';
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import type { BlockedReply, LintReason } from '../api/documents-api.js';
import {
  computeReplyCosts,
  DEFAULT_GRANT,
  DEFAULT_MAX_REPLIES,
  type CostLimits,
  type NodeCost,
} from '../../../rules-schema/reply-cost.js';
import { checkFlowGraph, type GraphProblem } from '../../../rules-schema/graph-checks.js';
import { checkFlowSchema, type SchemaIssue } from '../validation/check-flow-schema.js';

/**
 * One line of the problems list: a graph problem, a schema error, or a node whose reply the
 * content checks block. `blocked` is not an `error`: the publish gate refuses it, yet a reviewed
 * case may still be published with a note, so it does not switch 发布 off.
 */
export type FlowIssue =
  | { source: 'graph'; severity: 'error' | 'warning'; nodeId?: string; problem: GraphProblem }
  | { source: 'schema'; severity: 'error'; nodeId?: string; issue: SchemaIssue }
  | { source: 'content'; severity: 'blocked'; nodeId: string; reasons: LintReason[] };

export interface FlowInsights {
  limits: CostLimits;
  costs: Map<string, NodeCost>;
  issues: FlowIssue[];
  byNode: Map<string, FlowIssue[]>;
  /** Errors that switch 发布 off (graph and schema). */
  errorCount: number;
  /** Nodes whose replies the publish gate would refuse. */
  blockedCount: number;
}

/** The grant and etiquette limit from the policy (CONTRACT §6/§7 defaults when unset). */
export function limitsFrom(policy: Policy | undefined): CostLimits {
  return {
    grant: policy?.window?.message?.quota ?? DEFAULT_GRANT,
    maxReplies: policy?.frequency?.maxRepliesPerInteraction ?? DEFAULT_MAX_REPLIES,
  };
}

/** Schema and graph problems plus path costs of a flow, recomputed when the flow or groups change. */
export function useComputedInsights(
  flow: Flow | null,
  groups: readonly KeywordGroup[],
  policy: Policy | undefined,
): FlowInsights {
  return useMemo(() => {
    const limits = limitsFrom(policy);
    if (!flow) return { limits, costs: new Map(), issues: [], byNode: new Map(), errorCount: 0, blockedCount: 0 };
    const issues: FlowIssue[] = [
      ...checkFlowSchema(flow).map((issue): FlowIssue => ({
        source: 'schema',
        severity: 'error',
        nodeId: issue.nodeId,
        issue,
      })),
      ...checkFlowGraph(flow, groups, limits).map((problem): FlowIssue => ({
        source: 'graph',
        severity: problem.severity,
        nodeId: problem.nodeId,
        problem,
      })),
    ];
    return {
      limits,
      costs: computeReplyCosts(flow, limits),
      issues,
      byNode: issuesByNode(issues),
      errorCount: issues.filter((i) => i.severity === 'error').length,
      blockedCount: 0,
    };
  }, [flow, groups, policy]);
}

/**
 * The insights with one `blocked` line per node whose replies the content checks block (its
 * codes once each, in the order found), first in the list: they are what a publish will stop on.
 * @example withBlockedReplies(insights, [{ nodeId: 'r', path: '/nodes/2/data/replies/0/content', reasons }]).blockedCount // 1
 */
export function withBlockedReplies(insights: FlowInsights, blocked: readonly BlockedReply[]): FlowInsights {
  if (blocked.length === 0) return insights;
  const reasonsByNode = new Map<string, LintReason[]>();
  for (const b of blocked) {
    const list = reasonsByNode.get(b.nodeId) ?? [];
    for (const r of b.reasons) if (!list.some((known) => known.code === r.code)) list.push(r);
    reasonsByNode.set(b.nodeId, list);
  }
  const content = [...reasonsByNode].map(([nodeId, reasons]): FlowIssue => ({
    source: 'content',
    severity: 'blocked',
    nodeId,
    reasons,
  }));
  const issues = [...content, ...insights.issues];
  return { ...insights, issues, byNode: issuesByNode(issues), blockedCount: content.length };
}

function issuesByNode(issues: readonly FlowIssue[]): Map<string, FlowIssue[]> {
  const byNode = new Map<string, FlowIssue[]>();
  for (const i of issues) if (i.nodeId) byNode.set(i.nodeId, [...(byNode.get(i.nodeId) ?? []), i]);
  return byNode;
}

export const FlowInsightsContext = createContext<FlowInsights>({
  limits: { grant: DEFAULT_GRANT, maxReplies: DEFAULT_MAX_REPLIES },
  costs: new Map(),
  issues: [],
  byNode: new Map(),
  errorCount: 0,
  blockedCount: 0,
});

export function useFlowInsights(): FlowInsights {
  return useContext(FlowInsightsContext);
}
