import { useTranslation } from 'react-i18next';
import type { NodePanelProps } from '../nodes/node-view.js';
import { LintedText } from '../lint/LintedText.js';

/** Asks the user one more question (it counts as one message sent). */
export function FollowUpPanel({ data, onChange }: NodePanelProps<'followUp'>) {
  const { t } = useTranslation();
  return (
    <div className="panel-body">
      <LintedText
        label={t('followUp.question')}
        value={data.question}
        maxLength={600}
        onChange={(question) => onChange({ ...data, question })}
      />
      <p className="hint">{t('followUp.help')}</p>
    </div>
  );
}
