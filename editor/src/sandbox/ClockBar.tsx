import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { formatInstant, formatSpan, parseTypedDuration } from './durations.js';
import { WindowCountdown } from './WindowCountdown.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The presets operators need most: a click's minute, an hour, just before and just after 48 h. */
export const CLOCK_PRESETS: { key: string; ms: number }[] = [
  { key: 'm1', ms: MINUTE },
  { key: 'h1', ms: HOUR },
  { key: 'h47m50', ms: 47 * HOUR + 50 * MINUTE },
  { key: 'h48', ms: 48 * HOUR },
];

/** The virtual clock: where it stands, moving it on, and the active user's window at that moment. */
export function ClockBar() {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const now = useEditorStore((s) => s.now);
  const pendingMs = useEditorStore((s) => s.pendingMs);
  const advanceClock = useEditorStore((s) => s.advanceClock);
  const [amount, setAmount] = useState('10m');
  const typed = parseTypedDuration(amount);
  const bad = amount.trim() !== '' && typed === null;
  const advance = () => {
    if (typed !== null) advanceClock(typed);
  };
  return (
    <div className="clock-bar" data-testid="clock-bar">
      <div className="row">
        <strong>{t('sandbox.clock.now')}</strong>
        <span data-testid="virtual-now">{now ? formatInstant(now.at, i18n.language, timeZone) : '—'}</span>
        {pendingMs > 0 ? (
          <span className="muted">{t('sandbox.clock.pending', { span: formatSpan(pendingMs / 1000, t) })}</span>
        ) : null}
      </div>
      <div className="row">
        {CLOCK_PRESETS.map((p) => (
          <button
            key={p.key}
            type="button"
            className="small"
            onClick={() => advanceClock(p.ms)}
            data-testid={`clock-${p.key}`}
          >
            {t(`sandbox.clock.${p.key}`)}
          </button>
        ))}
      </div>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          advance();
        }}
      >
        <input
          className="clock-amount"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          placeholder={t('sandbox.clock.amountPlaceholder')}
          aria-label={t('sandbox.clock.amount')}
          aria-invalid={bad}
          title={t('sandbox.clock.badAmount')}
          data-testid="clock-amount"
        />
        <button type="submit" className="small" disabled={typed === null} data-testid="clock-advance">
          {t('sandbox.clock.advance')}
        </button>
        {typed !== null ? (
          <span className="muted">= {formatSpan(typed / 1000, t)}</span>
        ) : bad ? (
          <span className="error small-text">{t('sandbox.clock.badAmount')}</span>
        ) : null}
      </form>
      {now ? <WindowCountdown window={now.window} counters={now.counters} /> : null}
    </div>
  );
}
