import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { Modal } from './Modal.js';

/** Asks before anything destructive (deleting nodes, documents, rolling back). */
export function ConfirmDialog() {
  const { t } = useTranslation();
  const confirm = useEditorStore((s) => s.confirm);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  if (!confirm) return null;
  return (
    <Modal title={t('confirm.title')} onClose={() => askConfirm(null)} testId="confirm-dialog">
      <p>{confirm.message}</p>
      <div className="row end">
        <button type="button" onClick={() => askConfirm(null)}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            askConfirm(null);
            confirm.onConfirm();
          }}
        >
          {confirm.confirmLabel ?? t('common.confirmDelete')}
        </button>
      </div>
    </Modal>
  );
}
