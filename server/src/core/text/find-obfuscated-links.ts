/**
 * Domains written so that no client links them but any reader can type them: a spelled-out
 * or spaced dot (`taobao点com`, `taobao 点 com`, `jd . com`, `pdd dot com`, `tb[.]cn`).
 * Only names ending in a common top-level domain count, so `3 点 开会` or `v1 . 2` are not links.
 */

export interface ObfuscatedLink {
  /** The span as written. */
  url: string;
  /** The host it spells, lowercase with real dots (`taobao.com`). */
  host: string;
  start: number;
  end: number;
}

/**
 * @param view the text with full-width ASCII already folded (find-links' ASCII view; same offsets).
 * @example findObfuscatedLinks('去 taobao 点 com 下单') // [{url:'taobao 点 com', host:'taobao.com', start:2, end:14}]
 */
export function findObfuscatedLinks(view: string): ObfuscatedLink[] {
  const links: ObfuscatedLink[] = [];
  for (const m of view.matchAll(SPELLED_DOMAIN)) {
    const url = m[0];
    // A plain dotted name is an ordinary domain: find-links' own pattern judges those.
    if (!OBFUSCATION.test(url)) continue;
    const labels = url.split(SEPARATOR_SPLIT).map((l) => l.trim().toLowerCase());
    if (labels.some((l) => l === '') || (labels[0]?.length ?? 0) < 2) continue;
    links.push({ url, host: labels.join('.'), start: m.index, end: m.index + url.length });
  }
  return links;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A dot as written to dodge a filter: 点/點, dot, (.), [.], or a dot with spaces around it. */
const SEP = '[ \\t\\u3000]*(?:点|點|\\(dot\\)|\\[dot\\]|\\(\\.\\)|\\[\\.\\]|dot|\\.)[ \\t\\u3000]*';
const TLD = '(?:com|cn|net|org|cc|top|vip|xyz|shop|club|site|online|info|io|me|tv|co|hk|tw|store|link|ltd|wang|ren|ink|app|tech|fun|live)';
const SPELLED_DOMAIN = new RegExp(`(?<![a-z0-9@-])(?:${LABEL}${SEP})+${TLD}(?![a-z0-9-])`, 'gi');
const SEPARATOR_SPLIT = new RegExp(SEP, 'i');
/** Something other than a bare dot between the labels. */
const OBFUSCATION = /[ \t\u3000]|点|點|dot|\(|\[/i;
