import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwaitingUser } from '../api/conversations-api.js';
import { formatInstant } from '../sandbox/durations.js';
import { useClosesSoon } from './closes-soon.js';
import { DeadlineCountdown } from './DeadlineCountdown.js';
import { messageText } from './message-text.js';
import { UserChips } from './UserChips.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';

/** Messages a row shows; the reply box shows all the server sent. */
const ROW_MESSAGES = 2;

export interface QueueRowProps {
  user: AwaitingUser;
  selected: boolean;
  onSelect: (openid: string) => void;
}

/**
 * One waiting user: who, since when, what they said last, a live countdown, and a highlight once
 * the window closes within the hour. Memoized: the list re-renders rows only when a page arrives.
 */
export const QueueRow = memo(function QueueRow({ user, selected, onSelect }: QueueRowProps) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const closing = useClosesSoon(user.deadline);
  const name = user.nickname ?? user.openid;
  const className = ['queue-row', closing ? 'closing' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
  return (
    <li
      className={className}
      data-testid="queue-row"
      data-openid={user.openid}
      data-closing={closing}
      onClick={() => onSelect(user.openid)}
    >
      <div className="queue-row-head">
        {/* The whole row selects on click; the button is its keyboard and screen-reader handle (its click bubbles to the row). */}
        <button type="button" className="link queue-name" aria-pressed={selected}>
          {name}
        </button>
        {user.nickname ? <span className="muted small-code">{user.openid}</span> : null}
        {user.handoff ? (
          <span className="queue-badge handoff" data-testid="handoff-badge">
            {t('queue.handoff')}
          </span>
        ) : null}
        {closing ? (
          <span className="queue-badge closing" data-testid="closing-badge">
            {t('queue.closingSoon')}
          </span>
        ) : null}
        <span className="spacer" />
        <DeadlineCountdown deadline={user.deadline} />
      </div>
      <div className="muted queue-since">
        {t('queue.waitingSince', { at: formatInstant(user.waitingSince, i18n.language, timeZone) })}
      </div>
      <ul className="queue-messages">
        {user.lastMessages.slice(-ROW_MESSAGES).map((m, i) => (
          <li key={m.msgId ?? i}>{messageText(m, t)}</li>
        ))}
      </ul>
      <UserChips topics={user.topics} tags={user.tags} preferences={user.preferences ?? {}} />
    </li>
  );
});
