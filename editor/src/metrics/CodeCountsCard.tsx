import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  counts: Record<string, number>;
  testId: string;
}

/** 拦截 or 警告: each reason code in the editor's words (`check.<CODE>`), most frequent first. */
export function CodeCountsCard({ label, counts, testId }: Props) {
  const { t } = useTranslation();
  const rows = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = rows.reduce((sum, [, n]) => sum + n, 0);
  return (
    <section className="metric-card wide" data-testid={testId} aria-label={label}>
      <h3>{label}</h3>
      <div className="metric-value">{total}</div>
      {rows.length === 0 ? (
        <div className="metric-detail">{t('metrics.none')}</div>
      ) : (
        <ul className="metric-list">
          {rows.map(([code, n]) => (
            <li key={code} title={code}>
              <span>{t(`check.${code}`, { defaultValue: code })}</span>
              <strong>{n}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
