import { useTranslation } from 'react-i18next';
import { KEYWORD_ANSWERS, type KeywordAnswers } from '../../../rules-schema/index.js';

/** How the flow answers a message that matches several of its keyword groups: one answer (the default) or every group. */
export function KeywordAnswersField({
  value,
  onChange,
}: {
  value: KeywordAnswers;
  onChange: (value: NonNullable<KeywordAnswers>) => void;
}) {
  const { t } = useTranslation();
  const chosen = value ?? 'one';
  return (
    <fieldset>
      <legend>{t('flow.keywordAnswers.label')}</legend>
      {KEYWORD_ANSWERS.map((mode) => (
        <label key={mode} className="check">
          <input type="radio" name="keyword-answers" checked={chosen === mode} onChange={() => onChange(mode)} />
          {t(`flow.keywordAnswers.${mode}`)}
        </label>
      ))}
      <p className="hint">{t(`flow.keywordAnswers.${chosen}Hint`)}</p>
    </fieldset>
  );
}
