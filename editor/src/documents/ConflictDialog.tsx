import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { keepMyScenario, reloadTheirScenario } from '../sandbox/sandbox-actions.js';
import { keepMine, reloadTheirs } from './doc-actions.js';
import { Modal } from './Modal.js';

/** A save hit a newer revision: the operator chooses, nothing is lost silently. */
export function ConflictDialog() {
  const { t } = useTranslation();
  const conflict = useEditorStore((s) => s.conflict);
  if (!conflict) return null;
  const theirs = () =>
    void (conflict.kind === 'scenarios' ? reloadTheirScenario(conflict.id) : reloadTheirs(conflict.kind, conflict.id));
  const mine = () =>
    void (conflict.kind === 'scenarios'
      ? keepMyScenario(conflict.id, conflict.theirRevision)
      : keepMine(conflict.kind, conflict.id, conflict.theirRevision));
  return (
    <Modal title={t('conflict.title')} testId="conflict-dialog">
      <p>{t('conflict.body', { name: conflict.name })}</p>
      <ul className="hint">
        <li>{t('conflict.theirsHint')}</li>
        <li>{t('conflict.mineHint')}</li>
      </ul>
      <div className="row end">
        <button type="button" onClick={theirs} data-testid="conflict-theirs">
          {t('conflict.reloadTheirs')}
        </button>
        <button type="button" className="primary" onClick={mine} data-testid="conflict-mine">
          {t('conflict.keepMine')}
        </button>
      </div>
    </Modal>
  );
}
