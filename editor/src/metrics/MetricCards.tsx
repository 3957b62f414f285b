import { useTranslation } from 'react-i18next';
import type { MetricsResponse } from '../../../rules-schema/index.js';
import { CodeCountsCard } from './CodeCountsCard.js';
import { formatSeconds, formatShare } from './metrics-format.js';
import { ReplyRateCard } from './ReplyRateCard.js';
import { StatCard } from './StatCard.js';
import { TopGroupsCard } from './TopGroupsCard.js';

/** The seed's numbers for one period (CONTRACT §12), one card each. */
export function MetricCards({ m }: { m: MetricsResponse }) {
  const { t } = useTranslation();
  const percentiles = (p: MetricsResponse['firstResponse']) =>
    `${t('metrics.median')} ${formatSeconds(p.medianSeconds, t)} / ${t('metrics.p90')} ${formatSeconds(p.p90Seconds, t)}`;
  return (
    <div className="metric-cards">
      <ReplyRateCard replyRate={m.replyRate} answered={m.answered} turns={m.turns} />
      <StatCard
        testId="metric-within-10m"
        label={t('metrics.within10m')}
        value={formatShare(m.answeredWithin['10m'])}
        detail={t('metrics.ofTurns')}
      />
      <StatCard
        testId="metric-within-1h"
        label={t('metrics.within1h')}
        value={formatShare(m.answeredWithin['1h'])}
        detail={t('metrics.ofTurns')}
      />
      <StatCard
        testId="metric-first-response"
        label={t('metrics.firstResponseAll')}
        value={percentiles(m.firstResponse)}
        detail={t('metrics.firstResponseAllDetail')}
      />
      <StatCard
        testId="metric-first-response-human"
        label={t('metrics.firstResponseHuman')}
        value={percentiles(m.human.firstResponse)}
        detail={t('metrics.firstResponseHumanDetail')}
      />
      <StatCard
        testId="metric-expired"
        label={t('metrics.expired')}
        value={m.expiredUnanswered}
        detail={t('metrics.expiredDetail')}
      />
      <StatCard
        testId="metric-replies"
        label={t('metrics.replies')}
        value={`${t('metrics.auto')} ${m.auto.replies} · ${t('metrics.human')} ${m.human.replies}`}
        detail={t('metrics.turnsCount', { count: m.turns })}
      />
      <StatCard
        testId="metric-handoffs"
        label={t('metrics.handoffs')}
        value={m.handoffs}
        detail={t('metrics.handoffsDetail')}
      />
      <StatCard
        testId="metric-unmatched"
        label={t('metrics.unmatched')}
        value={m.unmatched.messages}
        detail={t('metrics.unmatchedDetail')}
      />
      <CodeCountsCard testId="metric-blocked" label={t('metrics.blocked')} counts={m.blocked} />
      <CodeCountsCard testId="metric-warned" label={t('metrics.warned')} counts={m.warned} />
      <TopGroupsCard groups={m.topGroups} />
    </div>
  );
}
