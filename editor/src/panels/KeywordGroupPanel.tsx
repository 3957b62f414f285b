import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodePanelProps } from '../nodes/node-view.js';
import { useEditorStore } from '../store/editor-store.js';
import { newGroup } from '../documents/doc-actions.js';
import { GroupEditor } from '../keywords/GroupEditor.js';
import { GroupPriorityField } from './GroupPriorityField.js';

/** Picks the keyword group a node listens for (or makes a new one) and edits it in place. */
export function KeywordGroupPanel({ data, onChange }: NodePanelProps<'keywordGroup'>) {
  const { t } = useTranslation();
  const groups = useEditorStore((s) => s.groups);
  const order = useEditorStore((s) => s.groupOrder);
  const [name, setName] = useState('');
  const create = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    const g = newGroup(trimmed);
    onChange({ ...data, groupId: g.id });
    setName('');
  };
  return (
    <div className="panel-body">
      <label className="field">
        <span>{t('keywordGroup.pick')}</span>
        <select
          aria-label={t('keywordGroup.pick')}
          value={data.groupId}
          onChange={(e) => onChange({ ...data, groupId: e.target.value })}
        >
          <option value="">{t('keywordGroup.none')}</option>
          {order.map((id) => (
            <option key={id} value={id}>
              {groups[id]?.doc.name ?? id}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <input
          aria-label={t('keywordGroup.newName')}
          placeholder={t('keywordGroup.newName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && create()}
        />
        <button type="button" onClick={create} disabled={!name.trim()}>
          {t('keywordGroup.create')}
        </button>
      </div>
      <GroupPriorityField data={data} onChange={onChange} />
      {data.groupId && groups[data.groupId] ? <GroupEditor groupId={data.groupId} /> : null}
      <p className="hint">{t('keywordGroup.help')}</p>
    </div>
  );
}
