import type { NodeSpec } from './node-spec.js';

export const followUpSpec: NodeSpec<'followUp'> = {
  kind: 'followUp',
  label: 'kind.followUp',
  hint: 'kindHint.followUp',
  color: '#5d4037',
  defaults: () => ({ question: '还有其他问题吗？' }),
  summary: (data) => data.question,
};
