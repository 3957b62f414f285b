import { useTranslation } from 'react-i18next';
import type { SandboxStep, UserProfile } from '../../../rules-schema/index.js';
import type { Expectation, StepReport } from '../api/sandbox-api.js';
import { StepCard } from './StepCard.js';

export interface StepListProps {
  steps: SandboxStep[];
  reports: StepReport[];
  users: Record<string, UserProfile>;
  /** The step lit on the canvas. */
  litIndex: number | null;
  onLight: (index: number) => void;
  onRemove: (index: number) => void;
  onExpect: (index: number, expect: Expectation | undefined) => void;
}

/** The session as a chat: each step with its replies, verdicts, window and expectation. */
export function StepList({ steps, reports, users, litIndex, onLight, onRemove, onExpect }: StepListProps) {
  const { t } = useTranslation();
  if (steps.length === 0)
    return (
      <p className="hint" data-testid="steps-empty">
        {t('sandbox.empty')}
      </p>
    );
  return (
    <ol className="step-list" data-testid="step-list">
      {steps.map((step, i) => {
        const userId = step.inbound?.from ?? step.to ?? '';
        return (
          <StepCard
            key={i}
            index={i}
            step={step}
            report={reports[i]}
            who={users[userId]?.nickname?.trim() || userId}
            lit={litIndex === i}
            onLight={() => onLight(i)}
            onRemove={() => onRemove(i)}
            onExpect={(e) => onExpect(i, e)}
          />
        );
      })}
    </ol>
  );
}

/** Which step is lit: the chosen one, else the last inbound step. */
export function litIndexOf(litStep: number | null, reports: StepReport[]): number | null {
  if (litStep !== null) return litStep;
  for (let i = reports.length - 1; i >= 0; i--) if (reports[i]?.kind === 'inbound') return i;
  return null;
}
