import type { ComponentType } from 'react';
import type { NodeKind } from '../model/flow-types.js';
import type { NodeViewRegistry } from './node-view.js';
import { triggerView } from './trigger.view.js';
import { keywordGroupView } from './keyword-group.view.js';
import { conditionView } from './condition.view.js';
import { replyView } from './reply.view.js';
import { handoffView } from './handoff.view.js';
import { recordTagView } from './record-tag.view.js';
import { followUpView } from './follow-up.view.js';
import { recordPreferenceView } from './record-preference.view.js';

/** How every node kind is drawn and edited (its data side is `nodeSpecs`). */
export const nodeViews: NodeViewRegistry = {
  trigger: triggerView,
  keywordGroup: keywordGroupView,
  condition: conditionView,
  reply: replyView,
  handoff: handoffView,
  recordTag: recordTagView,
  recordPreference: recordPreferenceView,
  followUp: followUpView,
};

/**
 * Draws a node's body with its kind's `Render`. The registry is indexed by the
 * node's own `type`, so the data matches the view: React Flow only types it loosely.
 */
export function NodeBody({ kind, data }: { kind: NodeKind; data: Record<string, unknown> }) {
  const Render = nodeViews[kind].Render as ComponentType<{ data: unknown }>;
  return <Render data={data} />;
}

/** The property panel of a node, chosen by the node's `type` (same typing note as {@link NodeBody}). */
export function NodePanel({
  kind,
  nodeId,
  data,
  onChange,
}: {
  kind: NodeKind;
  nodeId: string;
  data: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const Panel = nodeViews[kind].Panel as ComponentType<{
    nodeId: string;
    data: unknown;
    onChange: (d: Record<string, unknown>) => void;
  }>;
  return <Panel key={nodeId} nodeId={nodeId} data={data} onChange={onChange} />;
}
