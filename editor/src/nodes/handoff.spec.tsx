import { Headset } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { HandoffPanel } from '../panels/HandoffPanel.js';

export const handoffSpec: NodeSpec<'handoff'> = {
  kind: 'handoff',
  label: 'kind.handoff',
  hint: 'kindHint.handoff',
  icon: Headset,
  color: '#c62828',
  defaults: () => ({ queue: '', reason: '' }),
  summary: (data, { t }) => (data.queue ? t('handoff.toQueue', { queue: data.queue }) : t('handoff.anyAgent')),
  Render: function HandoffRender({ data }) {
    const { t } = useTranslation();
    return <div>{handoffSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: HandoffPanel,
};
