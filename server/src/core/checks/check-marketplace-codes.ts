/**
 * MARKETPLACE_CODE: marketplace share codes (淘口令 `￥AbC123dEf￥`, `€…€`, `(…)`), the
 * "复制这段内容…打开淘宝" instructions that come with them, a code given by its name without
 * delimiters (淘口令：AbCdEfGh12, 这是淘口令…您复制一下), and the current share text of 淘宝, 天猫,
 * 闲鱼 and 京东 by its fixed parts: the search-and-open instruction (HU0854「羊毛衫」点击链接直接打开
 * 或者 淘宝搜索直接打开), its closing 「title」点击链接直接打开, and its header 【淘宝】https://….
 */
import type { NormalizedText } from '../text/normalize-text.js';
import type { Reason, Severity } from '../reason.js';
import type { CodeSetting } from './code-setting.js';
import { fieldEvidence } from './field-evidence.js';
import type { ReplyField } from './reply-fields.js';
import type { TermHit, TermPayload } from './term-hit.js';

/**
 * @param hits the field's live term hits, ordered by start; the `copy` / `open-app` cues are used here.
 */
export function checkMarketplaceCodes(
  field: ReplyField,
  normalized: NormalizedText,
  hits: readonly TermHit[],
  setting: CodeSetting,
): Reason[] {
  const reasons: Reason[] = [];
  for (const [start, end] of delimitedCodes(field.text)) {
    const text = field.text.slice(start, end);
    reasons.push({
      code: 'MARKETPLACE_CODE',
      severity: setting.severity,
      message: `回复中含有电商口令“${text}”（淘口令一类），客服消息不能引导用户到站外电商平台。`,
      ruleId: RULE_ID,
      evidence: { field: field.field, text, start, end },
    });
  }
  /** A finding from cue hits, its evidence the original text of normalized `[start, end)`. */
  const cueFinding = (payload: TermPayload, start: number, end: number, message: (text: string) => string): Reason => {
    const evidence = fieldEvidence(field.field, field.text, normalized, start, end);
    return {
      code: payload.code,
      severity: payload.severity,
      message: message(evidence.text),
      ruleId: RULE_ID,
      evidence,
    };
  };
  for (const hit of hits) {
    if (hit.payload.cue !== 'share-text') continue;
    const { start, end } = fieldEvidence(field.field, field.text, normalized, hit.start, hit.end);
    const part = shareTextPart(field.text, start, end, hit.payload.term === SHARE_CLOSING);
    if (!part) continue;
    const text = field.text.slice(part.start, part.end);
    reasons.push({
      code: hit.payload.code,
      severity: hit.payload.severity,
      message: `“${text}”是电商平台分享口令的固定格式，客服消息不能引导用户到站外电商平台。`,
      ruleId: RULE_ID,
      evidence: { field: field.field, text, ...part },
    });
  }
  const copies = hits.filter((h) => h.payload.cue === 'copy');
  for (const name of hits) {
    const cue = name.payload.cue;
    if (cue !== 'code-name' && cue !== 'code-search') continue;
    // Searching the app for what the message holds (淘宝搜索直接打开) is the code's use in itself.
    const end = cue === 'code-search' ? name.end : namedCodeEnd(normalized.text, name, copies);
    if (end === undefined) continue;
    reasons.push(
      cueFinding(
        name.payload,
        name.start,
        end,
        (text) => `“${text}”给出电商口令，客服消息不能引导用户到站外电商平台。`,
      ),
    );
  }
  if (copies.length === 0) return reasons;
  let lo = 0;
  for (const open of hits) {
    if (open.payload.cue !== 'open-app') continue;
    // Both lists are sorted by start: look only at copies in a window around the app name.
    while (lo < copies.length && (copies[lo]?.end ?? 0) < open.start - CUE_DISTANCE) lo++;
    const copy = copies[lo];
    if (!copy || copy.start > open.end + CUE_DISTANCE) continue;
    reasons.push(
      cueFinding(
        open.payload,
        Math.min(copy.start, open.start),
        Math.max(copy.end, open.end),
        (text) => `“${text}”引导用户复制口令并打开电商应用，客服消息不能发送电商口令。`,
      ),
    );
  }
  return reasons;
}

