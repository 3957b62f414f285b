import { RefreshCw } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissedKeywords } from '../../../rules-schema/index.js';
import { insightsApi } from '../api/insights-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { MissedClusterCard } from './MissedClusterCard.js';
import { dayInput, missedPeriod, type PeriodChoice } from './missed-period.js';
import { PeriodPicker } from './PeriodPicker.js';
import './insights.css';

/**
 * 「未命中的问题」: what users asked that no keyword group caught, grouped by the word they share,
 * so an operator can add that word to a group (the seed's 用户只发“退钱”，系统就识别不了).
 * `now` is the clock the presets count back from (tests pass their own).
 */
export function MissedKeywordsView({ now = Date.now }: { now?: () => number }) {
  const { t } = useTranslation();
  const role = useEditorStore((s) => s.me?.role);
  const canEdit = role === 'admin' || role === 'editor';
  const [choice, setChoice] = useState<PeriodChoice>({ kind: 'last7' });
  const [answer, setAnswer] = useState<MissedKeywords | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [customDefault] = useState(() => {
    const at = now();
    return { fromDay: dayInput(new Date(at - 6 * 86_400_000)), toDay: dayInput(new Date(at)) };
  });
  // A new object on each refresh, so 最近 7 天 ends at the refresh, not at the first load.
  const [clock, setClock] = useState(() => ({ at: now() }));
  const period = useMemo(() => missedPeriod(choice, clock.at), [choice, clock]);

  const load = useCallback(async () => {
    if (!period) return;
    setLoading(true);
    setError(null);
    try {
      setAnswer(await insightsApi.missedKeywords(period.from, period.to));
    } catch (err) {
      setError(describeApiError(err, t));
    } finally {
      setLoading(false);
    }
  }, [period, t]);
  useEffect(() => void load(), [load]);

  return (
    <div className="missed-view" data-testid="missed-view">
      <div className="toolbar">
        <strong>{t('missed.title')}</strong>
        <PeriodPicker value={choice} customDefault={customDefault} onChange={setChoice} />
        <span className="spacer" />
        <button
          type="button"
          onClick={() => setClock({ at: now() })}
          disabled={loading || !period}
          data-testid="missed-refresh"
        >
          <RefreshCw size={13} className="icon" /> {t('missed.refresh')}
        </button>
      </div>
      <p className="hint">{t('missed.intro')}</p>
      {!period ? <p className="error">{t('missed.badPeriod')}</p> : null}
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
          <p className="muted" data-testid="missed-summary">
            {t('missed.summary', { scanned: answer.scanned, clusters: answer.clusters.length })}
            {answer.unclustered > 0 ? ` ${t('missed.unclustered', { count: answer.unclustered })}` : ''}
            {answer.truncated ? ` ${t('missed.truncated', { max: answer.maxScanned })}` : ''}
          </p>
          {answer.clusters.length === 0 ? (
            <p className="empty" data-testid="missed-empty">
              {t('missed.empty')}
            </p>
          ) : (
            <ul className="missed-list">
              {answer.clusters.map((cluster) => (
                // A new answer starts each card afresh (its group choice follows the new suggestion).
                <MissedClusterCard
                  key={`${answer.from}|${answer.to}|${cluster.label}`}
                  cluster={cluster}
                  canEdit={canEdit}
                />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
