/**
 * The passive reply (被动回复) XML of DOMAIN §2.4: the HTTP answer to a push. Only text,
 * image, voice, video, music and one-article news can be sent this way; other replies
 * (mpnews, miniprogrampage, msgmenu) go through the customer-service API instead.
 */
import type { WireReply } from './wire-reply.js';

export interface PassiveAddress {
  /** The user's OpenID (the push's FromUserName). */
  to: string;
  /** The account's original id (the push's ToUserName). */
  from: string;
  /** Epoch seconds. */
  createTime: number;
}

/**
 * @example passiveReplyXml({type:'text', content:'你好'}, {to:'oUser', from:'gh_1', createTime:12345678})
 * // '<xml><ToUserName><![CDATA[oUser]]></ToUserName>…<Content><![CDATA[你好]]></Content></xml>'
 * @returns null when the reply type has no passive form
 */
export function passiveReplyXml(reply: WireReply, address: PassiveAddress): string | null {
  const body = bodyOf(reply);
  if (body === null) return null;
  return [
    '<xml>',
    `<ToUserName>${cdata(address.to)}</ToUserName>`,
    `<FromUserName>${cdata(address.from)}</FromUserName>`,
    `<CreateTime>${Math.floor(address.createTime)}</CreateTime>`,
    `<MsgType>${cdata(reply.type)}</MsgType>`,
    body,
    '</xml>',
  ].join('\n');
}

function bodyOf(reply: WireReply): string | null {
  switch (reply.type) {
    case 'text':
      return `<Content>${cdata(reply.content)}</Content>`;
    case 'image':
      return `<Image>\n<MediaId>${cdata(reply.mediaId)}</MediaId>\n</Image>`;
    case 'voice':
      return `<Voice>\n<MediaId>${cdata(reply.mediaId)}</MediaId>\n</Voice>`;
    case 'video':
      return `<Video>\n${lines([
        ['MediaId', reply.mediaId],
        ['Title', reply.title],
        ['Description', reply.description],
      ])}\n</Video>`;
    case 'music':
      return `<Music>\n${lines([
        ['Title', reply.title],
        ['Description', reply.description],
        ['MusicUrl', reply.musicUrl],
        ['HQMusicUrl', reply.hqMusicUrl],
        ['ThumbMediaId', reply.thumbMediaId],
      ])}\n</Music>`;
    case 'news': {
      // One article: the limit for answers to user messages since 2018 (DOMAIN §2.5).
      const a = reply.articles[0];
      if (!a) return null;
      const item = lines([
        ['Title', a.title],
        ['Description', a.description],
        ['PicUrl', a.picUrl],
        ['Url', a.url],
      ]);
      return `<ArticleCount>1</ArticleCount>\n<Articles>\n<item>\n${item}\n</item>\n</Articles>`;
    }
    default:
      return null;
  }
}

function lines(fields: [string, string | undefined][]): string {
  return fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([name, value]) => `<${name}>${cdata(value)}</${name}>`)
    .join('\n');
}

/** CDATA cannot hold `]]>`: split it across two sections. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
