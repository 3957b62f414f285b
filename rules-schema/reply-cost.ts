import type { Flow, FlowNode } from './index.js';

/** The platform grant for a user message (CONTRACT §6) and the default etiquette limit (§7 FREQUENCY_LIMIT). */
export const DEFAULT_GRANT = 5;
export const DEFAULT_MAX_REPLIES = 3;

export interface CostLimits {
  grant: number;
  maxReplies: number;
}

export interface NodeCost {
  /** Messages this node itself sends. */
  sends: number;
  /** Most messages sent along any path from a trigger up to and including this node. */
  total: number;
  overLimit: boolean;
  overGrant: boolean;
}

/** Messages one node sends: every reply (mode all) or one of them (random); a follow-up question is one. */
export function messagesSentBy(node: FlowNode): number {
  if (node.type === 'reply')
    return node.data.mode === 'random' ? Math.min(1, node.data.replies.length) : node.data.replies.length;
  if (node.type === 'followUp') return 1;
  return 0;
}

/**
 * For every node reachable from a trigger, the worst-case number of customer-service
 * messages sent by the time the path reaches it, flagged against the etiquette limit
 * and the grant. Loops are cut (the connection rules refuse them anyway).
 * @example computeReplyCosts(flow, { grant: 5, maxReplies: 3 }).get('reply-1')?.total
 */
export function computeReplyCosts(flow: Pick<Flow, 'nodes' | 'edges'>, limits: CostLimits): Map<string, NodeCost> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, string[]>();
  for (const e of flow.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const costs = new Map<string, NodeCost>();

  const visit = (id: string, before: number, onPath: Set<string>): void => {
    const node = byId.get(id);
    if (!node || onPath.has(id)) return;
    const sends = messagesSentBy(node);
    const total = before + sends;
    const prev = costs.get(id);
    // A path that arrives with no more messages than one already seen cannot raise any total below.
    if (prev && prev.total >= total) return;
    costs.set(id, { sends, total, overLimit: total > limits.maxReplies, overGrant: total > limits.grant });
    onPath.add(id);
    for (const next of out.get(id) ?? []) visit(next, total, onPath);
    onPath.delete(id);
  };
  for (const n of flow.nodes) if (n.type === 'trigger') visit(n.id, 0, new Set());
  return costs;
}
