import { MessageCircleQuestionMark } from 'lucide-react';
import type { NodeSpec } from './node-spec.js';
import { FollowUpPanel } from '../panels/FollowUpPanel.js';

export const followUpSpec: NodeSpec<'followUp'> = {
  kind: 'followUp',
  label: 'kind.followUp',
  hint: 'kindHint.followUp',
  icon: MessageCircleQuestionMark,
  color: '#5d4037',
  defaults: () => ({ question: '还有其他问题吗？' }),
  summary: (data) => data.question,
  Render: function FollowUpRender({ data }) {
    return <div className="reply-line">{data.question}</div>;
  },
  Panel: FollowUpPanel,
};
