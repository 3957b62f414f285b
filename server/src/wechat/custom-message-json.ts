/**
 * The `message/custom/send` request body for a reply, in the exact field names of DOMAIN §1.5
 * (mediaId → media_id, picUrl → picurl, msgmenu head_content/list/tail_content …).
 */
import type { WireReply } from './wire-reply.js';

export type CustomMessage = { touser: string; msgtype: string } & Record<string, unknown>;

/**
 * @example customMessageJson('OPENID', {type:'image', mediaId:'M'})
 * // {touser:'OPENID', msgtype:'image', image:{media_id:'M'}}
 */
export function customMessageJson(to: string, reply: WireReply): CustomMessage {
  return { touser: to, msgtype: reply.type, [reply.type]: payloadOf(reply) };
}

function payloadOf(reply: WireReply): Record<string, unknown> {
  switch (reply.type) {
    case 'text':
      return { content: reply.content };
    case 'image':
    case 'voice':
    case 'mpnews':
      return { media_id: reply.mediaId };
    case 'video':
      return compact({
        media_id: reply.mediaId,
        thumb_media_id: reply.thumbMediaId,
        title: reply.title,
        description: reply.description,
      });
    case 'music':
      return compact({
        title: reply.title,
        description: reply.description,
        musicurl: reply.musicUrl,
        hqmusicurl: reply.hqMusicUrl,
        thumb_media_id: reply.thumbMediaId,
      });
    case 'news':
      return {
        articles: reply.articles.map((a) =>
          compact({ title: a.title, description: a.description, url: a.url, picurl: a.picUrl }),
        ),
      };
    case 'miniprogrampage':
      return { title: reply.title, appid: reply.appId, pagepath: reply.pagePath, thumb_media_id: reply.thumbMediaId };
    case 'msgmenu':
      return compact({
        head_content: reply.headContent,
        list: reply.items.map((i) => ({ id: i.id, content: i.content })),
        tail_content: reply.tailContent,
      });
  }
}

function compact(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
