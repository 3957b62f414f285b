import type { TFunction } from 'i18next';
import type { Reply } from '../../../rules-schema/index.js';
import { REPLY_TYPES } from '../../../rules-schema/index.js';

export type ReplyType = (typeof REPLY_TYPES)[number];

/** A fresh reply of a type, with the fields an operator fills in. */
export function defaultReply(type: ReplyType): Reply {
  switch (type) {
    case 'text':
      return { type, content: '' };
    case 'image':
    case 'voice':
    case 'mpnews':
      return { type, mediaId: '' };
    case 'video':
      return { type, mediaId: '', title: '', description: '' };
    case 'news':
      return { type, articles: [{ title: '', description: '', url: '', picUrl: '' }] };
    case 'miniprogrampage':
      return { type, title: '', appId: '', pagePath: '', thumbMediaId: '' };
    case 'msgmenu':
      return { type, headContent: '', items: [{ id: '1', content: '' }], tailContent: '' };
  }
}

/** One line for the canvas. */
export function summarizeReply(reply: Reply, t: TFunction): string {
  switch (reply.type) {
    case 'text':
      return reply.content || t('reply.empty');
    case 'news':
      return `${t('replyType.news')}：${reply.articles[0]?.title ?? ''}`;
    case 'miniprogrampage':
      return `${t('replyType.miniprogrampage')}：${reply.title}`;
    case 'msgmenu':
      return `${t('replyType.msgmenu')}：${reply.items.map((i) => i.content).join(' / ')}`;
    case 'video':
      return `${t('replyType.video')}：${reply.title ?? reply.mediaId}`;
    default:
      return `${t(`replyType.${reply.type}`)}：${reply.mediaId}`;
  }
}
