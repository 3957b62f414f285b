import { MessageCircleQuestionMark } from 'lucide-react';
import type { NodeView } from './node-view.js';
import { FollowUpPanel } from '../panels/FollowUpPanel.js';

export const followUpView: NodeView<'followUp'> = {
  icon: MessageCircleQuestionMark,
  Render: function FollowUpRender({ data }) {
    return <div className="reply-line">{data.question}</div>;
  },
  Panel: FollowUpPanel,
};
