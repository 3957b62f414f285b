import { useTranslation } from 'react-i18next';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { MetricsPoint } from '../../../rules-schema/index.js';
import { bucketLabel, formatShare } from './metrics-format.js';
import { REPLY_RATE_TARGET } from './reply-rate-target.js';

/** Turns per bucket as bars, the reply rate as a line on a 0–100 % axis with the 90 % bar marked. */
export function TurnsChart({ series }: { series: MetricsPoint[] }) {
  const { t } = useTranslation();
  const data = series.map((p) => ({
    label: bucketLabel(p.bucket),
    turns: p.turns,
    replyRate: p.turns === 0 ? null : p.replyRate,
  }));
  return (
    <figure className="metric-chart" data-testid="chart-turns">
      <figcaption>{t('metrics.chartTurns')}</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={12} />
          <YAxis yAxisId="turns" allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
          <YAxis
            yAxisId="rate"
            orientation="right"
            domain={[0, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={{ fontSize: 11 }}
            width={44}
          />
          <Tooltip
            formatter={(value, name) =>
              name === t('metrics.replyRate') && typeof value === 'number' ? formatShare(value) : value
            }
          />
          <Legend />
          <ReferenceLine yAxisId="rate" y={REPLY_RATE_TARGET} stroke="#137333" strokeDasharray="4 4" />
          <Bar yAxisId="turns" dataKey="turns" name={t('metrics.turns')} fill="#9ec5fe" isAnimationActive={false} />
          {/* Buckets without turns have no rate: the line skips them rather than dropping to 0 %. */}
          <Line
            yAxisId="rate"
            dataKey="replyRate"
            name={t('metrics.replyRate')}
            stroke="#1a73e8"
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
