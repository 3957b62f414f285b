import type { ComponentType } from 'react';
import type { NodeSpecRegistry } from './node-spec.js';
import { triggerSpec } from './trigger.spec.js';
import { keywordGroupSpec } from './keyword-group.spec.js';
import { conditionSpec } from './condition.spec.js';
import { replySpec } from './reply.spec.js';
import { handoffSpec } from './handoff.spec.js';
import { recordTagSpec } from './record-tag.spec.js';
import { followUpSpec } from './follow-up.spec.js';
import { recordPreferenceSpec } from './record-preference.spec.js';

/** Every node kind of the canvas, in palette order. */
export const nodeSpecs: NodeSpecRegistry = {
  trigger: triggerSpec,
  keywordGroup: keywordGroupSpec,
  condition: conditionSpec,
  reply: replySpec,
  handoff: handoffSpec,
  recordTag: recordTagSpec,
  recordPreference: recordPreferenceSpec,
  followUp: followUpSpec,
};

export const PALETTE_ORDER = Object.keys(nodeSpecs) as (keyof NodeSpecRegistry)[];

/**
 * Draws a node's body with its kind's `Render`. The registry is indexed by the
 * node's own `type`, so the data matches the spec: React Flow only types it loosely.
 */
export function NodeBody({ kind, data }: { kind: keyof NodeSpecRegistry; data: Record<string, unknown> }) {
  const Render = nodeSpecs[kind].Render as ComponentType<{ data: unknown }>;
  return <Render data={data} />;
}

/** The property panel of a node, chosen by the node's `type` (same typing note as {@link NodeBody}). */
export function NodePanel({ kind, nodeId, data, onChange }: { kind: keyof NodeSpecRegistry; nodeId: string; data: Record<string, unknown>; onChange: (data: Record<string, unknown>) => void }) {
  const Panel = nodeSpecs[kind].Panel as ComponentType<{ nodeId: string; data: unknown; onChange: (d: Record<string, unknown>) => void }>;
  return <Panel key={nodeId} nodeId={nodeId} data={data} onChange={onChange} />;
}
