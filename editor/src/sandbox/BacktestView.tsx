import { ArrowRight } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sandboxApi, type BacktestReport } from '../api/sandbox-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { formatInstant } from './durations.js';
import { useAccountTimeZone } from '../time/use-account-time-zone.js';
import { fromZoneLocal, toZoneLocal } from '../time/zone-time.js';

// The summary's fields a backtest compares (its schema leaves the object open, so its keys are listed here).
const FIELDS = ['groups', 'replies', 'verdicts'] as const;

/** Replays stored messages of a period against the drafts and shows, user by user, what would change. */
export function BacktestView() {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const [from, setFrom] = useState(() => toZoneLocal(new Date(Date.now() - 7 * 86_400_000).toISOString(), timeZone));
  const [to, setTo] = useState(() => toZoneLocal(new Date().toISOString(), timeZone));
  const [report, setReport] = useState<BacktestReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  // The fields read on the account zone's clock; null while a field is empty.
  const fromInstant = fromZoneLocal(from, timeZone);
  const toInstant = fromZoneLocal(to, timeZone);
  const run = async (fromAt: string, toAt: string) => {
    setRunning(true);
    setError(null);
    try {
      setReport(await sandboxApi.backtest(fromAt, toAt));
    } catch (err) {
      setError(describeApiError(err, t));
    } finally {
      setRunning(false);
    }
  };
  const changedUsers = report?.users.filter((u) => u.changes.length > 0) ?? [];
  return (
    <section className="backtest" data-testid="backtest">
      <p className="hint">{t('sandbox.backtest.intro')}</p>
      <div className="row">
        <label className="inline-field">
          {t('sandbox.backtest.from')}
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-label={t('sandbox.backtest.from')}
          />
        </label>
        <label className="inline-field">
          {t('sandbox.backtest.to')}
          <input
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-label={t('sandbox.backtest.to')}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={running || !fromInstant || !toInstant}
          onClick={() => fromInstant && toInstant && void run(fromInstant, toInstant)}
          data-testid="backtest-run"
        >
          {running ? t('common.loading') : t('sandbox.backtest.run')}
        </button>
      </div>
      {error ? <p className="error">{error}</p> : null}
      {report ? (
        <>
          <p data-testid="backtest-summary">
            {t('sandbox.backtest.summary', {
              messages: report.messages,
              changed: report.changed,
              users: changedUsers.length,
            })}
          </p>
          {changedUsers.map((u) => (
            <details key={u.openid} className="backtest-user" open={changedUsers.length <= 3}>
              <summary>
                {u.openid} · {t('sandbox.backtest.userLine', { messages: u.messages, changes: u.changes.length })}
              </summary>
              {u.changes.map((c, i) => (
                <div key={i} className="backtest-change">
                  <div className="muted">
                    {formatInstant(c.at, i18n.language, timeZone)} · 「{c.content ?? '—'}」
                  </div>
                  <table className="plain">
                    <tbody>
                      {FIELDS.filter((f) => JSON.stringify(c.before[f]) !== JSON.stringify(c.after[f])).map((f) => (
                        <tr key={f}>
                          <th>{t(`sandbox.backtest.field.${f}`)}</th>
                          <td className="before">{show(c.before[f], f, t)}</td>
                          <td>
                            <ArrowRight size={13} />
                          </td>
                          <td className="after">{show(c.after[f], f, t)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
            </details>
          ))}
        </>
      ) : null}
    </section>
  );
}

function show(
  values: string[],
  field: (typeof FIELDS)[number],
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  if (values.length === 0) return t('sandbox.backtest.none');
  return field === 'verdicts'
    ? values.map((v) => t(`sandbox.verdict.${v}`, { defaultValue: v })).join('、')
    : values.join(' / ');
}
