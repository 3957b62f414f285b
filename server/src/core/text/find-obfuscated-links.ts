/**
 * Domains written so that no client links them but any reader can type them: a spelled-out,
 * spaced or bracketed dot (`taobao点com`, `taobao 点 com`, `jd . com`, `pdd dot com`, `tb[.]cn`,
 * `jd丶com`), and letters spaced out one by one (`t a o b a o . c o m`, `h t t p s : / / …`).
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

/**
 * Whether a host spelled out letter by letter ends in a top-level domain such disguises use, or
 * is an IPv4 address: `A B C . D E` joins into a real domain but is no one's link.
 * @example isDisguisedHost('t.cn') // true
 */
export function isDisguisedHost(host: string): boolean {
  return DISGUISED_HOST.test(host);
}

/** A run of spaced-out chars with the spaces taken out, and where each char stood. */
export interface SpacedRun {
  /** The candidates to judge, longest first: the whole run, then without its last token when that is a word. */
  texts: string[];
  /** `map[i]` = offset in the view of `texts[k][i]` (shared: each candidate is a prefix of the first). */
  map: number[];
  start: number;
  end: number;
}

/**
 * Runs of at least three URL chars each standing alone between spaces (`t . c n / b F L`),
 * taking in a word before a spaced `.` or `:` (`taobao . c o m`), punctuation glued to the first
 * char (`地址：1 7 9 . 5 2 …`) and the word that ends the run (`d o wnload`). find-links judges the joined text like any other, so a run that joins into
 * no real domain (`a b c`, `第 1 . 2 节`, `i . e .`) is no link.
 * @example findSpacedRuns('去 t a o b a o . c o m')[0]?.texts[0] // 'taobao.com'
 */
export function findSpacedRuns(view: string): SpacedRun[] {
  const runs: SpacedRun[] = [];
  for (const m of view.matchAll(SPACED_RUN)) {
    let text = '';
    const map: number[] = [];
    let lastToken = 0;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const ch = view[i] ?? '';
      if (SPACE.test(ch)) continue;
      if (i > 0 && SPACE.test(view[i - 1] ?? '')) lastToken = text.length;
      text += ch;
      map.push(i);
    }
    const texts = text.length - lastToken > 1 ? [text, text.slice(0, lastToken)] : [text];
    runs.push({ texts, map, start: m.index, end: m.index + m[0].length });
  }
  return runs;
}

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/**
 * A dot as written to dodge a filter: 点/點, dot, a dot in brackets ((.), [.], 【.】, (点)), or a
 * dot with spaces around it; the dot-like 丶 · ・ ﹒ also stand for one between labels.
 */
const SEP =
  '[ \\t\\u3000]*(?:点|點|[(\\[【{<]\\s*(?:\\.|点|點|dot)\\s*[)\\]】}>]|dot|\\.|丶|\\u00b7|\\u30fb|\\ufe52)[ \\t\\u3000]*';
/** Top-level domains seen in disguised links, short-link hosts' (ly, gl, gd, im, be …) included. */
const TLD =
  '(?:com|cn|net|org|cc|top|vip|xyz|shop|club|site|online|info|io|me|tv|co|hk|tw|store|link|ltd|wang|ren|ink|app|tech|fun|live|ly|gl|gd|im|be|so|to|la|ws|us)';
const SPELLED_DOMAIN = new RegExp(`(?<![a-z0-9@-])(?:${LABEL}${SEP})+${TLD}(?![a-z0-9-])`, 'gi');
const DISGUISED_HOST = new RegExp(`(?:\\.${TLD}|^[\\d.]+)$`, 'i');
const SEPARATOR_SPLIT = new RegExp(SEP, 'i');
/** Something other than a bare dot between the labels. */
const OBFUSCATION = /[^a-z0-9.-]/i;

/** Chars a URL is made of (ASCII), and the spaces a filter-dodger puts between them. */
const URL_CHAR = "[a-z0-9.:/\\-_?=&#%~+@()\\[\\]']";
const SPACE_CHARS = '[ \\t\\u00a0\\u3000]';
const SPACE = new RegExp(SPACE_CHARS);
const SPACED_RUN = new RegExp(
  `(?<!${URL_CHAR})(?:[:/(\\[]+|${URL_CHAR}+${SPACE_CHARS}+(?=[.:]))?(?:${URL_CHAR}${SPACE_CHARS}+){2,}${URL_CHAR}+`,
  'gi',
);
