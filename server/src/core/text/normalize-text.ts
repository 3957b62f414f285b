/**
 * Text normalization for matching, run once per message field: NFKC (full-width →
 * half-width), lowercase, Cyrillic/Greek look-alikes → Latin, traditional → simplified
 * Chinese, with separators, marks and emoji dropped, so `退-款`, `退 款`, `ＴＵＩ款` and `保證治癒` meet the patterns they hide.
 * Every normalized char keeps the UTF-16 index of the input char it came from.
 */
import { Converter, ConverterFactory, Locale } from 'opencc-js/t2cn';
import { foldHomoglyph } from './homoglyphs.js';

export interface NormalizedText {
  text: string;
  /** `map[i]` = UTF-16 index in the input of the char that produced `text[i]`; `map[text.length] = input.length`. */
  map: number[];
}

/**
 * Normalizes `input` for matching and keeps the offset map back to it.
 * @example normalizeText('退-款').text // '退款'
 */
export function normalizeText(input: string): NormalizedText {
  let text = '';
  // The char-wise simplified text, started lazily at the first traditional char.
  let charwise: string | null = null;
  // Whether the whole-string conversion can differ from the char-wise one (see Entry.alone).
  let wholeMayDiffer = false;
  const map: number[] = [];
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i) ?? 0;
    const entry = cp < 0x80 ? (ASCII_ENTRIES[cp] ?? DROPPED) : entryOf(cp);
    const piece = entry.piece;
    for (let k = 0; k < piece.length; k++) map.push(i);
    if (entry.simplified !== null && charwise === null) charwise = text;
    if (charwise !== null) charwise += entry.simplified ?? piece;
    if (!entry.alone) wholeMayDiffer = true;
    text += piece;
    i += cp > 0xffff ? 2 : 1;
  }
  map.push(input.length);
  // Whole-string conversion knows phrases (乾隆 vs 乾淨); use it only when it keeps the
  // length, so the offset map stays exact, else fall back to the char-wise conversion.
  // When no char can start a phrase or change length, both are the same string: skip it.
  if (charwise !== null && wholeMayDiffer) {
    const whole = toSimplified(text);
    text = whole.length === text.length ? whole : charwise;
  } else if (charwise !== null) text = charwise;
  return { text, map };
}

/**
 * The same pipeline for patterns (lexicon terms, keywords), so patterns and texts agree.
 * @example normalizeTerm('１００％有效') // '100%有效'
 */
export function normalizeTerm(term: string): string {
  return normalizeText(term).text;
}

/**
 * A space-separated list of cue words, each normalized as a term: how the checks and the matcher
 * write their fixed word lists.
 * @example normalizedTerms('已經 唔該') // ['已经', '唔该']
 */
export function normalizedTerms(list: string): string[] {
  return list.split(' ').map(normalizeTerm);
}

/** What one input code point becomes: its normalized piece, and the char-wise simplified piece when that differs. */
interface Entry {
  piece: string;
  simplified: string | null;
  /**
   * The whole-string conversion of any text holding the piece converts it on its own, to
   * `simplified ?? piece`: no char of it (before or after the normalization stage) starts a
   * phrase or an ideographic description sequence, and its conversion keeps its length.
   */
  alone: boolean;
}

// Built once at module load: converter construction costs milliseconds.
const toSimplified = Converter({ from: 't', to: 'cn' });
const convertsAlone = aloneTest();

/**
 * Which chars opencc's t→cn conversion provably converts one by one, read from its own
 * configuration (Converter({ from: 't', to: 'cn' }) runs the `t2s` preset): a normalization
 * stage, then one stage whose trie matches longest keys first. A char that starts no
 * multi-char key of either stage, and whose normalized form has none either, is replaced
 * by its own entry wherever it stands; ideographic description characters (U+2FF0–2FFF)
 * make the converter copy a whole sequence, so they never count. Any other shape of the
 * preset (a segmentation, more stages) turns the shortcut off.
 */
