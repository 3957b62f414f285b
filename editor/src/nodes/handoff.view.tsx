import { Headset } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { handoffSpec } from './handoff.spec.js';
import { HandoffPanel } from '../panels/HandoffPanel.js';

export const handoffView: NodeView<'handoff'> = {
  icon: Headset,
  Render: function HandoffRender({ data }) {
    const { t } = useTranslation();
    return <div>{handoffSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: HandoffPanel,
};
