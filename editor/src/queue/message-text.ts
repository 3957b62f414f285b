import type { TFunction } from 'i18next';
import type { InboundMessage } from '../../../rules-schema/index.js';

/**
 * A user's message as one line for the queue: the text itself, or its kind in brackets.
 * @example messageText({ from: 'o1', type: 'image', picUrl: '…' }, t) // '[图片]'
 */
export function messageText(message: InboundMessage, t: TFunction): string {
  const kind = `[${t(`messageType.${message.type}`)}]`;
  switch (message.type) {
    case 'text':
      return message.content ?? '';
    case 'event':
      return `[${t(`event.${message.event ?? ''}`, { defaultValue: message.event ?? kind })}]`;
    case 'link':
      return `${kind} ${message.title ?? message.url ?? ''}`.trim();
    case 'location':
      return `${kind} ${message.label ?? ''}`.trim();
    default:
      return kind;
  }
}
