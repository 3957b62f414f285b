import { Download, RefreshCw } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricsResponse } from '../../../rules-schema/index.js';
import { metricsApi, type MetricsRequest } from '../api/metrics-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { ChecksChart } from './ChecksChart.js';
import { exportMetricsCsv } from './export-metrics-csv.js';
import { GroupByToggle } from './GroupByToggle.js';
import { MetricCards } from './MetricCards.js';
import {
  customDefault,
  groupByFor,
  hourlyAllowed,
  metricsPeriod,
  type GroupBy,
  type MetricsPeriodChoice,
} from './metrics-period.js';
import { MetricsPeriodPicker } from './MetricsPeriodPicker.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';
import { zoneDay } from '../time/zone-time.js';
import { TurnsChart } from './TurnsChart.js';
import './metrics.css';

interface Props {
  /** The clock the presets count days back from (tests pass a fixed one). */
  now?: () => number;
}

/**
 * 「数据」: the seed's numbers for a period (reply rate against 90 %, replies within 10 minutes and
 * an hour, first-response times, hand-offs, checks), charted per day or hour, and the series as CSV.
 */
export function MetricsView({ now = Date.now }: Props) {
  const { t } = useTranslation();
  const notify = useEditorStore((s) => s.notify);
  // Days are the account's: the policy's zone, which the server buckets the series by too.
  const timeZone = useAccountTimeZone();
  const [choice, setChoice] = useState<MetricsPeriodChoice>({ kind: 'last7' });
  const [picked, setPicked] = useState<GroupBy | null>(null);
  // A new object on each refresh, so the request (and the read) is made again even at the same instant.
  const [clock, setClock] = useState(() => ({ at: now() }));
  const [answer, setAnswer] = useState<MetricsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);

  const period = useMemo(() => metricsPeriod(choice, clock.at, timeZone), [choice, clock, timeZone]);
  const request = useMemo<MetricsRequest | null>(
    () => (period ? { ...period, groupBy: groupByFor(period, picked) } : null),
    [period, picked],
  );

  useEffect(() => {
    if (!request) return;
    let current = true;
    setLoading(true);
    setError(null);
    metricsApi
      .get(request)
      .then((m) => current && setAnswer(m))
      .catch((err: unknown) => current && setError(describeApiError(err, t)))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [request, t]);

  const exportCsv = async (r: MetricsRequest) => {
    setExporting(true);
    try {
      await exportMetricsCsv(r, zoneDay(r.from.getTime(), timeZone));
    } catch (err) {
      notify('error', describeApiError(err, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="metrics-view" data-testid="metrics-view">
      <div className="toolbar">
        <strong>{t('metrics.title')}</strong>
        <MetricsPeriodPicker
          value={choice}
          customDefault={customDefault(clock.at, timeZone)}
          onChange={(c) => {
            setChoice(c);
            setPicked(null);
          }}
        />
        {request && period ? (
          <GroupByToggle value={request.groupBy} hourly={hourlyAllowed(period)} onChange={setPicked} />
        ) : null}
        <span className="spacer" />
        <button
          type="button"
          onClick={() => setClock({ at: now() })}
          disabled={loading || !request}
          data-testid="metrics-refresh"
        >
          <RefreshCw size={13} className="icon" /> {t('metrics.refresh')}
        </button>
        <button
          type="button"
          onClick={() => request && void exportCsv(request)}
          disabled={exporting || !request}
          data-testid="metrics-export"
        >
          <Download size={13} className="icon" /> {t('metrics.exportCsv')}
        </button>
      </div>
      <p className="hint">{t('metrics.intro', { zone: timeZone })}</p>
      {!period ? <p className="error">{t('metrics.badPeriod')}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {answer === null ? (
        loading ? (
          <div className="splash">{t('common.loading')}</div>
        ) : null
      ) : (
        <>
          <MetricCards m={answer} />
          <div className="metric-charts">
            <TurnsChart series={answer.series} />
            <ChecksChart series={answer.series} />
          </div>
        </>
      )}
    </div>
  );
}
