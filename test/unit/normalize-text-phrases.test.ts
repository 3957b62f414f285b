/**
 * normalizeText converts Traditional script as opencc does on the whole text (phrases: 乾隆
 * stays, 乾淨 → 干净) whenever that keeps the length, else char by char; the shortcut that
 * skips the whole-text conversion must never change the result.
 */
import { describe, expect, it } from 'vitest';
import { Converter, Locale } from 'opencc-js/t2cn';
import { normalizeText } from '../../server/src/core/text/normalize-text.js';
import { hasHomoglyph } from '../../server/src/core/text/homoglyphs.js';

const toSimplified = Converter({ from: 't', to: 'cn' });

/**
 * The specification on text that normalization leaves alone apart from the script (CJK
 * ideographs; the few Han look-alikes of share-code spam fold on their own): a text with no char that is Traditional on its own (墨沈沈) is kept as it is.
 */
function expected(text: string): string {
  const alone = (c: string) => toSimplified(c) !== c && toSimplified(c).length === c.length;
  if (![...text].some(alone)) return text;
  const whole = toSimplified(text);
  if (whole.length === text.length) return whole;
  return [...text].map((c) => (alone(c) ? toSimplified(c) : c)).join('');
}

describe('normalizeText, Traditional script', () => {
  it('keeps phrase-aware conversion on texts built from the converter’s own phrases and chars', () => {
    const preset = Locale.configs['t2s'];
    const keys = [...(preset?.normalizationChain ?? []), ...(preset?.conversionChain ?? [])]
      .flat()
      .flatMap((dict) =>
        typeof dict === 'string'
          ? dict.split('|').map((e) => e.split(' ')[0] ?? '')
          : dict.map((pair: readonly [string, string]) => pair[0]),
      );
    const ideographs = keys.filter((k) =>
      [...k].every((c) => /^\p{Script=Han}$/u.test(c) && c.normalize('NFKC') === c),
    );
    expect(ideographs.length).toBeGreaterThan(3000);
    let seed = 9;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 20_000; i++) {
      const parts = Array.from({ length: 1 + Math.floor(next() * 5) }, () =>
        next() < 0.7
          ? ideographs[Math.floor(next() * ideographs.length)]
          : String.fromCodePoint(0x4e00 + Math.floor(next() * 20_000)),
      );
      const text = parts.join('');
      if (text.normalize('NFKC') !== text || hasHomoglyph(text)) continue;
      expect(normalizeText(text).text, text).toBe(expected(text));
    }
    expect(normalizeText('乾隆年間').text).toBe('乾隆年间');
    expect(normalizeText('很乾淨').text).toBe('很干净');
  });
});