/** The built-in cue patterns (复制 / 打开淘宝 …), added to the policy's term patterns. */
export function marketplaceCuePatterns(
  severity: Severity,
  firstKey: number,
): Array<{ pattern: string; payload: TermPayload }> {
  const cue = (
    term: string,
    kind: 'copy' | 'open-app' | 'code-name' | 'code-search' | 'share-text',
    termKey: number,
  ): { pattern: string; payload: TermPayload } => ({
    pattern: term,
    payload: {
      kind: 'term',
      role: 'cue',
      cue: kind,
      lexiconId: '$marketplace',
      lexiconName: '电商口令',
      term,
      code: 'MARKETPLACE_CODE',
      severity,
      termKey,
      promotional: false,
    },
  });
  const patterns = COPY_CUES.map((term, i) => cue(term, 'copy', firstKey + i));
  for (const name of CODE_NAMES) patterns.push(cue(name, 'code-name', firstKey + patterns.length));
  for (const app of MARKETPLACE_APPS) {
    for (const search of CODE_SEARCHES) patterns.push(cue(app + search, 'code-search', firstKey + patterns.length));
  }
  for (const verb of OPEN_VERBS) {
    for (const app of MARKETPLACE_APPS) patterns.push(cue(verb + app, 'open-app', firstKey + patterns.length));
  }
  patterns.push(cue(SHARE_CLOSING, 'share-text', firstKey + patterns.length));
  // Normalized text keeps the scheme's letters and drops the brackets: 【京东】https://… reads 京东https….
  for (const app of MARKETPLACE_APPS) patterns.push(cue(`${app}http`, 'share-text', firstKey + patterns.length));
  return patterns;
}

/**
 * The span of a `share-text` cue found at original `[start, end)` when it stands where the share
 * text puts it: the closing right after a 「title」 (or 【title】); the header as a bracketed app
 * name with the link straight after it (the span: 【京东】). "点击链接直接打开" in a sentence of its
 * own, or an app named before a link in passing (请到京东 https://…, an external link all the
 * same), is not one.
 */
function shareTextPart(
  text: string,
  start: number,
  end: number,
  closing: boolean,
): { start: number; end: number } | undefined {
  const found = text.slice(start, end);
  if (closing) return /[」】]\s*$/.test(text.slice(0, start)) ? { start, end } : undefined;
  const header = /^[^】\s]+】(?=\s*https?)/i.exec(found);
  return text[start - 1] === '【' && header ? { start: start - 1, end: start + header[0].length } : undefined;
}

const RULE_ID = 'check:MARKETPLACE_CODE';
/** Max normalized chars between 复制 and 打开淘宝 for the two to be one instruction. */
const CUE_DISTANCE = 40;
/** Names of share codes (already normalized): with a code or a 复制 near them, they hand one over. */
const CODE_NAMES = [
  '淘口令',
  '淘宝口令',
  '天猫口令',
  '拼多多口令',
  '京口令',
  '京东口令',
  '抖音口令',
  '快手口令',
  '闲鱼口令',
  '唯品会口令',
];
/** The closing of 淘宝, 天猫, 闲鱼 and 京东 share texts, after the item's 「title」. */
const SHARE_CLOSING = '点击链接直接打开';
/** After an app's name: searching it for the code the message carries (淘宝搜索直接打开). */
const CODE_SEARCHES = ['搜索直接打开', '搜索打开', '搜索框粘贴', '搜索口令', '粘贴口令'];
/** Max normalized chars between a code's name and the code. */
const NAMED_CODE_DISTANCE = 12;
/** An undelimited code: 8–14 letters and digits, with a letter (口令 codes mix both; a price has none). */
const BARE_CODE = /[a-z0-9]{8,14}/g;
const COPY_CUES = ['复制'];
const OPEN_VERBS = ['打开', '去', '进入', '到'];
/** Platforms whose share codes are pasted into their apps (already normalized); 抖音, 快手, 小红书 and 得物 sell through their shops too. */
const MARKETPLACE_APPS = [
  '淘宝',
  '手机淘宝',
  '天猫',
  '手机天猫',
  '淘特',
  '京东',
  '拼多多',
  '闲鱼',
  '抖音',
  '快手',
  '小红书',
  '得物',
  '唯品会',
  '阿里巴巴',
  '1688',
  '拼夕夕',
];

