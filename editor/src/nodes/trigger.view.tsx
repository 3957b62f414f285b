import { Zap } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { triggerSpec } from './trigger.spec.js';
import { TriggerPanel } from '../panels/TriggerPanel.js';

export const triggerView: NodeView<'trigger'> = {
  icon: Zap,
  Render: function TriggerRender({ data }) {
    const { t } = useTranslation();
    return (
      <>
        <div>{triggerSpec.summary(data, { t, groupName: () => undefined })}</div>
        {data.onlyIfUnmatched ? <div className="muted">{t('trigger.onlyIfUnmatched')}</div> : null}
      </>
    );
  },
  Panel: TriggerPanel,
};
