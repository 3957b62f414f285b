import { useTranslation } from 'react-i18next';
import { formatShare } from './metrics-format.js';
import { meetsReplyRateTarget, REPLY_RATE_TARGET } from './reply-rate-target.js';

interface Props {
  replyRate: number;
  answered: number;
  turns: number;
}

/** 回复率 against the seed's 90 % bar: green at or over it, red under it (and grey with no turns). */
export function ReplyRateCard({ replyRate, answered, turns }: Props) {
  const { t } = useTranslation();
  const tone = turns === 0 ? 'none' : meetsReplyRateTarget(replyRate) ? 'good' : 'bad';
  return (
    <section
      className={`metric-card reply-rate ${tone}`}
      data-testid="metric-reply-rate"
      data-tone={tone}
      aria-label={t('metrics.replyRate')}
    >
      <h3>{t('metrics.replyRate')}</h3>
      <div className="metric-value">{turns === 0 ? '—' : formatShare(replyRate)}</div>
      <div
        className="rate-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(replyRate * 1000) / 10}
        aria-label={t('metrics.target', { target: formatShare(REPLY_RATE_TARGET) })}
      >
        <div className="rate-fill" style={{ width: `${Math.min(100, replyRate * 100)}%` }} />
        <div className="rate-target" style={{ left: `${REPLY_RATE_TARGET * 100}%` }} />
      </div>
      <div className="metric-detail">
        {t('metrics.replyRateDetail', { answered, turns })} ·{' '}
        {t('metrics.target', { target: formatShare(REPLY_RATE_TARGET) })}
      </div>
    </section>
  );
}
