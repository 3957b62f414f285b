import type { NodeSpec } from './node-spec.js';
import { describeCondition } from '../panels/condition-choices.js';

export const conditionSpec: NodeSpec<'condition'> = {
  kind: 'condition',
  label: 'kind.condition',
  hint: 'kindHint.condition',
  color: '#8e24aa',
  defaults: () => ({ match: 'all', conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] }),
  summary: (data, { t }) => {
    const [first, ...more] = data.conditions;
    return first ? `${describeCondition(first, t)}${more.length ? ' …' : ''}` : '';
  },
};
