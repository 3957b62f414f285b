import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../documents/Modal.js';
import { useEditorStore } from '../store/editor-store.js';
import { saveScenario } from './sandbox-actions.js';

/** Names the session and saves it to the library, with the expectations set on its steps. */
export function SaveScenarioDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const session = useEditorStore((s) => s.session);
  const [name, setName] = useState(session.scenario?.name ?? '');
  const [description, setDescription] = useState(session.scenario?.description ?? '');
  const [saving, setSaving] = useState(false);
  const withoutExpect = session.steps.filter((s) => !s.expect).length;
  const save = async (asNew: boolean) => {
    setSaving(true);
    const outcome = await saveScenario(name.trim(), description, asNew);
    setSaving(false);
    // On a conflict the conflict dialog takes over; "keep mine" then saves again from here.
    if (outcome !== 'failed') onClose();
  };
  return (
    <Modal title={t('sandbox.save.title')} onClose={onClose} testId="save-scenario-dialog">
      <label className="field">
        <span>{t('sandbox.save.name')}</span>
        <input
          autoFocus
          value={name}
          maxLength={100}
          placeholder={t('sandbox.save.namePlaceholder')}
          onChange={(e) => setName(e.target.value)}
          aria-label={t('sandbox.save.name')}
        />
      </label>
      <label className="field">
        <span>{t('sandbox.save.description')}</span>
        <textarea
          rows={2}
          value={description}
          maxLength={1000}
          onChange={(e) => setDescription(e.target.value)}
          aria-label={t('sandbox.save.description')}
        />
      </label>
      {withoutExpect > 0 ? <p className="hint warn">{t('sandbox.save.noExpect', { count: withoutExpect })}</p> : null}
      <div className="row end">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {session.scenario ? (
          <button type="button" disabled={!name.trim() || saving} onClick={() => void save(true)}>
            {t('sandbox.save.asNew')}
          </button>
        ) : null}
        <button
          type="button"
          className="primary"
          disabled={!name.trim() || saving}
          onClick={() => void save(false)}
          data-testid="save-scenario-confirm"
        >
          {session.scenario ? t('sandbox.save.update') : t('sandbox.save.confirm')}
        </button>
      </div>
    </Modal>
  );
}
