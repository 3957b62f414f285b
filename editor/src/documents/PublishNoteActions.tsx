import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PublishNoteActionsProps {
  /** The reviewed override the note must justify (content wins, as it does in the gates), or none. */
  review: 'content' | 'scenarios' | null;
  confirmLabel: string;
  testIds: { confirm: string; override: string };
  /** Neither button publishes (the caller's own conditions: busy, a gate that cannot be overridden…). */
  disabled: boolean;
  autoFocus?: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => void;
}

/**
 * The note that goes with a published version and the buttons under it, for one document or the
 * whole workspace: a plain publish takes an optional note, a reviewed override needs one.
 */
export function PublishNoteActions({
  review,
  confirmLabel,
  testIds,
  disabled,
  autoFocus = false,
  onCancel,
  onSubmit,
}: PublishNoteActionsProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const noteLabel =
    review === 'content'
      ? t('publish.content.note')
      : review === 'scenarios'
        ? t('publish.gate.note')
        : t('publish.note');
  const placeholder =
    review === 'content'
      ? t('publish.content.notePlaceholder')
      : review === 'scenarios'
        ? t('publish.gate.notePlaceholder')
        : t('publish.notePlaceholder');
  return (
    <>
      <label className="field">
        <span>{noteLabel}</span>
        <input
          autoFocus={autoFocus}
          value={note}
          maxLength={500}
          placeholder={placeholder}
          onChange={(e) => setNote(e.target.value)}
          aria-label={noteLabel}
        />
      </label>
      <div className="row end">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        {review ? (
          <button
            type="button"
            className="danger"
            disabled={disabled || !note.trim()}
            onClick={() => onSubmit(note.trim())}
            data-testid={testIds.override}
          >
            {review === 'content' ? t('publish.content.override') : t('publish.gate.override')}
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={disabled}
            onClick={() => onSubmit(note.trim() || t('publish.defaultNote'))}
            data-testid={testIds.confirm}
          >
            {confirmLabel}
          </button>
        )}
      </div>
    </>
  );
}
