/**
 * Short-link hosts: a link through one hides where it leads, so EXTERNAL_LINK names it as a
 * short link and `links.allow` lets it through only when it names the short-link host itself
 * (allowing `jd.com` does not allow `u.jd.com`, nor `tb.cn` allow `m.tb.cn`).
 * Maintained list: each host with the public source that lists it (`SHORT_LINK_SOURCES`).
 */

/**
 * The short-link host `host` is on or under, or null.
 * @example shortLinkHostOf('M.TB.CN') // 'm.tb.cn'
 * @example shortLinkHostOf('item.jd.com') // null
 */
export function shortLinkHostOf(host: string): string | null {
  let h = host.toLowerCase();
  if (h.endsWith('.')) h = h.slice(0, -1);
  // Walk up the labels (a.b.t.cn → b.t.cn → t.cn): one set lookup each.
  for (let at = 0; ;) {
    const suffix = h.slice(at);
    if (BY_HOST.has(suffix)) return suffix;
    const dot = h.indexOf('.', at);
    if (dot === -1) return null;
    at = dot + 1;
  }
}

export interface ShortLinkSource {
  title: string;
  link: string;
  licence: string;
}

/** Where each entry comes from; hosts are facts taken from these, with nothing else copied. */
export const SHORT_LINK_SOURCES = {
  'url-shorteners': {
    title: 'PeterDaveHello/url-shorteners, `list` (active URL shortener domains), commit 0137a431',
    link: 'https://github.com/PeterDaveHello/url-shorteners/blob/master/list',
    licence: 'CC-BY-SA-4.0',
  },
  'url-shorteners-inactive': {
    title: 'PeterDaveHello/url-shorteners, `inactive` (domains once reported as shorteners), commit 018ecad5',
    link: 'https://github.com/PeterDaveHello/url-shorteners/blob/master/inactive',
    licence: 'CC-BY-SA-4.0',
  },
  'baidu-dwz': {
    title: 'Baidu 短网址 (DWZ) API v3: short links on dwz.cn',
    link: 'https://dwz.cn/console/apidoc/v3',
    licence: 'fact (service domain)',
  },
  'jd-union': {
    title:
      'JD Union open API jd.union.open.promotion.byunionid.get, response field shortURL ("以短链接形式", e.g. https://u.jd.com/XXXXX), as quoted in public SDK code',
    link: 'https://union.jd.com',
    licence: 'fact (service domain)',
  },
} as const satisfies Record<string, ShortLinkSource>;

type SourceKey = keyof typeof SHORT_LINK_SOURCES;

/** The maintained list: host → source. */
export const SHORT_LINK_HOSTS: ReadonlyArray<readonly [host: string, source: SourceKey]> = [
  // Chinese platforms and services.
  ['t.cn', 'url-shorteners'], // Sina Weibo
  ['url.cn', 'url-shorteners'], // Tencent
  ['dwz.cn', 'baidu-dwz'], // Baidu
  ['suo.im', 'url-shorteners'],
  ['m.tb.cn', 'url-shorteners'], // Taobao
  ['tb.cn', 'url-shorteners-inactive'], // Taobao
  ['u.jd.com', 'jd-union'], // JD Union
  ['3.cn', 'url-shorteners'], // JD
  ['b23.tv', 'url-shorteners'], // Bilibili
  ['sourl.cn', 'url-shorteners'],
  ['txul.cn', 'url-shorteners'],
  ['u6v.cn', 'url-shorteners'],
  ['urlify.cn', 'url-shorteners'],
  ['reurl.cc', 'url-shorteners'],
  ['ppt.cc', 'url-shorteners'],
  ['lihi.cc', 'url-shorteners'],
  // International services.
  ['bit.ly', 'url-shorteners'],
  ['bitly.com', 'url-shorteners'],
  ['j.mp', 'url-shorteners'],
  ['tinyurl.com', 'url-shorteners'],
  ['t.co', 'url-shorteners'],
  ['goo.gl', 'url-shorteners'],
  ['is.gd', 'url-shorteners'],
  ['v.gd', 'url-shorteners'],
  ['x.gd', 'url-shorteners'],
  ['ow.ly', 'url-shorteners'],
  ['buff.ly', 'url-shorteners'],
  ['tiny.cc', 'url-shorteners'],
  ['rb.gy', 'url-shorteners'],
  ['cutt.ly', 'url-shorteners'],
  ['t.ly', 'url-shorteners'],
  ['shorturl.at', 'url-shorteners'],
  ['rebrand.ly', 'url-shorteners'],
  ['dub.sh', 'url-shorteners'],
  ['s.id', 'url-shorteners'],
  ['qr.net', 'url-shorteners'],
  ['youtu.be', 'url-shorteners'],
  ['amzn.to', 'url-shorteners'],
];

const BY_HOST = new Set(SHORT_LINK_HOSTS.map(([host]) => host));
