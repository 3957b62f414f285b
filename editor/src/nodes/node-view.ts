import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import type { NodeDataOf, NodeKind } from '../model/flow-types.js';

export interface NodePanelProps<K extends NodeKind> {
  nodeId: string;
  data: NodeDataOf<K>;
  onChange: (data: NodeDataOf<K>) => void;
}

/** How one node kind is drawn and edited; its data side (name, defaults, summary) is its {@link NodeSpec}. */
export interface NodeView<K extends NodeKind> {
  /** Drawn as SVG (lucide): no emoji font needed. */
  icon: LucideIcon;
  /** The node's body on the canvas: a plain-language summary of its settings. */
  Render: (props: { data: NodeDataOf<K> }) => ReactNode;
  /** The property panel. */
  Panel: (props: NodePanelProps<K>) => ReactNode;
}

export type NodeViewRegistry = { [K in NodeKind]: NodeView<K> };
