import { Tag } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { RecordTagPanel } from '../panels/RecordTagPanel.js';

export const recordTagSpec: NodeSpec<'recordTag'> = {
  kind: 'recordTag',
  label: 'kind.recordTag',
  hint: 'kindHint.recordTag',
  icon: Tag,
  color: '#00838f',
  defaults: () => ({ tags: ['咨询'] }),
  summary: (data, { t }) => t('recordTag.summary', { tags: data.tags.join('、') }),
  Render: function RecordTagRender({ data }) {
    const { t } = useTranslation();
    return <div>{recordTagSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: RecordTagPanel,
};
