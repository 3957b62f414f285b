import { useTranslation } from 'react-i18next';
import type { NodePanelProps } from '../nodes/node-view.js';

/** Hands the conversation to a person. */
export function HandoffPanel({ data, onChange }: NodePanelProps<'handoff'>) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <label className="field">
        <span>{t('handoff.queue')}</span>
        <input
          value={data.queue ?? ''}
          maxLength={64}
          placeholder={t('handoff.queuePlaceholder')}
          onChange={(e) => onChange({ ...data, queue: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('handoff.reason')}</span>
        <textarea
          value={data.reason ?? ''}
          maxLength={200}
          rows={3}
          onChange={(e) => onChange({ ...data, reason: e.target.value })}
        />
      </label>
      <p className="hint">{t('handoff.help')}</p>
    </div>
  );
}
