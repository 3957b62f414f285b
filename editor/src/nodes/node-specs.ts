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
