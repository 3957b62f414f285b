/**
 * A claim that is denied is not a claim: 不能保证治愈, 无法根治, 并非无副作用, 不敢说能治好.
 * For hits of negatable lexicons (medical ones by default), a negation ending right before
 * the hit — after skipping a few filler words (一定, 百分百, 说, 能) — cancels it. Only the
 * few characters before the hit are read, so this stays linear in the hits.
 */
/**
 * @param normalized the field's normalized text the hits index into.
 * @example isNegated('本品不能保证治愈', 4) // true
 */
export function isNegated(normalized: string, start: number): boolean {
  return negatorBefore(normalized, start) !== undefined;
}

/**
 * The negation ending right before `start` (fillers skipped), longest first, if any.
 * @example negatorBefore('本品不能保证治愈', 4) // '不能'
 */
export function negatorBefore(normalized: string, start: number): string | undefined {
  const window = normalized.slice(Math.max(0, start - LOOK_BEHIND), start);
  let before = window;
  for (let round = 0; round < 3; round++) {
    const filler = FILLERS.find((f) => before.endsWith(f));
    if (!filler) break;
    before = before.slice(0, -filler.length);
  }
  const negator = negatorEndingAt(before, before.length) ?? negatorOfList(before);
  // A verb's potential complement is no denial (海关那边出不来的, 买不到): 不 between a verb and 来, 到 ….
  if (negator === '不' && before === window) {
    const verb = before[before.length - 2] ?? '';
    if (HAN.test(verb) && !NEGATOR_CHARS.includes(verb) && COMPLEMENTS.includes(normalized[start] ?? ''))
      return undefined;
  }
  return negator;
}

/** What a potential complement's 不 is followed by (出不来, 买不到, 用不完). */
const COMPLEMENTS = '来去到了出起完住动着';
/** Chars that, before 不, make it part of a longer negation or an adverb (并不, 也不, 都不). */
const NEGATOR_CHARS = '并也都还可决绝从毫再亦';
const HAN = /\p{Script=Han}/u;

const LOOK_BEHIND = 12;

/** The longest negation of at least `minLength` characters ending at `end`. */
function negatorEndingAt(text: string, end: number, minLength = 1): string | undefined {
  return NEGATORS_LONGEST_FIRST.find((n) => n.length >= minLength && text.endsWith(n, end));
}

/**
 * A later item of a list the negation opens (不含象牙、犀角): back over up to `LIST_ITEMS` items of
 * at most `LIST_ITEM_CHARS` characters, each ended by 、, to a negation of two characters or more
 * right before one of them (a lone 不 may begin an item: 不锈钢、).
 */
function negatorOfList(before: string): string | undefined {
  let end = before.length;
  for (let item = 0; item < LIST_ITEMS && before[end - 1] === '、'; item++) {
    const itemEnd = end - 1;
    let start = itemEnd;
    while (start > 0 && itemEnd - start < LIST_ITEM_CHARS && !LIST_BREAKS.includes(before[start - 1] ?? '')) {
      start--;
      const negator = negatorEndingAt(before, start, 2);
      if (negator) return negator;
    }
    end = start;
  }
  return undefined;
}

const LIST_ITEMS = 3;
const LIST_ITEM_CHARS = 8;
/** What ends a list item looking back: the previous item's 、, or a clause or sentence end. */
const LIST_BREAKS = '、,;。!?';

/** Words that may stand between a negation and the claim it denies (longest first). */
const FILLERS = [
  '百分之百',
  '百分百',
  '100%',
  '一定',
  '完全',
  '绝对',
  '彻底',
  '任何',
  '自行',
  '擅自',
  '随意',
  '宣称',
  '具有',
  '具备',
  '承诺',
  '保证',
  '宣传',
  '公布',
  '提供',
  '搞',
  '参加',
  '发送',
  '使用',
  '说',
  '发',
  '能',
  '会',
  '都',
  '也',
  '可以',
  '就',
  '靠',
];

/** Negations, as they end right before the claim. */
const NEGATORS = [
  '不',
  '没',
  '未',
  '勿',
  '无法',
  '没法',
  '没办法',
  '不能',
  '不会',
  '不可',
  '不是',
  '不敢',
  '并非',
  '并不',
  '没有',
  '没人',
  '没有人',
  '谁也不',
  '谁都不',
  '未能',
  '难以',
  '很难',
  '不得',
  '禁止',
  '严禁',
  '不要',
  '谈不上',
  '称不上',
  '不一定',
  '不存在',
  '不含',
  '不接受',
  '不需要',
  '无需',
  '不用',
  '不宜',
  '不应',
];

const NEGATORS_LONGEST_FIRST = [...NEGATORS].sort((a, b) => b.length - a.length);
