import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';

/** Short messages in a corner: saved, published, failed (errors stay until closed). */
export function Notices() {
  const { t } = useTranslation();
  const notices = useEditorStore((s) => s.notices);
  const dismiss = useEditorStore((s) => s.dismiss);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div
          key={n.id}
          className={`notice notice-${n.tone}`}
          role={n.tone === 'error' ? 'alert' : 'status'}
          data-testid={`notice-${n.tone}`}
        >
          <span>{n.text}</span>
          <button type="button" className="link" onClick={() => dismiss(n.id)} aria-label={t('common.close')}>
            <X size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
