/**
 * Pinyin for keyword groups that opt in: what people type instead of the characters.
 * Keywords get their forms once, at compile time (pinyin-pro); a message only has its
 * Chinese characters turned into toneless syllables, one memoized look-up per character,
 * and only in workspaces that hold a pinyin group.
 *
 * Two kinds of form, so that neither can meet the other by accident:
 * - Latin forms (`tuikuan`, `tk`) are ordinary patterns over the normalized message; the
 *   matcher accepts them only as whole Latin tokens (not the `tk` of `tkinter`);
 * - the syllable form (退款 → tui, kuan) is scanned over the message's syllable text, in a
 *   private alphabet of the workspace (`SyllableAlphabet`): one code per syllable of its
 *   keywords, so a message's syllable text has one char per character (the same length as
 *   the message, not five times it) and matches same-sounding characters (退宽) only.
 */
import { pinyin } from 'pinyin-pro';

export interface PinyinForms {
  /** Full toneless pinyin and initials, lower-case Latin (ü written v, as people type it). */
  latin: string[];
  /** The keyword's syllables, one per character, or null when it is not all Chinese characters. */
  syllables: string[] | null;
}

const HAN = /^\p{Script=Han}$/u;

/**
 * At most this many full readings (and as many initial forms) per keyword: every reading of a
 * multi-reading character is accepted (重置 is typed "chongzhi" as well as "zhongzhi"), but a long
 * keyword of such characters would otherwise multiply into thousands of automaton patterns.
 */
export const MAX_READINGS_PER_KEYWORD = 8;

/**
 * The forms of one normalized keyword; a keyword with anything but Chinese characters has none.
 * @example pinyinForms('重置') // { latin: ['zhongzhi', 'chongzhi', 'zz', 'cz'], syllables: ['zhong', 'zhi'] }
 */
export function pinyinForms(keyword: string): PinyinForms {
  const chars = [...keyword];
  if (chars.length === 0 || !chars.every((ch) => HAN.test(ch))) return { latin: [], syllables: null };
  const perChar = chars.map(syllableOf);
  // The phrase reading knows some polyphones in context; the per-char one is what a message gets.
  const phrase = pinyin(keyword, { toneType: 'none', type: 'array', v: true });
  const full = new Set<string>();
  const initials = new Set<string>();
  for (const reading of [phrase, perChar, ...otherReadings(chars, perChar)]) {
    if (full.size >= MAX_READINGS_PER_KEYWORD) break;
    full.add(reading.join(''));
    // One initial is a letter, not a word anybody means: initials need two characters.
    if (reading.length >= 2) initials.add(reading.map((s) => s[0] ?? '').join(''));
  }
  return { latin: [...full, ...initials].filter((f) => /^[a-z]+$/.test(f)), syllables: perChar };
}

/**
 * The keyword's readings other than the common one, one changed character first, then two …:
 * lazily, so that the caller's bound also bounds the work.
 */
function* otherReadings(chars: readonly string[], common: readonly string[]): Generator<string[]> {
  const alternates = chars.map((ch, i) => readingsOf(ch).filter((r) => r !== common[i]));
  const polyphones = alternates.filter((a) => a.length > 0).length;
  for (let changed = 1; changed <= polyphones; changed++) yield* changing(alternates, common, changed, 0);
}

function* changing(
  alternates: readonly string[][],
  common: readonly string[],
  count: number,
  from: number,
): Generator<string[]> {
  if (count === 0) {
    yield [...common];
    return;
  }
  for (let i = from; i < alternates.length; i++) {
    for (const reading of alternates[i] ?? []) {
      for (const rest of changing(alternates, common, count - 1, i + 1)) {
        rest[i] = reading;
        yield rest;
      }
    }
  }
}

export interface SyllableText {
  /** One char per code point of the normalized text: its syllable's code, or GAP. */
  text: string;
  /** `offsets[i]` is the offset in the normalized text of code point `i`; `offsets[text.length]` its length. */
  offsets: Uint32Array;
}

/** Stands for any character without a syllable of the alphabet, so that no syllable pattern spans it. */
const GAP = '\u0000';
/** Codes are the chars after GAP; past this many distinct syllables a keyword gets no syllable form. */
const ALPHABET_CAPACITY = 0xffff;

