import { useTranslation } from 'react-i18next';
import type { NodePanelProps } from '../nodes/node-view.js';

/** Remembers one preference of the user (a fixed value chosen here), for later conditions and for the agents. */
export function RecordPreferencePanel({ data, onChange }: NodePanelProps<'recordPreference'>) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <label className="field">
        <span>{t('recordPreference.key')}</span>
        <input value={data.key} maxLength={30} onChange={(e) => onChange({ ...data, key: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('recordPreference.value')}</span>
        <input value={data.value} maxLength={60} onChange={(e) => onChange({ ...data, value: e.target.value })} />
      </label>
      <p className="hint">{t('recordPreference.help')}</p>
    </div>
  );
}
