import { Timer } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatClock, formatSpan } from '../sandbox/durations.js';
import { useTickingNow } from './use-ticking-now.js';

/**
 * The time left before the user's window closes, as a clock (`00:54:59`), re-rendered once a
 * second on its own: the row around it stays as it is.
 */
export function DeadlineCountdown({ deadline }: { deadline: string }) {
  const { t } = useTranslation();
  const at = Date.parse(deadline);
  const seconds = useTickingNow((now) => Math.max(0, Math.floor((at - now) / 1000)));
  return (
    <span
      className="deadline-countdown"
      data-testid="deadline-countdown"
      data-seconds={seconds}
      title={seconds > 0 ? t('queue.closesIn', { span: formatSpan(seconds, t) }) : undefined}
    >
      <Timer size={13} className="icon" /> {seconds > 0 ? formatClock(seconds) : t('queue.closed')}
    </span>
  );
}
