import { createContext, useContext, useMemo } from 'react';
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import { computeReplyCosts, DEFAULT_GRANT, DEFAULT_MAX_REPLIES, type CostLimits, type NodeCost } from '../../../rules-schema/reply-cost.js';
import { checkFlowGraph, type GraphProblem } from '../../../rules-schema/graph-checks.js';
import { checkFlowSchema, type SchemaIssue } from '../validation/check-flow-schema.js';

/** One line of the problems list: a graph problem or a schema error. */
export type FlowIssue =
  | { source: 'graph'; severity: 'error' | 'warning'; nodeId?: string; problem: GraphProblem }
  | { source: 'schema'; severity: 'error'; nodeId?: string; issue: SchemaIssue };

export interface FlowInsights {
  limits: CostLimits;
  costs: Map<string, NodeCost>;
  issues: FlowIssue[];
  byNode: Map<string, FlowIssue[]>;
  errorCount: number;
}

/** The grant and etiquette limit from the policy (CONTRACT §6/§7 defaults when unset). */
export function limitsFrom(policy: Policy | undefined): CostLimits {
  return {
    grant: policy?.window?.message?.quota ?? DEFAULT_GRANT,
    maxReplies: policy?.frequency?.maxRepliesPerInteraction ?? DEFAULT_MAX_REPLIES,
  };
}

/** Schema and graph problems plus path costs of a flow, recomputed when the flow or groups change. */
export function useComputedInsights(flow: Flow | null, groups: readonly KeywordGroup[], policy: Policy | undefined): FlowInsights {
  return useMemo(() => {
    const limits = limitsFrom(policy);
    if (!flow) return { limits, costs: new Map(), issues: [], byNode: new Map(), errorCount: 0 };
    const issues: FlowIssue[] = [
      ...checkFlowSchema(flow).map((issue): FlowIssue => ({ source: 'schema', severity: 'error', nodeId: issue.nodeId, issue })),
      ...checkFlowGraph(flow, groups, limits).map((problem): FlowIssue => ({ source: 'graph', severity: problem.severity, nodeId: problem.nodeId, problem })),
    ];
    const byNode = new Map<string, FlowIssue[]>();
    for (const i of issues) if (i.nodeId) byNode.set(i.nodeId, [...(byNode.get(i.nodeId) ?? []), i]);
    return { limits, costs: computeReplyCosts(flow, limits), issues, byNode, errorCount: issues.filter((i) => i.severity === 'error').length };
  }, [flow, groups, policy]);
}

export const FlowInsightsContext = createContext<FlowInsights>({
  limits: { grant: DEFAULT_GRANT, maxReplies: DEFAULT_MAX_REPLIES },
  costs: new Map(),
  issues: [],
  byNode: new Map(),
  errorCount: 0,
});

export function useFlowInsights(): FlowInsights {
  return useContext(FlowInsightsContext);
}
