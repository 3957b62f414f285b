import { useTranslation } from 'react-i18next';
import type { NodePanelProps } from '../nodes/node-view.js';
import { ChipsInput } from '../keywords/ChipsInput.js';

/** Tags the user (for later conditions and for the agents). */
export function RecordTagPanel({ data, onChange }: NodePanelProps<'recordTag'>) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <label className="field">
        <span>{t('recordTag.tags')}</span>
        <ChipsInput values={data.tags} onChange={(tags) => onChange({ ...data, tags })} label={t('recordTag.tags')} />
      </label>
      <p className="hint">{t('recordTag.help')}</p>
    </div>
  );
}
