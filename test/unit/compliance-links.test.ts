/**
 * Links the lists name (issue 14, item 5): a bare host straight after full-width or CJK
 * punctuation, IDN hosts and their punycode, spaced and bracketed obfuscations, short-link hosts;
 * each construction beside the near misses it must not take.
 */
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../server/src/core/text/find-links.js';
import { checkExternalLinks } from '../../server/src/core/checks/check-external-links.js';
import { SHORT_LINK_HOSTS, SHORT_LINK_SOURCES, shortLinkHostOf } from '../../server/src/core/text/short-link-hosts.js';

const hosts = (text: string) => findLinks(text).map((l) => l.host);
/** Each link as the text wrote it (the evidence an operator sees). */
const spans = (text: string) => findLinks(text).map((l) => text.slice(l.start, l.end));

describe('a host straight after full-width or CJK punctuation or a CJK char', () => {
  it.each([
    ['视频教程：youtu.be/mEPvKoePu7n。', 'youtu.be'],
    ['视频：youtu.be/xyz', 'youtu.be'],
    ['戳这里👉taobao.com', 'taobao.com'],
    ['地址「jd.com」', 'jd.com'],
    ['【jd.com】', 'jd.com'],
    ['详情（jd.com）', 'jd.com'],
    ['、jd.com、', 'jd.com'],
    ['淘宝店taobao.com', 'taobao.com'],
    ['看这个→jd.com', 'jd.com'],
  ])('%s → %s', (text, host) => {
    expect(hosts(text)).toEqual([host]);
  });

  it.each(['时间是10:30开会', '版本v1:2.0', '联系：kefu@jd.com', '文件名：说明.pdf', '价格：3.5元'])(
    '%s has no link',
    (text) => {
      expect(findLinks(text)).toEqual([]);
    },
  );

  it('a host:port after a word is still one link', () => {
    expect(findLinks('详见 a.com:8080/x').map((l) => l.url)).toEqual(['a.com:8080/x']);
  });
});

describe('IDN hosts and their punycode', () => {
  it.each([
    ['购物.中国', '购物.中国'],
    ['去购物.中国看看', '去购物.中国'],
    ['去购物[.]中国看看', '去购物.中国'],
    ['去购物(.)中国看看', '去购物.中国'],
    ['官网 商城.公司/help', '商城.公司'],
    ['访问taobao.中国', 'taobao.中国'],
    ['官网www.购物.中国看看', 'www.购物.中国'],
    ['新站 淘宝.com 开业', '淘宝.com'],
    ['网址 好店.在线 和 好店.网络', '好店.在线'],
    ['xn--g2xx48c.xn--fiqs8s/abc', 'xn--g2xx48c.xn--fiqs8s'],
  ])('%s → %s', (text, host) => {
    expect(hosts(text)[0]).toBe(host);
  });

  it('finds both hosts under .在线 and .网络', () => {
    expect(hosts('网址 好店.在线 和 好店.网络')).toEqual(['好店.在线', '好店.网络']);
  });

  it.each([
    '我今天很开心.好的', // 好的 is no top-level domain
    '谢谢.祝好',
    '谢谢您。公司地址在北京', // a sentence's 。 before a word that is a TLD (公司)
    '好的。网络不好的话重启一下',
    '收到。在线客服9点上班',
    '好的。中国邮政明天派送',
    '中国人民',
    '购物中国',
    '好的，.com结尾的网址都不行',
  ])('%s has no link', (text) => {
    expect(findLinks(text)).toEqual([]);
  });
});

