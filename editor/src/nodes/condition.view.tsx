import { Split } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { ConditionPanel } from '../panels/ConditionPanel.js';
import { describeCondition } from '../panels/condition-choices.js';

export const conditionView: NodeView<'condition'> = {
  icon: Split,
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
