import { useTranslation } from 'react-i18next';
import type { GroupBy } from './metrics-period.js';

interface Props {
  value: GroupBy;
  /** False when the period is longer than the server draws hour by hour (31 days). */
  hourly: boolean;
  onChange: (groupBy: GroupBy) => void;
}

/** 按天 / 按小时: chosen from the period's length until the operator picks one. */
export function GroupByToggle({ value, hourly, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <div className="period-picker" role="group" aria-label={t('metrics.groupBy')} data-testid="metrics-group-by">
      {(['hour', 'day'] as const).map((g) => (
        <button
          key={g}
          type="button"
          className={value === g ? 'active' : ''}
          aria-pressed={value === g}
          disabled={g === 'hour' && !hourly}
          title={g === 'hour' && !hourly ? t('metrics.hourTooLong') : undefined}
          data-testid={`metrics-group-${g}`}
          onClick={() => onChange(g)}
        >
          {t(`metrics.by.${g}`)}
        </button>
      ))}
    </div>
  );
}
