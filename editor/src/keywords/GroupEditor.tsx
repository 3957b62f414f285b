import { History } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCH_MODES } from '../../../rules-schema/index.js';
import { documentsApi } from '../api/documents-api.js';
import { publishGroup, saveGroup } from '../documents/doc-actions.js';
import { sameDocument } from '../documents/same-document.js';
import { VersionHistory } from '../documents/VersionHistory.js';
import { useEditorStore } from '../store/editor-store.js';
import { ChipsInput } from './ChipsInput.js';
import { ComboEditor } from './ComboEditor.js';
import { KeywordChips } from './KeywordChips.js';
import { KeywordSuggestions } from './KeywordSuggestions.js';

type MatchMode = (typeof MATCH_MODES)[number];

/** Edits one keyword group: name, how it matches, its keywords, exclusions, combos and options; save and publish it. */
export function GroupEditor({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const draft = useEditorStore((s) => s.groups[groupId]);
  const editGroup = useEditorStore((s) => s.editGroup);
  const [history, setHistory] = useState(false);
  const version = draft?.publishedVersion ?? null;
  const known = draft?.published !== undefined;
  // What is live decides whether 发布 has anything to do: fetched once per group and version.
  useEffect(() => {
    if (version === null || known) return;
    let stale = false;
    documentsApi
      .version('keyword-groups', groupId, version)
      .then((v) => !stale && useEditorStore.getState().setGroupPublished(groupId, v.document))
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [groupId, version, known]);
  if (!draft) return null;
  const g = draft.doc;
  const live = !draft.dirty && draft.published ? sameDocument(draft.published, g) : false;
  return (
    <div className="group-editor" data-testid="group-editor">
      <label className="field">
        <span>{t('keywords.groupName')}</span>
        <input
          value={g.name}
          maxLength={60}
          onChange={(e) => editGroup(groupId, { name: e.target.value })}
          aria-label={t('keywords.groupName')}
        />
      </label>
      <label className="field">
        <span>{t('keywords.mode')}</span>
        <select
          value={g.mode ?? 'contains'}
          onChange={(e) => editGroup(groupId, { mode: e.target.value as MatchMode })}
        >
          {MATCH_MODES.map((m) => (
            <option key={m} value={m}>
              {t(`matchMode.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <span>{t('keywords.label')}</span>
        <KeywordChips
          groupId={groupId}
          keywords={g.keywords}
          onChange={(keywords) => editGroup(groupId, { keywords })}
        />
        <KeywordSuggestions
          groupId={groupId}
          keywords={g.keywords}
          exclusions={g.exclusions ?? []}
          onChange={(keywords) => editGroup(groupId, { keywords })}
        />
        <span className="hint">{t('keywords.pasteHint')}</span>
      </div>
      <div className="field">
        <span>{t('keywords.exclusions')}</span>
        <ChipsInput
          values={g.exclusions ?? []}
          onChange={(exclusions) => editGroup(groupId, { exclusions })}
          label={t('keywords.exclusions')}
        />
      </div>
      <ComboEditor combos={g.combos ?? []} onChange={(combos) => editGroup(groupId, { combos })} />
      <label className="check" title={t('keywords.wholeWordsHint')}>
        <input
          type="checkbox"
          checked={g.wholeWords === true}
          onChange={(e) => editGroup(groupId, { wholeWords: e.target.checked })}
        />
        {t('keywords.wholeWords')}
      </label>
      <label className="check" title={t('keywords.pinyinHint')}>
        <input
          type="checkbox"
          checked={g.pinyin === true}
          onChange={(e) => editGroup(groupId, { pinyin: e.target.checked })}
        />
        {t('keywords.pinyin')}
      </label>
      <label className="check" title={t('keywords.skipSettledHint')}>
        <input
          type="checkbox"
          checked={g.skipSettled === true}
          onChange={(e) => editGroup(groupId, { skipSettled: e.target.checked })}
        />
        {t('keywords.skipSettled')}
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={g.enabled !== false}
          onChange={(e) => editGroup(groupId, { enabled: e.target.checked })}
        />
        {t('common.enabled')}
      </label>
      <div className="row">
        <span className="muted">
          {draft.dirty ? t('doc.unsaved') : t('doc.saved')} ·{' '}
          {draft.publishedVersion ? t('doc.publishedV', { version: draft.publishedVersion }) : t('doc.notPublished')}
        </span>
      </div>
      <div className="row">
        <button type="button" onClick={() => void saveGroup(groupId)} disabled={!draft.dirty}>
          {t('keywords.saveGroup')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={g.keywords.length === 0 || live}
          title={live ? t('keywords.publishedSame') : undefined}
          onClick={() => void publishGroup(groupId, t('publish.defaultNote'))}
          data-testid="publish-group"
        >
          {t('keywords.publishGroup')}
        </button>
        <button type="button" disabled={!draft.persisted} onClick={() => setHistory(true)} data-testid="group-history">
          <History size={14} className="icon" /> {t('toolbar.history')}
        </button>
      </div>
      {history ? (
        <VersionHistory
          kind="keyword-groups"
          id={groupId}
          name={g.name}
          // Read when a version is picked: the diff is against the draft as it is then.
          current={() => useEditorStore.getState().groups[groupId]?.doc ?? null}
          onClose={() => setHistory(false)}
        />
      ) : null}
    </div>
  );
}
