import type { NodeSpec } from './node-spec.js';

export const handoffSpec: NodeSpec<'handoff'> = {
  kind: 'handoff',
  label: 'kind.handoff',
  hint: 'kindHint.handoff',
  color: '#c62828',
  defaults: () => ({ queue: '', reason: '' }),
  summary: (data, { t }) => (data.queue ? t('handoff.toQueue', { queue: data.queue }) : t('handoff.anyAgent')),
};
