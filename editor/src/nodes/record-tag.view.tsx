import { Tag } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { recordTagSpec } from './record-tag.spec.js';
import { RecordTagPanel } from '../panels/RecordTagPanel.js';

export const recordTagView: NodeView<'recordTag'> = {
  icon: Tag,
  Render: function RecordTagRender({ data }) {
    const { t } = useTranslation();
    return <div>{recordTagSpec.summary(data, { t, groupName: () => undefined })}</div>;
  },
  Panel: RecordTagPanel,
};
