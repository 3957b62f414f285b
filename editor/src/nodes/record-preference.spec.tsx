import { Bookmark } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { RecordPreferencePanel } from '../panels/RecordPreferencePanel.js';

export const recordPreferenceSpec: NodeSpec<'recordPreference'> = {
  kind: 'recordPreference',
  label: 'kind.recordPreference',
  hint: 'kindHint.recordPreference',
  icon: Bookmark,
  color: '#6a1b9a',
  defaults: () => ({ key: '关注领域', value: '护肤成分' }),
  summary: (data, { t }) => t('recordPreference.summary', { key: data.key, value: data.value }),
  Render: function RecordPreferenceRender({ data }) {
    const { t } = useTranslation();
    return <div>{recordPreferenceSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: RecordPreferencePanel,
};