function aloneTest(): (ch: string) => boolean {
  const preset = Locale.configs['t2s'];
  if (!preset || preset.segmentation || preset.conversionChain.length !== 1) return () => false;
  const groups = [...(preset.normalizationChain ?? []), ...preset.conversionChain];
  const phraseStarts = new Set<number>();
  for (const group of groups) {
    for (const dict of group) {
      const keys =
        typeof dict === 'string'
          ? dict.split('|').map((entry) => entry.split(' ')[0] ?? '')
          : dict.map((pair: readonly [string, string]) => pair[0]);
      for (const key of keys) if ([...key].length > 1) phraseStarts.add(key.codePointAt(0) ?? 0);
    }
  }
  const normalize = preset.normalizationChain ? ConverterFactory(...preset.normalizationChain) : (s: string) => s;
  const free = (s: string) =>
    [...s].every((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return !phraseStarts.has(cp) && !(cp >= 0x2ff0 && cp <= 0x2fff);
    });
  return (ch) => free(ch) && free(normalize(ch));
}

/** Emoji parts, tested on the input code point before NFKC (™ would otherwise become "tm"). */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{Emoji_Modifier}\u{FE0E}\u{FE0F}\u{20E3}]/u;

/**
 * Chars dropped after NFKC: white space, controls, format and zero-width chars, combining
 * marks, dashes, connectors, modifier symbols, quotes and CJK brackets (打开【手机淘宝】),
 * and the punctuation people slip between characters to dodge filters. Sentence
 * punctuation (，。！？；：) and ASCII parentheses (NFKC's ㈱ → (株)) stay.
 */
const SEPARATOR =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Mn}\p{Me}\p{Pd}\p{Pc}\p{Sk}.·・*|/\\~'"`+=#•‧∙⋅°‘’“”【】〖〗「」『』〈〉《》]/u;

/**
 * Code points a client shows as nothing, a box or a question mark, which a reader skips over like a
 * zero-width space (保证\ud800治愈 reads 保证治愈), so matching drops them too: lone surrogates
 * (a string cut mid-pair), U+FFFD and U+FFFC (the replacement and object-replacement boxes),
 * the noncharacters U+FDD0–FDEF and U+xFFFE/xFFFF of every plane, and private-use chars.
 * Private use is dropped as well: a PUA char is either a box or blank to the reader, or one of
 * the SoftBank emoji codes (U+E001–E537) that WeChat still renders as emoji, and emoji are
 * dropped anyway. Other unassigned code points stay: the engine's Unicode tables may simply
 * predate a new char, and dropping real text would join words that were never together.
 */
function isInvalid(cp: number): boolean {
  const surrogate = cp >= 0xd800 && cp <= 0xdfff; // codePointAt yields one only when unpaired
  const privateUse = (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
  const noncharacter = (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
  return surrogate || privateUse || noncharacter || cp === 0xfffc || cp === 0xfffd;
}

const DROPPED: Entry = { piece: '', simplified: null, alone: true };
const ASCII_ENTRIES: Entry[] = Array.from({ length: 0x80 }, (_, cp) => computeEntry(cp));

// Bounded memo: distinct code points are few in practice; past the cap we just compute.
const MEMO_CAP = 65_536;
const memo = new Map<number, Entry>();

function entryOf(cp: number): Entry {
  const cached = memo.get(cp);
  if (cached !== undefined) return cached;
  const entry = computeEntry(cp);
  if (memo.size < MEMO_CAP) memo.set(cp, entry);
  return entry;
}

function computeEntry(cp: number): Entry {
  const original = String.fromCodePoint(cp);
  if (isInvalid(cp) || EMOJI.test(original)) return DROPPED;
  let piece = '';
  for (const ch of original.normalize('NFKC').toLowerCase()) {
    // Cyrillic/Greek look-alikes of Latin letters (tаobao with a Cyrillic а) meet Latin patterns.
    if (!SEPARATOR.test(ch)) piece += foldHomoglyph(ch);
  }
  if (piece === '') return DROPPED;
  // Only CJK can be traditional; skip the converter for everything else.
  if (cp < 0x2e80) return { piece, simplified: null, alone: convertsAlone(piece) && toSimplified(piece) === piece };
  const simplified = toSimplified(piece);
  const alone = convertsAlone(piece) && simplified.length === piece.length;
  return { piece, simplified: simplified !== piece && simplified.length === piece.length ? simplified : null, alone };
}
