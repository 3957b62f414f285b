/**
 * The editor's side of the document/React Flow boundary: the saved flow document
 * comes from `rules-schema/`; React Flow works on {@link EditorNode}/{@link EditorEdge}.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Flow, FlowNode } from '../../../rules-schema/index.js';

export type NodeKind = FlowNode['type'];
export type NodeDataOf<K extends NodeKind> = Extract<FlowNode, { type: K }>['data'];
export type SourceHandle = 'match' | 'else' | 'true' | 'false' | null;

/** React Flow node whose `data` is the document node's `data`, untouched. */
export type EditorNode = Node<Record<string, unknown>, NodeKind>;
export type EditorEdge = Edge;

/** Everything of a flow document except its graph. */
export type FlowMeta = Omit<Flow, 'nodes' | 'edges'>;

/**
 * Reads a node's data as its kind's type. Parse boundary: data only enters the
 * editor through schema-checked documents or the kind's own `defaults`.
 */
export function dataOf<K extends NodeKind>(node: { type?: string; data: unknown }, _kind: K): NodeDataOf<K> {
  return node.data as NodeDataOf<K>;
}
