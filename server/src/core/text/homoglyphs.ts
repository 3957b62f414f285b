/**
 * Look-alike letters used to dodge filters (`tаobao.com` with a Cyrillic а, `jd.cοm` with a
 * Greek ο): each folds to the lowercase Latin letter it imitates; likewise the rare Han look-alikes
 * that share codes are dressed in (咑閞淘寳 for 打开淘宝), to the character they imitate. One UTF-16 unit maps to
 * one, so offset maps stay exact. NFKC already folds full-width forms (ｔａｏ, ０-９) and
 * mathematical alphanumerics (𝐭𝐚𝐨); these scripts it leaves alone.
 */

/**
 * @example foldHomoglyph('а') // 'a' (U+0430 CYRILLIC SMALL LETTER A)
 * @returns the Latin letter, or `ch` itself when it imitates none.
 */
export function foldHomoglyph(ch: string): string {
  return HOMOGLYPHS.get(ch) ?? ch;
}

/** Whether `text` holds any look-alike (a fast pre-test before folding a whole string). */
export function hasHomoglyph(text: string): boolean {
  return LOOKALIKE.test(text);
}

/**
 * Lowercase forms only: the normalizer lowercases first (Cyrillic Н → н, which imitates H).
 * Letters with no convincing Latin twin (ж, ш, λ …) are left alone.
 */
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic
  ['а', 'a'],
  ['в', 'b'],
  ['с', 'c'],
  ['ԁ', 'd'],
  ['е', 'e'],
  ['ё', 'e'],
  ['ɡ', 'g'],
  ['һ', 'h'],
  ['н', 'h'],
  ['і', 'i'],
  ['ї', 'i'],
  ['ј', 'j'],
  ['к', 'k'],
  ['ӏ', 'l'],
  ['м', 'm'],
  ['п', 'n'],
  ['о', 'o'],
  ['р', 'p'],
  ['ԛ', 'q'],
  ['г', 'r'],
  ['ѕ', 's'],
  ['т', 't'],
  ['ц', 'u'],
  ['ѵ', 'v'],
  ['ԝ', 'w'],
  ['х', 'x'],
  ['у', 'y'],
  // Greek
  ['α', 'a'],
  ['β', 'b'],
  ['ϲ', 'c'],
  ['ε', 'e'],
  ['η', 'n'],
  ['ι', 'i'],
  ['κ', 'k'],
  ['ν', 'v'],
  ['ο', 'o'],
  ['ρ', 'p'],
  ['τ', 't'],
  ['υ', 'u'],
  ['χ', 'x'],
  ['γ', 'y'],
  ['ω', 'w'],
  ['ζ', 'z'],
  // Latin small capitals and other look-alikes
  ['ı', 'i'],
  ['ȷ', 'j'],
  ['ʟ', 'l'],
  ['ɑ', 'a'],
  ['ɩ', 'i'],
  ['ɪ', 'i'],
  ['ᴏ', 'o'],
  ['ꜱ', 's'],
  // Han: a mouth or door radical added to 打开, a variant 宝 (淘口令 spam; these chars have no other everyday use)
  ['咑', '打'],
  ['閞', '开'],
  ['寳', '宝'],
];

const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(PAIRS);
const LOOKALIKE = new RegExp(`[${PAIRS.map(([from]) => from).join('')}\\u0400-\\u042f\\u0391-\\u03a9]`, 'u');
