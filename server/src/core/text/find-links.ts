/**
 * Finds the links a WeChat client would make clickable (or that a reader could type):
 * `<a href>` anchors, `scheme://` URLs, and bare or scheme-relative domains such as
 * `pinduoduo.com/x` and `//pinduoduo.com/x`
 * validated against the public-suffix list, including ones disguised with full-width
 * letters or an ideographic full stop (`ｔａｏｂａｏ．ｃｏｍ`, `taobao。com`).
 */
import { parse } from 'tldts';
import { foldHomoglyph, hasHomoglyph } from './homoglyphs.js';
import { findObfuscatedLinks } from './find-obfuscated-links.js';

export interface FoundLink {
  /** The link as written, full-width chars folded to ASCII. */
  url: string;
  /** Lowercase host; '' when the link has none. */
  host: string;
  /** UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
  /** `weixin://` links and mini-program anchors: platform features, always allowed. */
  platform: boolean;
}

/**
 * All links in `text`, ordered by offset.
 * @example findLinks('去 ｔａｏｂａｏ．ｃｏｍ 看看') // [{url:'taobao.com', host:'taobao.com', start:2, end:12, platform:false}]
 */
export function findLinks(text: string): FoundLink[] {
  const view = asciiView(text);
  const links: FoundLink[] = [];
  const taken: Array<[number, number]> = [];

  for (const tag of view.matchAll(ANCHOR)) {
    const tagStart = tag.index;
    taken.push([tagStart, tagStart + tag[0].length]);
    const href = HREF.exec(tag[0]);
    const span = href?.indices?.[1] ?? href?.indices?.[2] ?? href?.indices?.[3];
    if (!href || !span) continue;
    const url = href[1] ?? href[2] ?? href[3] ?? '';
    const host = hostOf(url);
    const miniProgram = MINI_PROGRAM.test(tag[0]);
    if (host === '' && !miniProgram && !isWeixinScheme(url)) continue; // mailto:, tel:, #anchors
    const start = tagStart + span[0];
    links.push({ url, host, start, end: start + url.length, platform: miniProgram || isWeixinScheme(url) });
  }

  for (const m of view.matchAll(SCHEME_URL)) {
    if (isTaken(taken, m.index)) continue;
    const url = trimTrailing(m[0]);
    taken.push([m.index, m.index + url.length]);
    links.push({ url, host: hostOf(url), start: m.index, end: m.index + url.length, platform: isWeixinScheme(url) });
  }

  for (const m of view.matchAll(BARE_DOMAIN)) {
    const host = (m[1] ?? '').toLowerCase();
    if (isTaken(taken, m.index) || !isRealDomain(host)) continue;
    const url = trimTrailing(m[0]);
    taken.push([m.index, m.index + url.length]);
    links.push({ url, host, start: m.index, end: m.index + url.length, platform: false });
  }

  // Domains under Chinese top-level domains (购物.中国, 购物[.]中国): WeChat links them too.
  for (const m of view.matchAll(IDN_DOMAIN)) {
    if (isTaken(taken, m.index)) continue;
    const url = trimTrailing(m[0]);
    const host = `${m[1] ?? ''}.${m[2] ?? ''}`;
    taken.push([m.index, m.index + url.length]);
    links.push({ url, host, start: m.index, end: m.index + url.length, platform: false });
  }

  // Spelled-out or spaced dots (taobao 点 com, jd . com) that no client links but a reader types.
  for (const link of findObfuscatedLinks(view)) {
    if (isTaken(taken, link.start) || !isRealDomain(link.host)) continue;
    links.push({ ...link, platform: false });
  }

  return links.sort((a, b) => a.start - b.start);
}

/**
 * Whether `host` is one of `allow` or a subdomain of one.
 * @example isHostAllowed('mp.weixin.qq.com', ['weixin.qq.com']) // true
 */
export function isHostAllowed(host: string, allow: readonly string[]): boolean {
  const h = stripDot(host.toLowerCase());
  if (h === '') return false;
  for (const entry of allow) {
    const a = stripDot(entry.toLowerCase());
    if (h === a || (h.endsWith(a) && h.charCodeAt(h.length - a.length - 1) === 0x2e)) return true;
  }
  return false;
}

