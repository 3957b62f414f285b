import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '../../../rules-schema/index.js';

export type Severity = (typeof SEVERITIES)[number];

/** Block / warn, or an empty choice that keeps the inherited severity (its label says which). */
export function SeveritySelect({
  label,
  value,
  inheritLabel,
  onChange,
}: {
  label: string;
  value: Severity | undefined;
  inheritLabel: string;
  onChange: (severity: Severity | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || undefined) as Severity | undefined)}
    >
      <option value="">{inheritLabel}</option>
      {SEVERITIES.map((s) => (
        <option key={s} value={s}>
          {t(`severity.${s}`)}
        </option>
      ))}
    </select>
  );
}
