import { Split } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { ConditionPanel } from '../panels/ConditionPanel.js';
import { describeCondition } from '../panels/condition-choices.js';

export const conditionSpec: NodeSpec<'condition'> = {
  kind: 'condition',
  label: 'kind.condition',
  hint: 'kindHint.condition',
  icon: Split,
  color: '#8e24aa',
  defaults: () => ({ match: 'all', conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] }),
  summary: (data, { t }) => {
    const [first, ...more] = data.conditions;
    return first ? `${describeCondition(first, t)}${more.length ? ' …' : ''}` : '';
  },
  Render: function ConditionRender({ data }) {
    const { t } = useTranslation();
    return (
      <>
        {data.conditions.length > 1 ? <div className="muted">{t(`condition.match.${data.match ?? 'all'}`)}</div> : null}
        {data.conditions.map((c, i) => (
          <div key={i}>{describeCondition(c, t)}</div>
        ))}
      </>
    );
  },
  Panel: ConditionPanel,
};
