import type { NodeSpec } from './node-spec.js';
import { summarizeReply } from '../panels/reply-defaults.js';

export const replySpec: NodeSpec<'reply'> = {
  kind: 'reply',
  label: 'kind.reply',
  hint: 'kindHint.reply',
  color: '#ef6c00',
  defaults: () => ({ mode: 'all', replies: [{ type: 'text', content: '您好，{{nickname}}' }] }),
  summary: (data, { t }) => (data.replies[0] ? summarizeReply(data.replies[0], t) : t('reply.empty')),
};
