import { MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeView } from './node-view.js';
import { ReplyPanel } from '../panels/ReplyPanel.js';
import { summarizeReply } from '../panels/reply-defaults.js';

export const replyView: NodeView<'reply'> = {
  icon: MessageSquareText,
  Render: function ReplyRender({ data }) {
    const { t } = useTranslation();
    return (
      <>
        {data.mode === 'random' ? <div className="muted">{t('reply.mode.random')}</div> : null}
        {data.replies.map((r, i) => (
          <div key={i} className="reply-line">
            {summarizeReply(r, t)}
          </div>
        ))}
      </>
    );
  },
  Panel: ReplyPanel,
};
