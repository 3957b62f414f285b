import { Lightbulb } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../icons/StatusIcon.js';
import type { LintReason, LintRewrite } from '../api/documents-api.js';
import { describeReason } from './describe-reason.js';
import type { LiveLint } from './use-live-lint.js';

export interface LintReasonsProps {
  lint: LiveLint;
  /**
   * The click handler that applies a rewrite to the draft, or undefined where this view cannot
   * (another field, or a view of a sent message). Without it no 「一键改写」 button shows.
   */
  rewriteFor?: (rewrite: LintRewrite) => (() => void) | undefined;
}

/** The verdict and each reason in plain words, as the server phrased them, with its suggestion. */
export function LintReasons({ lint, rewriteFor }: LintReasonsProps) {
  const { t, i18n } = useTranslation();
  const { result, pending, failed } = lint;
  if (failed) return <div className="lint lint-failed">{t('lint.unavailable')}</div>;
  if (!result) return pending ? <div className="lint muted">{t('lint.checking')}</div> : null;
  return (
    <div
      className={`lint lint-${result.verdict}`}
      data-testid="lint-result"
      data-verdict={result.verdict}
      aria-live="polite"
    >
      <div className="lint-verdict">
        <StatusIcon status={result.verdict} /> {t(`lint.verdict.${result.verdict}`)}
        {pending ? <span className="muted"> · {t('lint.checking')}</span> : null}
      </div>
      {result.reasons.length > 0 ? (
        <ul className="lint-reasons">
          {result.reasons.map((r, i) => (
            <li key={i} className={`reason reason-${r.severity}`} data-code={r.code}>
              <strong>{t(`severity.${r.severity}`)}</strong> {describeReason(r, i18n.language)}
              {r.evidence?.text ? <span className="evidence">「{r.evidence.text}」</span> : null}
              {/* A rewrite belongs to the text that was checked: none applies while a newer one waits. */}
              <Suggestion reason={r} apply={pending ? undefined : rewriteFor} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Suggestion({ reason, apply }: { reason: LintReason; apply: LintReasonsProps['rewriteFor'] }) {
  const { t } = useTranslation();
  const s = reason.suggestion;
  if (!s) return null;
  const onClick = s.kind === 'rewrite' ? apply?.(s) : undefined;
  return (
    <div className="suggestion" data-testid="lint-suggestion">
      <Lightbulb size={13} className="icon" /> {t('lint.suggestion')}：{s.message}
      {onClick && s.kind === 'rewrite' ? (
        <button type="button" className="small" onClick={onClick} title={t('lint.rewriteTo', { text: s.text })}>
          {t('lint.applyRewrite')}
        </button>
      ) : null}
    </div>
  );
}