/**
 * The syllables of one workspace's pinyin keywords, each given a one-char code when the
 * workspace compiles. A message syllable outside the alphabet is in no pattern, so it
 * becomes a GAP like any other character without a syllable.
 * @example
 * const a = new SyllableAlphabet();
 * const pattern = a.pattern(['tui', 'kuan']); // '\u0001\u0002'
 * a.textOf('退宽吗')?.text // '\u0001\u0002\u0000' (ma is no keyword's syllable)
 */
export class SyllableAlphabet {
  readonly #codes = new Map<string, string>();

  /** The automaton pattern of a keyword's syllables (compile time: adds the new ones), or null when the alphabet is full. */
  pattern(syllables: readonly string[]): string | null {
    let pattern = '';
    for (const syllable of syllables) {
      let code = this.#codes.get(syllable);
      if (code === undefined) {
        if (this.#codes.size >= ALPHABET_CAPACITY) return null;
        code = String.fromCharCode(this.#codes.size + 1);
        this.#codes.set(syllable, code);
      }
      pattern += code;
    }
    return pattern;
  }

  /**
   * The normalized text in the alphabet, or null when none of its characters has a syllable
   * of the alphabet (no pattern can match: nothing to scan).
   */
  textOf(normalized: string): SyllableText | null {
    let text = '';
    let any = false;
    const offsets = new Uint32Array(normalized.length + 1);
    let n = 0;
    for (let i = 0; i < normalized.length; n++) {
      const cp = normalized.codePointAt(i) ?? 0;
      offsets[n] = i;
      // Only CJK can be Han: everything below is a gap without a look-up.
      const syllable = cp >= 0x2e80 ? syllableOfCodePoint(cp) : null;
      const code = syllable === null ? undefined : this.#codes.get(syllable);
      if (code !== undefined) any = true;
      text += code ?? GAP;
      i += cp > 0xffff ? 2 : 1;
    }
    offsets[n] = normalized.length;
    return any ? { text, offsets } : null;
  }
}

// Bounded memo: the characters people type are a few thousand; past the cap we just compute.
const MEMO_CAP = 65_536;
const memo = new Map<string, string>();

const readingsMemo = new Map<string, string[]>();

/** Every toneless reading of one character (重: zhong, chong), the most common first. */
function readingsOf(ch: string): string[] {
  const cached = readingsMemo.get(ch);
  if (cached !== undefined) return cached;
  const readings = [...new Set(pinyin(ch, { toneType: 'none', multiple: true, type: 'array', v: true }))];
  if (readingsMemo.size < MEMO_CAP) readingsMemo.set(ch, readings);
  return readings;
}

/**
 * Characters whose dictionary reading alone is not how they read in chat: pinyin-pro reads a
 * lone 了 as liao (了解), but in messages it is the particle le, and as liao it made every
 * 太慢了 sound like 聊 (客服 + 聊 fired the hand-off on a complaint).
 */
const RUNNING_TEXT_READINGS: ReadonlyMap<string, string> = new Map([['了', 'le']]);

const codePointMemo = new Map<number, string | null>();

/**
 * The running-text syllable of one character (了 reads le), or null when it is not Han or has no
 * reading: the compliance checks spell lexicon terms with it, as keyword groups spell messages.
 */
export function hanSyllableOf(ch: string): string | null {
  const syllable = syllableOfCodePoint(ch.codePointAt(0) ?? 0);
  return syllable !== null && /^[a-z]+$/.test(syllable) ? syllable : null;
}

/** The running-text syllable of a Han code point, or null for any other character. */
function syllableOfCodePoint(cp: number): string | null {
  const cached = codePointMemo.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  const syllable = HAN.test(ch) ? syllableOf(ch) : null;
  if (codePointMemo.size < MEMO_CAP) codePointMemo.set(cp, syllable);
  return syllable;
}

/** The most common toneless reading of one character in running text. */
function syllableOf(ch: string): string {
  const cached = memo.get(ch);
  if (cached !== undefined) return cached;
  const syllable = RUNNING_TEXT_READINGS.get(ch) ?? pinyin(ch, { toneType: 'none', v: true });
  if (memo.size < MEMO_CAP) memo.set(ch, syllable);
  return syllable;
}
