import { useTranslation } from 'react-i18next';
import type { Reply, SandboxStep } from '../../../rules-schema/index.js';
import type { StepReport } from '../api/sandbox-api.js';
import { summarizeReply } from '../panels/reply-defaults.js';
import { describeInbound } from './StepCard.js';
import { stepDifferences } from './step-differences.js';
import { StepOutcome } from './StepOutcome.js';

export interface CompareStepRowProps {
  index: number;
  step: SandboxStep;
  drafts: StepReport | undefined;
  live: StepReport | undefined;
  /** The user's display name (nickname, else the id). */
  who: string;
}

/** One step run on the drafts and on what is live, side by side; marked 「不同」 where the outcomes differ. */
export function CompareStepRow({ index, step, drafts, live, who }: CompareStepRowProps) {
  const { t } = useTranslation();
  const differences = stepDifferences(drafts, live);
  const differs = differences.length > 0;
  // Parse boundary: the panel only writes text replies into reply steps.
  const said = step.inbound
    ? describeInbound(step.inbound, t)
    : step.reply
      ? summarizeReply(step.reply as Reply, t)
      : '';
  return (
    <li className={`compare-row${differs ? ' differs' : ''}`} data-testid="compare-row" data-differs={differs}>
      <div className="step-head">
        <span className="muted">#{index + 1}</span>
        <span className="compare-said">
          {step.inbound ? `${who}：${said}` : `${t('sandbox.by.agent')} → ${who}：${said}`}
        </span>
        <span className="spacer" />
        {differs ? (
          <span className="badge differs-badge" data-testid="differs-badge">
            {t('sandbox.source.differs')}
          </span>
        ) : null}
      </div>
      {differs ? (
        <div className="muted compare-what">
          {t('sandbox.source.differsIn', {
            list: differences.map((d) => t(`sandbox.source.what.${d}`)).join(t('sandbox.listSeparator')),
          })}
        </div>
      ) : null}
      <div className="compare-cells">
        <div className="compare-cell" data-testid="compare-drafts">
          <StepOutcome step={step} report={drafts} />
        </div>
        <div className="compare-cell" data-testid="compare-live">
          <StepOutcome step={step} report={live} />
        </div>
      </div>
    </li>
  );
}
