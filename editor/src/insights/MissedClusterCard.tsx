import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissedKeywordCluster } from '../../../rules-schema/index.js';
import { saveGroup } from '../documents/doc-actions.js';
import { useEditorStore } from '../store/editor-store.js';
import { addWordToGroup } from './add-word-to-group.js';

interface Props {
  cluster: MissedKeywordCluster;
  /** Viewers see the clusters but change no group. */
  canEdit: boolean;
}

/**
 * One cluster of missed messages: its word, count and examples, and 「加入关键词组」 with the
 * suggested group preselected. Adding changes the group's draft only; saving and publishing
 * stay the operator's, as for any other edit.
 */
export function MissedClusterCard({ cluster, canEdit }: Props) {
  const { t } = useTranslation();
  const groups = useEditorStore((s) => s.groups);
  const order = useEditorStore((s) => s.groupOrder);
  const [groupId, setGroupId] = useState(cluster.suggestedGroup?.id ?? '');
  const [outcome, setOutcome] = useState<{ groupId: string; result: 'added' | 'present' | 'missing' } | null>(null);
  const target = groups[groupId];
  const added = outcome?.result === 'added' ? groups[outcome.groupId] : undefined;

  return (
    <li className="missed-cluster" data-testid="missed-cluster" data-label={cluster.label}>
      <div className="missed-cluster-head">
        <strong className="missed-label">{cluster.label}</strong>
        <span className="badge" data-testid="missed-count">
          {t('missed.count', { count: cluster.count })}
        </span>
        {cluster.words.length > 1 ? (
          <span className="muted">{t('missed.words', { words: cluster.words.join('、') })}</span>
        ) : null}
      </div>
      <ul className="missed-examples" aria-label={t('missed.examples')}>
        {cluster.examples.map((example) => (
          <li key={example}>{example}</li>
        ))}
      </ul>
      <div className="missed-actions">
        <select
          aria-label={t('missed.group')}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          disabled={!canEdit}
          data-testid="missed-group"
        >
          <option value="">{t('missed.pickGroup')}</option>
          {order.map((id) => (
            <option key={id} value={id}>
              {groups[id]?.doc.name ?? id}
              {cluster.suggestedGroup?.id === id ? t('missed.suggested') : ''}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!canEdit || !target}
          data-testid="missed-add"
          onClick={() => setOutcome({ groupId, result: addWordToGroup(groupId, cluster.label) })}
        >
          {t('missed.add', { word: cluster.label })}
        </button>
        {added ? (
          <>
            <span className="missed-note" data-testid="missed-added">
              {t('missed.added', { word: cluster.label, group: added.doc.name })}
            </span>
            {added.dirty ? (
              <button
                type="button"
                className="primary"
                data-testid="missed-save"
                onClick={() => void saveGroup(added.doc.id)}
              >
                {t('missed.save')}
              </button>
            ) : (
              <span className="muted" data-testid="missed-saved">
                {t('missed.saved')}
              </span>
            )}
          </>
        ) : outcome?.result === 'present' ? (
          <span className="muted" data-testid="missed-present">
            {t('missed.present', { word: cluster.label })}
          </span>
        ) : null}
      </div>
    </li>
  );
}
