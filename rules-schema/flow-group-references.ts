/**
 * Every place a flow names a keyword group: keyword-group nodes and `topicCount` conditions,
 * each with its JSON pointer into the flow, so a gate can say where a missing group is used.
 */
import type { Flow, FlowNode } from './index.js';

export interface GroupReference {
  groupId: string;
  /** `/nodes/2/data/groupId` or `/nodes/4/data/conditions/0/topic`. */
  path: string;
  node: FlowNode;
}

/** @example flowGroupReferences(flow).map((r) => r.path) // ['/nodes/1/data/groupId'] */
export function flowGroupReferences(flow: Pick<Flow, 'nodes'>): GroupReference[] {
  return flow.nodes.flatMap((node, i): GroupReference[] => {
    if (node.type === 'keywordGroup')
      return node.data.groupId ? [{ groupId: node.data.groupId, path: `/nodes/${i}/data/groupId`, node }] : [];
    if (node.type !== 'condition') return [];
    return node.data.conditions.flatMap((c, k) =>
      c.topic ? [{ groupId: c.topic, path: `/nodes/${i}/data/conditions/${k}/topic`, node }] : [],
    );
  });
}
