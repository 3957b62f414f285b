import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { formatInstant, formatSpan } from './durations.js';
import { WindowCountdown } from './WindowCountdown.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** The presets operators need most: a click's minute, an hour, just before and just after 48 h. */
export const CLOCK_PRESETS: { key: string; ms: number }[] = [
  { key: 'm1', ms: MINUTE },
  { key: 'h1', ms: HOUR },
  { key: 'h47m50', ms: 47 * HOUR + 50 * MINUTE },
  { key: 'h48', ms: 48 * HOUR },
];

const UNITS = { m: MINUTE, h: HOUR, d: 24 * HOUR } as const;
const UNIT_KEYS: (keyof typeof UNITS)[] = ['m', 'h', 'd'];

/** The virtual clock: where it stands, moving it on, and the active user's window at that moment. */
export function ClockBar() {
  const { t, i18n } = useTranslation();
  const now = useEditorStore((s) => s.now);
  const pendingMs = useEditorStore((s) => s.pendingMs);
  const advanceClock = useEditorStore((s) => s.advanceClock);
  const [amount, setAmount] = useState('10');
  const [unit, setUnit] = useState<keyof typeof UNITS>('m');
  const custom = Number(amount) * UNITS[unit];
  return (
    <div className="clock-bar" data-testid="clock-bar">
      <div className="row">
        <strong>{t('sandbox.clock.now')}</strong>
        <span data-testid="virtual-now">{now ? formatInstant(now.at, i18n.language) : '—'}</span>
        {pendingMs > 0 ? <span className="muted">{t('sandbox.clock.pending', { span: formatSpan(pendingMs / 1000, t) })}</span> : null}
      </div>
      <div className="row">
        {CLOCK_PRESETS.map((p) => (
          <button key={p.key} type="button" className="small" onClick={() => advanceClock(p.ms)} data-testid={`clock-${p.key}`}>
            {t(`sandbox.clock.${p.key}`)}
          </button>
        ))}
        <input type="number" min={1} className="clock-amount" value={amount} onChange={(e) => setAmount(e.target.value)} aria-label={t('sandbox.clock.amount')} />
        <select value={unit} onChange={(e) => setUnit(UNIT_KEYS.find((u) => u === e.target.value) ?? 'm')} aria-label={t('sandbox.clock.unit')}>
          {UNIT_KEYS.map((u) => (
            <option key={u} value={u}>
              {t(`sandbox.clock.units.${u}`)}
            </option>
          ))}
        </select>
        <button type="button" className="small" disabled={!(custom > 0)} onClick={() => advanceClock(custom)}>
          {t('sandbox.clock.advance')}
        </button>
      </div>
      {now ? <WindowCountdown window={now.window} /> : null}
    </div>
  );
}
