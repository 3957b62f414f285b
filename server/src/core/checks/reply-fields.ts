/**
 * The text-bearing fields of a reply, each with its evidence name (`content`,
 * `articles/0/title`, `items/1/content`, …), so every check covers every field.
 */
import type { Reply } from '../../../../rules-schema/index.js';

export interface ReplyField {
  /** Evidence field name, a JSON pointer without the leading slash. */
  field: string;
  text: string;
  /** A link field (article `url`): checked as a link, not scanned for terms. */
  url: boolean;
}

/**
 * How much of one field the term checks read. The platform refuses text over 2048 bytes
 * (CONTENT_TOO_LONG, judged on the whole reply), so this prefix covers any sendable text while
 * keeping a hostile 1 MiB body from holding the event loop for seconds. Offsets stay exact.
 */
export const MAX_CHECKED_CHARS = 8192;

/**
 * @example replyFields({ type: 'text', content: '您好' }) // [{ field: 'content', text: '您好', url: false }]
 */
export function replyFields(reply: Reply): ReplyField[] {
  const fields: ReplyField[] = [];
  const add = (field: string, text: string | undefined, url = false): void => {
    if (text) fields.push({ field, text: text.slice(0, MAX_CHECKED_CHARS), url });
  };
  switch (reply.type) {
    case 'text':
      add('content', reply.content);
      break;
    case 'video':
      add('title', reply.title);
      add('description', reply.description);
      break;
    case 'news':
      reply.articles.forEach((article, i) => {
        add(`articles/${i}/title`, article.title);
        add(`articles/${i}/description`, article.description);
        add(`articles/${i}/url`, article.url, true);
      });
      break;
    case 'miniprogrampage':
      add('title', reply.title);
      break;
    case 'msgmenu':
      add('headContent', reply.headContent);
      reply.items.forEach((item, i) => add(`items/${i}/content`, item.content));
      add('tailContent', reply.tailContent);
      break;
    default:
      // image, voice, mpnews: a media id only, no text to check.
      break;
  }
  return fields;
}
