import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal.js';

/** Asks for a short note that goes with the published version. */
export function PublishDialog({ name, onPublish, onClose }: { name: string; onPublish: (note: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  return (
    <Modal title={t('publish.title', { name })} onClose={onClose} testId="publish-dialog">
      <label className="field">
        <span>{t('publish.note')}</span>
        <input autoFocus value={note} maxLength={500} placeholder={t('publish.notePlaceholder')} onChange={(e) => setNote(e.target.value)} aria-label={t('publish.note')} />
      </label>
      <div className="row end">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => onPublish(note.trim() || t('publish.defaultNote'))} data-testid="publish-confirm">
          {t('publish.confirm')}
        </button>
      </div>
    </Modal>
  );
}
