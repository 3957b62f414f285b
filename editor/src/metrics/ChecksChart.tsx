import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricsPoint } from '../../../rules-schema/index.js';
import { bucketLabel } from './metrics-format.js';

/** Replies the checks blocked and warned about, per bucket, stacked. */
export function ChecksChart({ series }: { series: MetricsPoint[] }) {
  const { t } = useTranslation();
  const data = series.map((p) => ({ label: bucketLabel(p.bucket), blocked: p.blocked, warned: p.warned }));
  return (
    <figure className="metric-chart" data-testid="chart-checks">
      <figcaption>{t('metrics.chartChecks')}</figcaption>
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <Tooltip />
          <Legend />
          <Bar
            dataKey="blocked"
            stackId="checks"
            name={t('metrics.blocked')}
            fill="#d93025"
            isAnimationActive={false}
          />
          <Bar dataKey="warned" stackId="checks" name={t('metrics.warned')} fill="#f9ab00" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
