/**
 * Finds the links a WeChat client would make clickable (or that a reader could type):
 * `<a href>` anchors, `scheme://` URLs, and bare or scheme-relative domains such as
 * `pinduoduo.com/x` and `//pinduoduo.com/x`
 * validated against the public-suffix list, including ones disguised with full-width
 * letters or an ideographic full stop (`ｔａｏｂａｏ．ｃｏｍ`, `taobao。com`), IDN hosts
 * (`购物.中国`, `xn--g2xx48c.xn--fiqs8s`), IPv4 addresses with a path, spelled, bracketed or
 * spaced-out dots and letters (`taobao [.] com`, `t a o b a o . c o m`) and invisible chars.
 */
import { domainToASCII } from 'node:url';
import { parse } from 'tldts';
import { foldHomoglyph, hasHomoglyph } from './homoglyphs.js';
import { findObfuscatedLinks, findSpacedRuns, isDisguisedHost } from './find-obfuscated-links.js';

export interface FoundLink {
  /** The link as written, full-width chars folded to ASCII (spaced-out letters and invisible chars joined). */
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
  if (!INVISIBLE.test(text)) return findVisibleLinks(text);
  // Invisible chars inside a link (taobao.c\u200bom) are taken out before it is read; offsets map back.
  const visible = compact(text, INVISIBLE_CHAR);
  return findVisibleLinks(visible.text).map((link) => ({
    ...link,
    start: visible.map[link.start] ?? link.start,
    end: (visible.map[link.end - 1] ?? link.end - 1) + 1,
  }));
}

function findVisibleLinks(text: string): FoundLink[] {
  const view = asciiView(text, true);
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

  // A full stop (。) ends a Chinese sentence: for hosts with Han labels only a real dot counts.
  const idnView = /[.．]/.test(text) && IDN_HINT.test(text) ? asciiView(text, false) : null;
  for (const link of plainLinks(view, idnView)) {
    if (isTaken(taken, link.start)) continue;
    taken.push([link.start, link.end]);
    links.push(link);
  }

  // Letters spaced out one by one (t a o b a o . c o m): joined, then read like any text.
  for (const run of findSpacedRuns(view)) {
    if (overlapsTaken(taken, run.start, run.end)) continue;
    for (const candidate of run.texts) {
      const found = plainLinks(candidate, null).filter((link) => SCHEME.test(link.url) || isDisguisedHost(link.host));
      for (const link of found) {
        const start = run.map[link.start] ?? run.start;
        const end = (run.map[link.end - 1] ?? run.end - 1) + 1;
        taken.push([start, end]);
        links.push({ ...link, start, end });
      }
      if (found.length > 0) break;
    }
  }

  return links.sort((a, b) => a.start - b.start);
}

/**
 * Scheme URLs, bare domains and IPv4 addresses with a port or path, hosts under IDN top-level
 * domains, and spelled-out dots, in a view whose offsets are the caller's.
 * @param idnView the view with ideographic full stops kept (a Chinese sentence end is no dot), or
 *   null when the text has no dot next to a Han char.
 */
function plainLinks(view: string, idnView: string | null): FoundLink[] {
  const links: FoundLink[] = [];
  const taken: Array<[number, number]> = [];
  const add = (url: string, host: string, start: number): void => {
    taken.push([start, start + url.length]);
    links.push({ url, host, start, end: start + url.length, platform: isWeixinScheme(url) });
  };

  for (const m of view.matchAll(SCHEME_URL)) {
    if (!isTaken(taken, m.index)) add(trimTrailing(m[0]), hostOf(trimTrailing(m[0])), m.index);
  }

  // Most replies have no ASCII dot at all: the two dotted patterns are skipped for them.
  if (view.includes('.')) {
    for (const m of view.matchAll(BARE_DOMAIN)) {
      const host = (m[1] ?? '').toLowerCase();
      if (!isTaken(taken, m.index) && isRealDomain(host)) add(trimTrailing(m[0]), host, m.index);
    }
    for (const m of view.matchAll(BARE_IPV4)) {
      if (!isTaken(taken, m.index)) add(trimTrailing(m[0]), m[1] ?? '', m.index);
    }
  }

  if (idnView !== null) {
    for (const link of idnLinks(idnView)) if (!isTaken(taken, link.start)) add(link.url, link.host, link.start);
  }

  // Spelled-out or spaced dots (taobao 点 com, jd . com) that no client links but a reader types.
  for (const link of findObfuscatedLinks(view)) {
    if (!isTaken(taken, link.start) && isRealDomain(link.host)) add(link.url, link.host, link.start);
  }
  return links;
}

/**
 * Hosts with a Han label or under a Han top-level domain (购物.中国, taobao.中国, 淘宝.com,
 * 购物[.]中国). Chinese text runs on after the domain and has no word boundary before it, so
 * the first label takes at most four Han chars (`可以去购物.中国看看` reports `以去购物.中国`:
 * any host there is external anyway), and the top-level domain is the longest start of the
 * following Han run that is one (`中国看看` → `中国`); `我今天很开心.好的` has none.
 */
