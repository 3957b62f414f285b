import type { TFunction } from 'i18next';
import type { NodeDataOf, NodeKind } from '../model/flow-types.js';

/**
 * One node kind of the canvas as data: how it is named, created and summed up in words. No React
 * here, so the store and the diff can use it without pulling in panels; how a kind is drawn and
 * edited is its `<kind>.view.tsx` ({@link NodeView}). `node-specs.ts` assembles the registry.
 */
export interface NodeSpec<K extends NodeKind> {
  kind: K;
  /** i18n key of the kind's name. */
  label: string;
  /** i18n key of a one-line explanation shown in the palette. */
  hint: string;
  color: string;
  defaults: () => NodeDataOf<K>;
  /** What this node says in a few words, naming it in lists and menus (never by its id). */
  summary: (data: NodeDataOf<K>, ctx: SummaryContext) => string;
}

export interface SummaryContext {
  t: TFunction;
  /** A keyword group's name, when it exists. */
  groupName: (id: string) => string | undefined;
}

export type NodeSpecRegistry = { [K in NodeKind]: NodeSpec<K> };
