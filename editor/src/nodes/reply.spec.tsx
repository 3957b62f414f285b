import { MessageSquareText } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { ReplyPanel } from '../panels/ReplyPanel.js';
import { summarizeReply } from '../panels/reply-defaults.js';

export const replySpec: NodeSpec<'reply'> = {
  kind: 'reply',
  label: 'kind.reply',
  hint: 'kindHint.reply',
  icon: MessageSquareText,
  color: '#ef6c00',
  defaults: () => ({ mode: 'all', replies: [{ type: 'text', content: '您好，{{nickname}}' }] }),
  summary: (data, { t }) => (data.replies[0] ? summarizeReply(data.replies[0], t) : t('reply.empty')),
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
