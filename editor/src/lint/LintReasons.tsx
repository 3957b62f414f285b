import { useTranslation } from 'react-i18next';
import type { LiveLint } from './use-live-lint.js';

/** The verdict and each reason in plain words, as the server phrased them. */
export function LintReasons({ lint }: { lint: LiveLint }) {
  const { t } = useTranslation();
  const { result, pending, failed } = lint;
  if (failed) return <div className="lint lint-failed">{t('lint.unavailable')}</div>;
  if (!result) return pending ? <div className="lint muted">{t('lint.checking')}</div> : null;
  return (
    <div className={`lint lint-${result.verdict}`} data-testid="lint-result" data-verdict={result.verdict} aria-live="polite">
      <div className="lint-verdict">
        {t(`lint.verdict.${result.verdict}`)}
        {pending ? <span className="muted"> · {t('lint.checking')}</span> : null}
      </div>
      {result.reasons.length > 0 ? (
        <ul className="lint-reasons">
          {result.reasons.map((r, i) => (
            <li key={i} className={`reason reason-${r.severity}`} data-code={r.code}>
              <strong>{t(`severity.${r.severity}`)}</strong> {r.message}
              {r.evidence?.text ? <span className="evidence">「{r.evidence.text}」</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
