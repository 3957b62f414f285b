import { Bookmark } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { recordPreferenceSpec } from './record-preference.spec.js';
import { RecordPreferencePanel } from '../panels/RecordPreferencePanel.js';

export const recordPreferenceView: NodeView<'recordPreference'> = {
  icon: Bookmark,
  Render: function RecordPreferenceRender({ data }) {
    const { t } = useTranslation();
    return <div>{recordPreferenceSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: RecordPreferencePanel,
};