function idnLinks(view: string): Array<{ url: string; host: string; start: number }> {
  const found: Array<{ url: string; host: string; start: number }> = [];
  for (const m of view.matchAll(IDN_DOMAIN)) {
    const name = m[1] ?? '';
    const word = m[3] ?? '';
    const han = HAN.test(word);
    // An ASCII name under an ASCII suffix is the bare-domain pattern's to judge.
    if (!han && !HAN.test(name)) continue;
    let tld = '';
    if (han) {
      for (let k = Math.min(word.length, MAX_HAN_TLD); k >= 2 && tld === ''; k--) {
        if (isTopLevelDomain(word.slice(0, k))) tld = word.slice(0, k);
      }
    } else if (isTopLevelDomain(word)) {
      tld = word;
    }
    if (tld === '') continue;
    const tldEnd = m.index + m[0].length - word.length + tld.length;
    PATH.lastIndex = tldEnd;
    const path = han || !/[a-z0-9]/i.test(view[tldEnd] ?? '') ? (PATH.exec(view)?.[0] ?? '') : '';
    const url = trimTrailing(view.slice(m.index, tldEnd) + path);
    found.push({ url, host: `${name}.${tld}`.toLowerCase(), start: m.index });
  }
  return found;
}

/**
 * Whether `host` is one of `allow` or a subdomain of one.
 * @example isHostAllowed('mp.weixin.qq.com', ['weixin.qq.com']) // true
 */
export function isHostAllowed(host: string, allow: readonly string[]): boolean {
  const h = canonicalHost(host);
  if (h === '') return false;
  for (const entry of allow) {
    const a = canonicalHost(entry);
    if (a !== '' && (h === a || (h.endsWith(a) && h.charCodeAt(h.length - a.length - 1) === 0x2e))) return true;
  }
  return false;
}

/**
 * A host in one spelling for comparison: lowercase, no final dot, IDN labels as punycode, so
 * `购物.中国` in the allow list allows `xn--g2xx48c.xn--fiqs8s` and the other way round.
 * @example canonicalHost('Shop.购物.中国.') // 'shop.xn--g2xx48c.xn--fiqs8s'
 */
export function canonicalHost(host: string): string {
  const h = stripDot(host.toLowerCase());
  return NON_ASCII.test(h) ? domainToASCII(h) || h : h;
}

const ANCHOR = /<a\s[^>]*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))/di;
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
 * A bare IPv4 address with a port or a path (`179.52.116.204/download`, `10.0.0.8:8080`): an
 * address alone could be a version number (`1.2.3.4`), with a path it is something to open.
 */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const BARE_IPV4 = new RegExp(
  `(?<![\\w@.\\-/]|\\w:)(?://)?(${OCTET}(?:\\.${OCTET}){3})(?![\\w-]|\\.\\d)(?::\\d{1,5}(?:[/?#]${URL_CHARS}*)?|[/?#]${URL_CHARS}*)`,
  'gi',
);
/** A dot (or `[.]`, `(.)`) next to a Han char, in the text as written: worth looking for IDN hosts. */
const IDN_HINT = /\p{Script=Han}(?:[.．]|[[(（［][.．][\])）］])|[.．]\p{Script=Han}/u;
/**
 * A name with a Han label or before a Han suffix: group 1 the name (an ASCII label, or at most four
 * Han chars as Han glues it to the text before, then any further labels), group 3 the word after the
 * last dot, cut to a real top-level domain afterwards.
 */
const IDN_DOMAIN =
  /((?:[a-z0-9-]{1,63}|\p{Script=Han}{1,4})(?:\.[\p{Script=Han}a-z0-9-]{1,63})*)(\.|\[\.\]|\(\.\))(\p{Script=Han}+|[a-z]{2,63}(?![a-z0-9-]))/giu;
const HAN = /\p{Script=Han}/u;
/** The longest Han top-level domain in the root zone has five chars (嘉里大酒店). */
const MAX_HAN_TLD = 5;
const PATH = /\/[\w\-.~/?#=&%]*/y;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const NON_ASCII = /[\u0080-\u{10ffff}]/u;
/** Zero-width and format chars that render as nothing inside a link. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/;
const INVISIBLE_CHAR = (ch: string): boolean => INVISIBLE.test(ch);

/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']']);

/**
 * Folds full-width ASCII (U+FF01–FF5E), and with `stops` the ideographic full stops, to ASCII,
 * one UTF-16 unit for one, so offsets in the view are offsets in the text.
 */
function asciiView(text: string, stops: boolean): string {
  const glyphs = hasHomoglyph(text);
  if (!glyphs && !/[\u3002\uff01-\uff5e\uff61]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (stops && (c === 0x3002 || c === 0xff61)) out += '.';
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

/**
 * Whether `label` is a top-level domain in the root zone (中国, 公司, 网络, 在线, com …): the ICANN
 * section of the Public Suffix List (tldts), which carries every IANA root-zone TLD, the IDN
 * ones (中国 = xn--fiqs8s) included; asked in punycode so either spelling is found.
 */
function isTopLevelDomain(label: string): boolean {
  const ascii = domainToASCII(`a.${label}`);
  const r = parse(ascii);
  return ascii !== '' && r.isIcann === true && r.publicSuffix === ascii.slice(2);
}

function isWeixinScheme(url: string): boolean {
  return /^weixin:/i.test(url);
}

function isTaken(taken: ReadonlyArray<[number, number]>, at: number): boolean {
  return taken.some(([s, e]) => at >= s && at < e);
}

function overlapsTaken(taken: ReadonlyArray<[number, number]>, start: number, end: number): boolean {
  return taken.some(([s, e]) => start < e && s < end);
}

/** `text` without the chars `drop` names, and where each kept char stood. */
function compact(text: string, drop: (ch: string) => boolean): { text: string; map: number[] } {
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (drop(ch)) continue;
    out += ch;
    map.push(i);
  }
  return { text: out, map };
}

function trimTrailing(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1] ?? '')) end--;
  return url.slice(0, end);
}

function stripDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}
