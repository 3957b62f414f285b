import { KeyRound } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { KeywordGroupPanel } from '../panels/KeywordGroupPanel.js';
import { useEditorStore } from '../store/editor-store.js';

export const keywordGroupView: NodeView<'keywordGroup'> = {
  icon: KeyRound,
  Render: function KeywordGroupRender({ data }) {
    const { t } = useTranslation();
    const group = useEditorStore((s) => s.groups[data.groupId]?.doc);
    if (!group) return <div className="muted">{t('keywordGroup.none')}</div>;
    const shown = group.keywords.slice(0, 4).join('、');
    return (
      <>
        <div className="node-title-strong">{group.name}</div>
        <div className="muted">
          {shown}
          {group.keywords.length > 4 ? ` … (${group.keywords.length})` : ''}
        </div>
      </>
    );
  },
  Panel: KeywordGroupPanel,
};
