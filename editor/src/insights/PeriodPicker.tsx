import { useTranslation } from 'react-i18next';
import type { PeriodChoice } from './missed-period.js';

interface Props {
  value: PeriodChoice;
  /** The days a switch to 自定义 starts from (the last 7 days). */
  customDefault: { fromDay: string; toDay: string };
  onChange: (choice: PeriodChoice) => void;
}

/** 近 7 天 / 近 30 天 / 自定义 (two calendar days, both included). */
export function PeriodPicker({ value, customDefault, onChange }: Props) {
  const { t } = useTranslation();
  const kinds = ['last7', 'last30', 'custom'] as const;
  return (
    <div className="period-picker" role="group" aria-label={t('missed.period')} data-testid="period-picker">
      {kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          className={value.kind === kind ? 'active' : ''}
          aria-pressed={value.kind === kind}
          data-testid={`period-${kind}`}
          onClick={() =>
            onChange(kind === 'custom' ? { kind, ...(value.kind === 'custom' ? value : customDefault) } : { kind })
          }
        >
          {t(`missed.periods.${kind}`)}
        </button>
      ))}
      {value.kind === 'custom' ? (
        <>
          <input
            type="date"
            aria-label={t('missed.fromDay')}
            value={value.fromDay}
            onChange={(e) => onChange({ ...value, fromDay: e.target.value })}
          />
          <span>—</span>
          <input
            type="date"
            aria-label={t('missed.toDay')}
            value={value.toDay}
            onChange={(e) => onChange({ ...value, toDay: e.target.value })}
          />
        </>
      ) : null}
    </div>
  );
}