describe('spaced, spelled and bracketed obfuscations', () => {
  it.each([
    ['t a o b a o . c o m', 'taobao.com', 't a o b a o . c o m'],
    ['点击 t a o b a o . c o m 下单', 'taobao.com', 't a o b a o . c o m'],
    ['w w w . j d . c o m', 'www.jd.com', 'w w w . j d . c o m'],
    ['w w w . j d . c o m now', 'www.jd.com', 'w w w . j d . c o m'],
    ['ｗ ｗ ｗ ． ｊ ｄ ． ｃ ｏ ｍ', 'www.jd.com', 'ｗ ｗ ｗ ． ｊ ｄ ． ｃ ｏ ｍ'],
    ['h t t p s : / / j d . c o m', 'jd.com', 'h t t p s : / / j d . c o m'],
    ['h t t p s : / / a b . d e / x', 'ab.de', 'h t t p s : / / a b . d e / x'],
    ['活动页t . c n / b F L n t o D，打开就能看到', 't.cn', 't . c n / b F L n t o D'],
    [
      '下载地址：1 7 9 . 5 2 . 1 1 6 . 2 0 4 / d o wnload',
      '179.52.116.204',
      '1 7 9 . 5 2 . 1 1 6 . 2 0 4 / d o wnload',
    ],
    ['taobao . c o m', 'taobao.com', 'taobao . c o m'],
    ['taobao [.] com', 'taobao.com', 'taobao [.] com'],
    ['taobao(.)com', 'taobao.com', 'taobao(.)com'],
    ['taobao【.】com', 'taobao.com', 'taobao【.】com'],
    ['taobao(点)com', 'taobao.com', 'taobao(点)com'],
    ['taobao 点 com', 'taobao.com', 'taobao 点 com'],
    ['taobao。com', 'taobao.com', 'taobao。com'],
    ['jd丶com', 'jd.com', 'jd丶com'],
    ['jd·com', 'jd.com', 'jd·com'],
    ['jd﹒com', 'jd.com', 'jd﹒com'],
    ['taobao.c\u200bom', 'taobao.com', 'taobao.c\u200bom'],
    ['去 179.52.116.204/x', '179.52.116.204', '179.52.116.204/x'],
    ['10.0.0.8:8080', '10.0.0.8', '10.0.0.8:8080'],
  ])('%j → %s', (text, host, span) => {
    expect(hosts(text)).toEqual([host]);
    expect(spans(text)).toEqual([span]);
  });

  it.each([
    'a b c 测试',
    'I am a b c',
    'e.g. 这个',
    'e . g . 这个',
    'i . e .',
    'No. 1',
    'n o . 1',
    'P.S. 谢谢',
    'U.S.A',
    'A B C . D E', // joins into a real domain, but no disguise uses .de
    '选项A . B . C',
    'A. 选项 B. 选项',
    '1. 下单 2. 付款',
    'v1.2.3',
    '版本 1 . 2 . 3',
    '版本1.2.3.4发布',
    '路由器 192.168.1.1', // an address with no port or path may be a version number
    '3.5元',
    '3 . 5 元',
    '10.30开会',
    '时间 10 . 30',
    '说明书第3.2节',
    '请输入 1 2 3 4 5 6',
    '编号 a 1 b 2 c 3',
    'o k . c o m e on',
    's . t .',
    '微博@jd . com',
  ])('%j has no link', (text) => {
    expect(findLinks(text)).toEqual([]);
  });
});

describe('short-link hosts', () => {
  const field = (text: string) => ({ field: 'content', text, url: false });
  const check = (text: string, allow: string[]) => checkExternalLinks(field(text), allow, 'block');

  it.each([
    ['t.cn/A6x', 't.cn'],
    ['url.cn/5abc', 'url.cn'],
    ['dwz.cn/abc', 'dwz.cn'],
    ['suo.im/abc', 'suo.im'],
    ['m.tb.cn/h.abc', 'm.tb.cn'],
    ['u.jd.com/xyz', 'u.jd.com'],
    ['bit.ly/x', 'bit.ly'],
    ['tinyurl.com/y', 'tinyurl.com'],
    ['视频：youtu.be/xyz', 'youtu.be'],
  ])('%s is named a short link', (text, host) => {
    const [reason] = check(text, []);
    expect(reason?.message).toContain(`短链接（${host}）`);
  });

  it('only an entry for the short-link host itself allows it, never a parent domain', () => {
    expect(check('u.jd.com/xyz', ['jd.com'])).toHaveLength(1);
    expect(check('m.tb.cn/h.abc', ['tb.cn', 'taobao.com'])).toHaveLength(1);
    expect(check('https://t.cn/A6x', ['cn'])).toHaveLength(1);
    expect(check('u.jd.com/xyz', ['u.jd.com'])).toEqual([]);
    expect(check('item.jd.com/1.html', ['jd.com'])).toEqual([]);
  });

  it('an ordinary host is not a short link', () => {
    expect(shortLinkHostOf('item.jd.com')).toBeNull();
    expect(shortLinkHostOf('nott.cn')).toBeNull();
    expect(shortLinkHostOf('A.T.CN.')).toBe('t.cn');
    expect(check('item.taobao.com/x', [])[0]?.message).toContain('外部链接（item.taobao.com）');
  });

  it('every entry is a lowercase host with a recorded source', () => {
    for (const [host, source] of SHORT_LINK_HOSTS) {
      expect(host).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(SHORT_LINK_SOURCES[source].link).toMatch(/^https:\/\//);
    }
    expect(new Set(SHORT_LINK_HOSTS.map(([h]) => h)).size).toBe(SHORT_LINK_HOSTS.length);
  });
});

describe('the allow list compares IDN hosts in both spellings', () => {
  const check = (text: string, allow: string[]) =>
    checkExternalLinks({ field: 'content', text, url: false }, allow, 'block');

  it.each([
    ['见 xn--g2xx48c.xn--fiqs8s/a', ['购物.中国']],
    ['见 购物.中国/a', ['xn--g2xx48c.xn--fiqs8s']],
    ['见 shop.购物.中国', ['购物.中国']],
  ])('%s is allowed by %j', (text, allow) => {
    expect(check(text, allow)).toEqual([]);
  });

  it('names a punycode host in Unicode too', () => {
    expect(check('见 xn--g2xx48c.xn--fiqs8s/a', [])[0]?.message).toContain('xn--g2xx48c.xn--fiqs8s（购物.中国）');
    expect(check('见 xn--g2xx48c.xn--fiqs8s/a', ['购物.公司'])).toHaveLength(1);
  });
});
