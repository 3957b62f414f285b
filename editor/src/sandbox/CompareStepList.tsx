import { useTranslation } from 'react-i18next';
import type { SandboxStep, UserProfile } from '../../../rules-schema/index.js';
import type { StepReport } from '../api/sandbox-api.js';
import { CompareStepRow } from './CompareStepRow.js';
import { stepDifferences } from './step-differences.js';

export interface CompareStepListProps {
  steps: SandboxStep[];
  drafts: StepReport[];
  live: StepReport[];
  users: Record<string, UserProfile>;
  /** The live workspace version the right column ran; null: not known yet. */
  liveVersion: number | null;
  /** Why the right column did not run (nothing published yet); the drafts still show. */
  liveError?: string | null;
}

/** 对比: the session run on the drafts (left) and on what is live (right), so an operator sees what publishing would change. */
export function CompareStepList({ steps, drafts, live, users, liveVersion, liveError = null }: CompareStepListProps) {
  const { t } = useTranslation();
  if (steps.length === 0)
    return (
      <p className="hint" data-testid="steps-empty">
        {t('sandbox.empty')}
      </p>
    );
  const ran = drafts.length > 0 && live.length > 0;
  const changed = steps.filter((_, i) => stepDifferences(drafts[i], live[i]).length > 0).length;
  return (
    <div className="compare" data-testid="compare">
      {ran ? (
        <p className={changed ? 'hint warn' : 'hint'} data-testid="compare-summary">
          {changed ? t('sandbox.source.changed', { count: changed }) : t('sandbox.source.same')}
        </p>
      ) : null}
      <div className="compare-cells compare-columns">
        <strong data-testid="compare-drafts-title">{t('sandbox.source.draftsColumn')}</strong>
        <strong data-testid="compare-live-title">
          {liveVersion === null
            ? t('sandbox.source.liveColumnNoVersion')
            : t('sandbox.source.liveColumn', { version: liveVersion })}
        </strong>
      </div>
      {liveError ? (
        <p className="hint warn" data-testid="compare-live-error">
          {t('sandbox.source.liveFailed', { message: liveError })}
        </p>
      ) : null}
      <ol className="step-list" data-testid="compare-list">
        {steps.map((step, i) => {
          const userId = step.inbound?.from ?? step.to ?? '';
          return (
            <CompareStepRow
              key={i}
              index={i}
              step={step}
              drafts={drafts[i]}
              live={live[i]}
              who={users[userId]?.nickname?.trim() || userId}
            />
          );
        })}
      </ol>
    </div>
  );
}
