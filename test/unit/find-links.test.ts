import { describe, it, expect } from 'vitest';
import { canonicalHost, findLinks, isHostAllowed } from '../../server/src/core/text/find-links.js';

describe('findLinks', () => {
  it.each([
    ['详情：https://item.taobao.com/item.htm?id=1。谢谢', 'item.taobao.com', 3, 40],
    ['拼多多 https://mobile.yangkeduo.com/goods.html?id=1', 'mobile.yangkeduo.com', 4, 48],
    ['pinduoduo.com', 'pinduoduo.com', 0, 13],
    ['访问pinduoduo.com/xxx购买', 'pinduoduo.com', 2, 19],
    ['去 www.jd.com 看看', 'www.jd.com', 2, 12],
    ['HTTPS://WWW.JD.COM', 'www.jd.com', 0, 18],
    ['ftp://files.example.org/a', 'files.example.org', 0, 25],
    ['去 ｔａｏｂａｏ．ｃｏｍ 看看', 'taobao.com', 2, 12], // full-width, offsets in the original
    ['看taobao。com', 'taobao.com', 1, 11], // ideographic full stop
    ['http：／／jd.com/x', 'jd.com', 0, 15], // full-width colon and slashes
    ['(见 www.example.cn/abc?x=1)', 'www.example.cn', 3, 25], // trailing paren trimmed
  ])('%j → %s [%i,%i)', (text, host, start, end) => {
    const links = findLinks(text);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ host, start, end, platform: false });
  });

  it.each([
    '版本v1.2更新了',
    '价格1.5元',
    'a.b 不是链接',
    '打开 index.html 或 node.js',
    '联系 kefu@taobao.com',
    '您好，欢迎光临。如果还有其他问题，可以继续问我哦',
  ])('finds no link in %j', (text) => {
    expect(findLinks(text)).toEqual([]);
  });

  it('reports an anchor href with offsets of the href value', () => {
    const text = '点<a href="https://item.taobao.com/x">这里</a>';
    const [link] = findLinks(text);
    expect(link).toMatchObject({ url: 'https://item.taobao.com/x', host: 'item.taobao.com', platform: false });
    expect(text.slice(link?.start, link?.end)).toBe('https://item.taobao.com/x');
    expect(findLinks(text)).toHaveLength(1);
  });

  it('flags weixin:// links and mini-program anchors as platform links', () => {
    const menu = '<a href="weixin://bizmsgmenu?msgmenucontent=满意&msgmenuid=10001">满意</a>';
    expect(findLinks(menu)).toMatchObject([{ platform: true }]);
    const mini =
      '文本<a href="http://www.qq.com" data-miniprogram-appid="appid" data-miniprogram-path="pages/index/index">点击跳小程序</a>';
    expect(findLinks(mini)).toMatchObject([{ host: 'www.qq.com', platform: true }]);
  });

  it('skips mailto: and relative anchors', () => {
    expect(findLinks('<a href="mailto:a@b.com">信</a><a href="#top">顶</a>')).toEqual([]);
  });
});

describe('scheme-relative links (issue 9, item 7)', () => {
  it.each([
    ['详情 //evil.cn/x', '//evil.cn/x', 'evil.cn', 3],
    ['看//www.evil.cn:8080/a?b=1。', '//www.evil.cn:8080/a?b=1', 'www.evil.cn', 1],
    ['<a href="//evil.cn/x">点这里</a>', '//evil.cn/x', 'evil.cn', 9],
  ])('%j is a link to %s', (text, url, host, start) => {
    expect(findLinks(text)).toEqual([{ url, host, start, end: start + url.length, platform: false }]);
  });

  it.each(['a // b', '1//2', '// 注释', '路径 a//b 不是链接', 'x = y // 2.5 倍', 'http://'])(
    'finds no link in %j',
    (text) => {
      expect(findLinks(text)).toEqual([]);
    },
  );
});

describe('isHostAllowed', () => {
  const allow = ['weixin.qq.com', 'mp.weixin.qq.com', 'Example.COM'];
  it.each([
    ['mp.weixin.qq.com', true],
    ['weixin.qq.com', true],
    ['a.b.weixin.qq.com', true],
    ['example.com', true],
    ['shop.example.com.', true],
    ['qq.com', false],
    ['evilweixin.qq.com', false],
    ['weixin.qq.com.evil.cn', false],
    ['', false],
  ])('%j → %s', (host, expected) => {
    expect(isHostAllowed(host, allow)).toBe(expected);
  });
});

describe('isHostAllowed with IDN hosts (issue 14, item 5)', () => {
  it.each([
    ['xn--g2xx48c.xn--fiqs8s', ['购物.中国'], true],
    ['购物.中国', ['XN--G2XX48C.xn--fiqs8s'], true],
    ['shop.xn--g2xx48c.xn--fiqs8s', ['购物.中国'], true],
    ['购物.中国', ['购物.公司'], false],
    ['xn--g2xx48c.xn--fiqs8s', ['中国'], true], // a whole TLD allowed is the operator's choice
    ['去购物.中国', ['购物.中国'], false], // a different label, not a subdomain
  ])('%s with %j → %s', (host, allow, expected) => {
    expect(isHostAllowed(host, allow)).toBe(expected);
  });

  it('spells a host one way for comparison', () => {
    expect(canonicalHost('Shop.购物.中国.')).toBe('shop.xn--g2xx48c.xn--fiqs8s');
    expect(canonicalHost('WWW.JD.COM')).toBe('www.jd.com');
  });
});