/** Currency-like symbols used as 淘口令 delimiters; any of them may close a code opened by another. */
const CURRENCY = new Set(['￥', '¥', '€', '₤', '£', '$', '＄', '₴', '₳', '₰', '₵', '¢', '₲', '₱', '₭', '₮', '₩']);
/** Bracket variants: `(AbC123dEf)`, `👉AbC123dEf👈`; these also need a digit, since `(password)` is a word. */
const BRACKETS: ReadonlyMap<string, string> = new Map([
  ['(', ')'],
  ['（', '）'],
  ['《', '《'],
  ['〔', '〕'],
  ['👉', '👈'],
]);
/** Spacers people put between a code's characters to slip past filters (`€·f·X·b·h·D·B·Z·w·W·e·T·€`, `€ S R K U S d L i C z 2 €`). */
const SPACERS = new Set([' ', '\u3000', '·', '•', '・', '*']);
const MIN_CODE = 8;
const MAX_CODE = 14;

/**
 * [start, end) spans of delimiter + 8–14 alphanumerics (with a letter) + delimiter, spacers allowed between.
 * `￥199` and `￥199元` have no closing symbol or no letter, so they are prices.
 */
function delimitedCodes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const open = openerAt(text, i);
    if (open === undefined) continue;
    const closer = BRACKETS.get(open);
    let j = i + open.length;
    let letters = 0;
    let digits = 0;
    let spacers = 0; // between two characters of the code, not padding
    let spaced = false;
    let run = 0;
    let longestRun = 0;
    for (; j < text.length && letters + digits <= MAX_CODE && j - i <= 3 * MAX_CODE; j++) {
      if (SPACERS.has(text[j] ?? '')) {
        spaced = letters + digits > 0;
        run = 0;
        continue;
      }
      const kind = alnumKind(text.charCodeAt(j));
      if (kind === 0) break;
      if (spaced) spacers++;
      spaced = false;
      if (kind === 1) letters++;
      else digits++;
      longestRun = Math.max(longestRun, ++run);
    }
    const length = letters + digits;
    const closes = closer === undefined ? CURRENCY.has(text[j] ?? '') : text.startsWith(closer, j);
    // Spaced out means one character between spacers; "$ 20 for the kit $" is words, not a code.
    const shaped = spacers === 0 || longestRun === 1;
    if (
      closes &&
      shaped &&
      length >= MIN_CODE &&
      length <= MAX_CODE &&
      letters > 0 &&
      (closer === undefined || digits > 0)
    ) {
      const end = j + (closer ?? text[j] ?? '').length;
      spans.push([i, end]);
      i = end - 1;
    }
  }
  return spans;
}

/** The delimiter opening a code at `i`, if any (👉 is two UTF-16 units). */
function openerAt(text: string, i: number): string | undefined {
  const ch = text[i] ?? '';
  if (CURRENCY.has(ch) || BRACKETS.has(ch)) return ch;
  return text.startsWith('👉', i) ? '👉' : undefined;
}

/** 1 letter, 2 digit, 0 neither; full-width forms count (ＡＢＣ１２３). */
function alnumKind(c: number): 0 | 1 | 2 {
  const a = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  if ((a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a)) return 1;
  if (a >= 0x30 && a <= 0x39) return 2;
  return 0;
}

/**
 * Where the code a name (淘口令) hands over ends, in normalized offsets: the end of a bare code
 * within `NAMED_CODE_DISTANCE` after it, else of a 复制 within `CUE_DISTANCE` either side; undefined
 * when neither is there (淘口令 said in passing).
 */
function namedCodeEnd(text: string, name: TermHit, copies: readonly TermHit[]): number | undefined {
  const from = name.end;
  BARE_CODE.lastIndex = from;
  for (let m = BARE_CODE.exec(text); m && m.index - from <= NAMED_CODE_DISTANCE; m = BARE_CODE.exec(text)) {
    const whole = !/[a-z0-9]/.test(text[m.index - 1] ?? '') && !/[a-z0-9]/.test(text[m.index + m[0].length] ?? '');
    if (whole && /[a-z]/.test(m[0]) && /[0-9]/.test(m[0])) return m.index + m[0].length;
  }
  const copy = copies.find((c) => c.end >= name.start - CUE_DISTANCE && c.start <= from + CUE_DISTANCE);
  return copy ? Math.max(from, copy.end) : undefined;
}
