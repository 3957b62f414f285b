import dagre from '@dagrejs/dagre';
import type { EditorEdge, EditorNode } from './flow-types.js';

const WIDTH = 220;
const HEIGHT = 90;

/** Lays the graph out left to right with dagre; returns moved copies of the nodes. */
export function autoLayout(nodes: readonly EditorNode[], edges: readonly EditorEdge[]): EditorNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 90 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.measured?.width ?? WIDTH, height: n.measured?.height ?? HEIGHT });
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    const w = n.measured?.width ?? WIDTH;
    const h = n.measured?.height ?? HEIGHT;
    return p ? { ...n, position: { x: Math.round(p.x - w / 2), y: Math.round(p.y - h / 2) } } : n;
  });
}
