import { useTranslation } from 'react-i18next';
import type { MetricsPeriodChoice } from './metrics-period.js';

interface Props {
  value: MetricsPeriodChoice;
  /** The days a switch to 自定义 starts from (the last 7 days). */
  customDefault: { fromDay: string; toDay: string };
  onChange: (choice: MetricsPeriodChoice) => void;
}

const KINDS = ['today', 'last7', 'last30', 'custom'] as const;

/** 今天 / 近 7 天 / 近 30 天 / 自定义 (two calendar days, both included). */
export function MetricsPeriodPicker({ value, customDefault, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="period-picker" role="group" aria-label={t('metrics.period')} data-testid="metrics-period">
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className={value.kind === kind ? 'active' : ''}
          aria-pressed={value.kind === kind}
          data-testid={`metrics-period-${kind}`}
          onClick={() =>
            onChange(kind === 'custom' ? { kind, ...(value.kind === 'custom' ? value : customDefault) } : { kind })
          }
        >
          {t(`metrics.periods.${kind}`)}
        </button>
      ))}
      {value.kind === 'custom' ? (
        <>
          <input
            type="date"
            aria-label={t('metrics.fromDay')}
            value={value.fromDay}
            onChange={(e) => onChange({ ...value, fromDay: e.target.value })}
          />
          <span>—</span>
          <input
            type="date"
            aria-label={t('metrics.toDay')}
            value={value.toDay}
            onChange={(e) => onChange({ ...value, toDay: e.target.value })}
          />
        </>
      ) : null}
    </div>
  );
}
