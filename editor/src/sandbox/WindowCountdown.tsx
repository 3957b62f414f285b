import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { WindowView } from '../api/sandbox-api.js';
import { formatClock, formatSpan } from './durations.js';
import { sendableLeft } from './sendable-left.js';
import type { ReplyCounters } from '../../../rules-schema/index.js';

/**
 * The interaction window at a virtual instant: its state, the time left as a countdown
 * (`remainingSeconds` at that instant) and how many replies may still go (see {@link sendableLeft}).
 * Without counters a compact card leaves the number out: the platform quota alone would overstate it.
 */
export function WindowCountdown({
  window,
  counters,
  compact = false,
}: {
  window: WindowView;
  counters?: ReplyCounters;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const live = window.state === 'open' || window.state === 'closing';
  const seconds = live ? window.remainingSeconds : 0;
  return (
    <div
      className={`window-countdown window-${window.state}${compact ? ' compact' : ''}`}
      data-testid="window-countdown"
      data-state={window.state}
    >
      <span className="window-state">{t(`conditionValue.windowState.${window.state}`)}</span>
      {live ? (
        <>
          <span className="countdown" title={formatSpan(seconds, t)} data-seconds={seconds}>
            <Timer size={13} className="icon" /> <span data-testid="countdown-clock">{formatClock(seconds)}</span>
          </span>
          {!compact ? (
            <span className="muted">{t('sandbox.window.left', { span: formatSpan(seconds, t) })}</span>
          ) : null}
          {counters || !compact ? (
            <span
              className="quota"
              data-testid="quota-left"
              title={
                counters
                  ? t('sandbox.window.quotaWhy', {
                      platform: window.quota.left,
                      etiquette: Math.max(0, counters.maxRepliesPerInteraction - counters.repliesSinceInteraction),
                    })
                  : t('sandbox.window.quotaPlatform')
              }
            >
              {t('sandbox.window.quota', { count: sendableLeft(window, counters) })}
            </span>
          ) : null}
        </>
      ) : !compact ? (
        <span className="muted">{t(`sandbox.window.explain.${window.state}`)}</span>
      ) : null}
    </div>
  );
}
