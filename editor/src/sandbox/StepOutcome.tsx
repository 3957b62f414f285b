import type { Reply, SandboxStep } from '../../../rules-schema/index.js';
import type { StepReport } from '../api/sandbox-api.js';
import { ReplyBubble } from './ReplyBubble.js';
import { InboundOutcome } from './StepCard.js';

/** What one run of a step brought back, without the step itself: one side of a comparison. */
export function StepOutcome({ step, report }: { step: SandboxStep; report: StepReport | undefined }) {
  if (report?.kind === 'inbound') return <InboundOutcome report={report} />;
  if (report?.kind === 'reply' && step.reply) {
    // Parse boundary: the panel only writes text replies into reply steps.
    return (
      <ReplyBubble
        reply={step.reply as Reply}
        verdict={report.result.verdict}
        reasons={report.result.reasons}
        committed={report.result.committed}
        by="agent"
      />
    );
  }
  return null;
}
