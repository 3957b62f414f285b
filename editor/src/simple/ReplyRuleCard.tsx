import type { Flow } from '../../../rules-schema/index.js';
import { useEditorStore } from '../store/editor-store.js';
import { CardFlowActions } from './CardFlowActions.js';
import type { ReplyRule } from './read-console-rules.js';
import { ReplyTexts } from './ReplyTexts.js';

export interface ReplyRuleCardProps {
  rule: ReplyRule;
  flow: Flow;
  canEdit: boolean;
  testId: string;
}

/** One 被关注回复 or 收到消息回复: the reply node after the trigger, its text edited in place. */
export function ReplyRuleCard({ rule, flow, canEdit, testId }: ReplyRuleCardProps) {
  const open = useEditorStore((s) => s.meta?.id === rule.flowId);
  return (
    <article className="simple-card" data-testid={testId}>
      <CardFlowActions flowId={rule.flowId} flowName={rule.flowName} nodeId={rule.replyNodeId} canEdit={canEdit} />
      <ReplyTexts flow={flow} replyNodeId={rule.replyNodeId} editable={open && canEdit} />
    </article>
  );
}
