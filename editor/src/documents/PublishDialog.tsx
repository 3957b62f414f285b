import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../api/api-error.js';
import { Modal } from './Modal.js';

export interface PublishDialogProps {
  name: string;
  /** Saved scenarios that fail with this draft: shown, and publishing needs 「强制发布」 with a note. */
  failures?: ApiErrorDetail[];
  onPublish: (note: string, override: boolean) => void;
  onClose: () => void;
}

/** Asks for a short note that goes with the published version; with failing scenarios, for the reason to publish anyway. */
export function PublishDialog({ name, failures = [], onPublish, onClose }: PublishDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const gated = failures.length > 0;
  return (
    <Modal title={t('publish.title', { name })} onClose={onClose} testId="publish-dialog">
      {gated ? (
        <div className="gate" data-testid="publish-gate">
          <p className="error">{t('publish.gate.intro', { count: new Set(failures.map((f) => scenarioOf(f.path))).size })}</p>
          <ul className="gate-failures">
            {failures.slice(0, 12).map((f, i) => (
              <li key={i}>
                <span className="muted">{t('publish.gate.step', { step: stepOf(f.path) + 1 })}</span> {f.message}
              </li>
            ))}
          </ul>
          {failures.length > 12 ? <p className="hint">{t('publish.gate.more', { count: failures.length - 12 })}</p> : null}
          <p className="hint">{t('publish.gate.hint')}</p>
        </div>
      ) : null}
      <label className="field">
        <span>{gated ? t('publish.gate.note') : t('publish.note')}</span>
        <input autoFocus value={note} maxLength={500} placeholder={t(gated ? 'publish.gate.notePlaceholder' : 'publish.notePlaceholder')} onChange={(e) => setNote(e.target.value)} aria-label={gated ? t('publish.gate.note') : t('publish.note')} />
      </label>
      <div className="row end">
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {gated ? (
          <button type="button" className="danger" disabled={!note.trim()} onClick={() => onPublish(note.trim(), true)} data-testid="publish-override">
            {t('publish.gate.override')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => onPublish(note.trim() || t('publish.defaultNote'), false)} data-testid="publish-confirm">
            {t('publish.confirm')}
          </button>
        )}
      </div>
    </Modal>
  );
}

/** `/scenarios/<id>/steps/<n>` → id and n. */
function scenarioOf(path: string): string {
  return path.split('/')[2] ?? path;
}

function stepOf(path: string): number {
  const n = Number(path.split('/')[4]);
  return Number.isInteger(n) ? n : 0;
}
