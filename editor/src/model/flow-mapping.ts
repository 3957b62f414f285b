import type { Flow, FlowEdge, FlowNode } from '../../../rules-schema/index.js';
import type { EditorEdge, EditorNode, FlowMeta, NodeKind } from './flow-types.js';

/**
 * Maps a saved flow document to React Flow nodes and edges (copies, so React
 * Flow's own fields never leak into the document).
 * @example const { meta, nodes, edges } = flowToEditor(flow);
 */
export function flowToEditor(flow: Flow): { meta: FlowMeta; nodes: EditorNode[]; edges: EditorEdge[] } {
  const { nodes, edges, ...meta } = flow;
  return {
    meta: { ...meta },
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.type,
      position: { x: n.position.x, y: n.position.y },
      data: structuredClone(n.data) as Record<string, unknown>,
    })),
    edges: edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      sourceHandle: e.sourceHandle ?? null,
    })),
  };
}

/** Maps React Flow state back to the document shape of `rules-schema/schemas/flow.ts`. */
export function editorToFlow(meta: FlowMeta, nodes: readonly EditorNode[], edges: readonly EditorEdge[]): Flow {
  return {
    ...meta,
    schemaVersion: 1,
    nodes: nodes.map(
      (n) =>
        // Parse boundary: data was created from the kind's schema-shaped defaults.
        ({
          id: n.id,
          type: n.type as NodeKind,
          position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
          data: structuredClone(n.data),
        }) as FlowNode,
    ),
    edges: edges.map((e): FlowEdge => {
      const edge: FlowEdge = { id: e.id, source: e.source, target: e.target };
      if (e.sourceHandle) edge.sourceHandle = e.sourceHandle as FlowEdge['sourceHandle'];
      return edge;
    }),
  };
}
