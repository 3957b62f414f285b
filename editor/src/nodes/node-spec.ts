import type { TFunction } from 'i18next';
import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import type { NodeDataOf, NodeKind } from '../model/flow-types.js';

export interface NodePanelProps<K extends NodeKind> {
  nodeId: string;
  data: NodeDataOf<K>;
  onChange: (data: NodeDataOf<K>) => void;
}

/**
 * One node kind of the canvas: how it is named, created, drawn and edited.
 * Each kind lives in its own `<kind>.spec.tsx`; `node-specs.ts` assembles the registry.
 */
export interface NodeSpec<K extends NodeKind> {
  kind: K;
  /** i18n key of the kind's name. */
  label: string;
  /** i18n key of a one-line explanation shown in the palette. */
  hint: string;
  /** Drawn as SVG (lucide): no emoji font needed. */
  icon: LucideIcon;
  color: string;
  defaults: () => NodeDataOf<K>;
  /** What this node says in a few words, naming it in lists and menus (never by its id). */
  summary: (data: NodeDataOf<K>, ctx: SummaryContext) => string;
  /** The node's body on the canvas: a plain-language summary of its settings. */
  Render: (props: { data: NodeDataOf<K> }) => ReactNode;
  /** The property panel. */
  Panel: (props: NodePanelProps<K>) => ReactNode;
}

export interface SummaryContext {
  t: TFunction;
  /** A keyword group's name, when it exists. */
  groupName: (id: string) => string | undefined;
}

export type NodeSpecRegistry = { [K in NodeKind]: NodeSpec<K> };