const ANCHOR = /<a\s[^>]*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/id;
const MINI_PROGRAM = /\bdata-miniprogram-appid\s*=/i;
const URL_CHARS = "[\\w\\-.~:/?#@!$&'()*+,;=%\\[\\]]";
const SCHEME_URL = new RegExp(`(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*://${URL_CHARS}+`, 'gi');
/**
 * A dotted ASCII host not glued to a word, an `@` (e-mail) or a path, then an optional
 * port and path. Group 1 is the host; the suffix is checked with tldts afterwards. A leading
 * `//` is taken in: a scheme-relative `//evil.cn/x` opens like any link once a reader (or a
 * page) supplies the scheme, while `a // b` and `1//2` have no host after it.
 */
const BARE_DOMAIN = new RegExp(
  `(?<![\\w@.\\-/]|\\w:)(?://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9])(?![\\w-])(?::\\d{1,5})?(?:[/?#]${URL_CHARS}*)?`,
  'gi',
);
/**
 * A name before a dot (or `[.]`) and a Chinese top-level domain (IANA's IDN TLDs in use in
 * China). Chinese text runs on after the domain and has no word boundary before it, so the
 * name takes at most four chars before the dot: `可以去购物.中国看看` reports host `以去购物.中国`;
 * any host there is external anyway. A sentence (句.中国) needs the dot, which prose writes as 。
 */
const IDN_DOMAIN = /([\p{Script=Han}a-z0-9-]{1,4})(?:\.|\[\.\]|\(\.\))(中国|中國|公司|网络|網絡|在线|商城|商店|网店|集团|我爱你|手机|游戏|企业|娱乐|购物|信息|时尚|健康|招聘|餐厅|广东|佛山|网址|中文网)(?:\/[\w\-.~/?#=&%]*)?/giu;

/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']']);

/**
 * Folds full-width ASCII (U+FF01–FF5E) and the ideographic full stops to ASCII, one
 * UTF-16 unit for one, so offsets in the view are offsets in the text.
 */
function asciiView(text: string): string {
  const glyphs = hasHomoglyph(text);
  if (!glyphs && !/[\u3002\uff01-\uff5e\uff61]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3002 || c === 0xff61) out += '.';
    else if (glyphs && c >= 0x0130 && c <= 0xa7ff) out += foldOne(text[i] ?? '');
    else out += text[i];
  }
  return out;
}

/** A look-alike letter (either case) as its Latin twin, keeping one UTF-16 unit for one. */
function foldOne(ch: string): string {
  const lower = ch.toLowerCase();
  const folded = foldHomoglyph(lower);
  return folded !== lower && folded.length === 1 ? folded : ch;
}

/** Host of a URL with or without scheme (`//host/x` too); '' for `mailto:`, relative links and the like. */
function hostOf(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url);
  let rest = url;
  if (url.startsWith('//')) {
    rest = url.slice(2);
  } else if (scheme) {
    rest = url.slice(scheme[0].length);
    if (!rest.startsWith('//')) return '';
    rest = rest.slice(2);
  } else if (!/^(?:[a-z0-9-]+\.)+[a-z0-9-]+(?:[:/?#]|$)/i.test(url)) {
    return '';
  }
  const authority = rest.split(/[/?#]/, 1)[0] ?? '';
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const host = hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : hostPort.split(':', 1)[0];
  return stripDot((host ?? '').toLowerCase());
}

/** A registrable name under a known public suffix: rejects `a.b`, `1.5`, `v1.2`, `index.html`-like tokens with unknown suffixes. */
function isRealDomain(host: string): boolean {
  const r = parse(host, { allowPrivateDomains: true });
  return r.isIp !== true && r.domain !== null && (r.isIcann === true || r.isPrivate === true);
}

function isWeixinScheme(url: string): boolean {
  return /^weixin:/i.test(url);
}

function isTaken(taken: ReadonlyArray<[number, number]>, at: number): boolean {
  return taken.some(([s, e]) => at >= s && at < e);
}

function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1] ?? '')) end--;
  return url.slice(0, end);
}

function stripDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
