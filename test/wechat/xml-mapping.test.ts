/** Push XML parsing (refusals, entities) and the six passive reply formats of DOMAIN §2.4. */
import { describe, expect, it } from 'vitest';
import { parsePushXml } from '../../server/src/wechat/parse-push-xml.js';
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS, readBoundedXml } from '../../server/src/wechat/read-bounded-xml.js';
import { passiveReplyXml } from '../../server/src/wechat/passive-reply-xml.js';

const to = { to: 'toUser', from: 'fromUser', createTime: 12345678 };
const head = (type: string) =>
  `<xml>\n<ToUserName><![CDATA[toUser]]></ToUserName>\n<FromUserName><![CDATA[fromUser]]></FromUserName>\n<CreateTime>12345678</CreateTime>\n<MsgType><![CDATA[${type}]]></MsgType>\n`;

describe('parsePushXml', () => {
  it('keeps 64-bit MsgIds as strings and reads nested event info', () => {
    const p = parsePushXml(
      '<xml><MsgId>6054768590064713728</MsgId><ScanCodeInfo><ScanResult><![CDATA[1]]></ScanResult></ScanCodeInfo></xml>',
    );
    expect(p).toEqual({ MsgId: '6054768590064713728', ScanCodeInfo: { ScanResult: '1' } });
  });
  it('decodes only the predefined entities and character references, never declared ones', () => {
    expect(parsePushXml('<xml><Content>a &amp; b &lt;c&gt; &#20320;&#x597D; &foo;</Content></xml>')).toEqual({
      Content: 'a & b <c> 你好 &foo;',
    });
    expect(parsePushXml('<xml><Content><![CDATA[&amp; stays]]></Content></xml>')).toEqual({ Content: '&amp; stays' });
  });
  it.each([
    '<!DOCTYPE xml><xml/>',
    '<?xml version="1.0"?>\n<!doctype xml [<!ENTITY a "b">]><xml><A>&a;</A></xml>',
    '<xml><!ENTITY a "b"><A>x</A></xml>',
    '<xml><![CDATA[x]]><!ELEMENT a ANY></xml>',
  ])('refuses declarations: %s', (xml) => {
    expect(() => parsePushXml(xml)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
  it.each([
    '<xml><a></xml>',
    '<root><a>1</a></root>',
    '',
    '<xml>',
    '<xml></xml><xml></xml>',
    'x<xml/>',
    '<xml><a b="></a></xml>',
    '<xml><1a>x</1a></xml>',
    '<xml><![CDATA[x</xml>',
    '<xml><!-- x</xml>',
  ])('refuses malformed XML and a missing <xml> root: %s', (xml) => {
    expect(() => parsePushXml(xml)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
  it('ignores attributes (quoted ">" included), comments, processing instructions and whitespace; joins text and CDATA in order', () => {
    const xml = `<?xml version="1.0"?>\n<!-- a push -->\n<xml a='1' b="x>y"><ToUserName t="1"> gh </ToUserName><Empty/><Content>a <![CDATA[ b ]]> c</Content></xml>\n`;
    expect(parsePushXml(xml)).toEqual({ ToUserName: 'gh', Empty: '', Content: 'a b c' });
  });
  it('keeps the first of a repeated tag and never sets a prototype', () => {
    const p = parsePushXml('<xml><A>1</A><A>2</A><__proto__><MsgType>text</MsgType></__proto__></xml>');
    expect(p).toEqual({ A: '1' });
    expect(p['MsgType']).toBeUndefined();
  });
});

describe('readBoundedXml bounds', () => {
  const nest = (n: number) => `<xml>${'<a>'.repeat(n - 1)}x${'</a>'.repeat(n - 1)}</xml>`;
  it(`accepts ${MAX_XML_DEPTH} levels and refuses one more, without recursion (8,000 levels)`, () => {
    expect(readBoundedXml(nest(MAX_XML_DEPTH)).ok).toBe(true);
    expect(readBoundedXml(nest(MAX_XML_DEPTH + 1))).toEqual({
      ok: false,
      reason: expect.stringContaining(`${MAX_XML_DEPTH}`),
    });
    expect(readBoundedXml(nest(8000)).ok).toBe(false);
  });
  it(`refuses more than ${MAX_XML_ELEMENTS} elements`, () => {
    expect(readBoundedXml(`<xml>${'<a/>'.repeat(MAX_XML_ELEMENTS - 1)}</xml>`).ok).toBe(true);
    expect(readBoundedXml(`<xml>${'<a/>'.repeat(MAX_XML_ELEMENTS)}</xml>`).ok).toBe(false);
  });
  it('reads a 60,000-character attribute or text as any other', () => {
    const r = readBoundedXml(`<xml a="${'x'.repeat(60_000)}"><Content>${'啊'.repeat(60_000)}</Content></xml>`);
    expect(r.ok && r.root.children[0]?.text.length).toBe(60_000);
  });
});

describe('passiveReplyXml (the official samples of DOMAIN §2.4)', () => {
  it('text', () => {
    expect(passiveReplyXml({ type: 'text', content: '你好' }, to)).toBe(
      `${head('text')}<Content><![CDATA[你好]]></Content>\n</xml>`,
    );
  });
  it('image and voice', () => {
    expect(passiveReplyXml({ type: 'image', mediaId: 'media_id' }, to)).toBe(
      `${head('image')}<Image>\n<MediaId><![CDATA[media_id]]></MediaId>\n</Image>\n</xml>`,
    );
    expect(passiveReplyXml({ type: 'voice', mediaId: 'media_id' }, to)).toBe(
      `${head('voice')}<Voice>\n<MediaId><![CDATA[media_id]]></MediaId>\n</Voice>\n</xml>`,
    );
  });
  it('video', () => {
    expect(
      passiveReplyXml({ type: 'video', mediaId: 'media_id', title: 'title', description: 'description' }, to),
    ).toBe(
      `${head('video')}<Video>\n<MediaId><![CDATA[media_id]]></MediaId>\n<Title><![CDATA[title]]></Title>\n<Description><![CDATA[description]]></Description>\n</Video>\n</xml>`,
    );
  });
  it('music', () => {
    const xml = passiveReplyXml(
      {
        type: 'music',
        title: 'TITLE',
        description: 'DESCRIPTION',
        musicUrl: 'MUSIC_Url',
        hqMusicUrl: 'HQ_MUSIC_Url',
        thumbMediaId: 'media_id',
      },
      to,
    );
    expect(xml).toBe(
      `${head('music')}<Music>\n<Title><![CDATA[TITLE]]></Title>\n<Description><![CDATA[DESCRIPTION]]></Description>\n<MusicUrl><![CDATA[MUSIC_Url]]></MusicUrl>\n<HQMusicUrl><![CDATA[HQ_MUSIC_Url]]></HQMusicUrl>\n<ThumbMediaId><![CDATA[media_id]]></ThumbMediaId>\n</Music>\n</xml>`,
    );
  });
  it('news keeps one article', () => {
    const a = { title: 'title1', description: 'description1', picUrl: 'picurl', url: 'url' };
    expect(passiveReplyXml({ type: 'news', articles: [a, { ...a, title: 'second' }] }, to)).toBe(
      `${head('news')}<ArticleCount>1</ArticleCount>\n<Articles>\n<item>\n<Title><![CDATA[title1]]></Title>\n<Description><![CDATA[description1]]></Description>\n<PicUrl><![CDATA[picurl]]></PicUrl>\n<Url><![CDATA[url]]></Url>\n</item>\n</Articles>\n</xml>`,
    );
  });
  it('mpnews, miniprogrampage and msgmenu have no passive form', () => {
    expect(passiveReplyXml({ type: 'mpnews', mediaId: 'm' }, to)).toBeNull();
    expect(passiveReplyXml({ type: 'msgmenu', items: [{ id: '1', content: 'a' }] }, to)).toBeNull();
    expect(
      passiveReplyXml({ type: 'miniprogrampage', title: 't', appId: 'a', pagePath: 'p', thumbMediaId: 'm' }, to),
    ).toBeNull();
  });
  it('a "]]>" in the content cannot break out of CDATA', () => {
    const xml = passiveReplyXml({ type: 'text', content: 'a]]><evil/>b' }, to) ?? '';
    expect(parsePushXml(xml)['Content']).toBe('a]]><evil/>b');
  });
});
