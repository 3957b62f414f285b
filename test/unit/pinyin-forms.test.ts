/**
 * The syllable side of pinyin groups: a keyword's syllables in the workspace's alphabet, a
 * message's characters as one code each, hits mapped back to the message's offsets.
 */
import { describe, expect, it } from 'vitest';
import type { KeywordGroup } from '../../rules-schema/index.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { keywordMatches } from '../../server/src/core/engine/scan-message.js';
import { pinyinForms, SyllableAlphabet } from '../../server/src/core/text/pinyin-forms.js';

describe('pinyinForms', () => {
  it('gives a keyword of Chinese characters its syllables, one per character', () => {
    expect(pinyinForms('退款').syllables).toEqual(['tui', 'kuan']);
    expect(pinyinForms('退款a').syllables).toBeNull();
  });
});

describe('SyllableAlphabet', () => {
  it('writes the same syllable with the same code, in keywords and in messages', () => {
    const alphabet = new SyllableAlphabet();
    const refund = alphabet.pattern(['tui', 'kuan']) ?? '';
    expect(refund).toHaveLength(2);
    expect(alphabet.pattern(['kuan'])).toBe(refund.slice(1));
    // 宽 sounds like 款; 吗 (ma) is no keyword's syllable and 1 is no character with one: gaps.
    const text = alphabet.textOf('退宽吗1');
    expect(text?.text.startsWith(refund)).toBe(true);
    expect(text?.text).toHaveLength(4);
    expect(text?.text.slice(2)).not.toContain(refund[0]);
  });

  it('has nothing to scan when no character of the message has a syllable of the alphabet', () => {
    const alphabet = new SyllableAlphabet();
    alphabet.pattern(['tui', 'kuan']);
    expect(alphabet.textOf('你好 hello')).toBeNull();
    expect(alphabet.textOf('')).toBeNull();
  });

  it('maps each code back to its character, a character beyond the BMP taking two offsets', () => {
    const alphabet = new SyllableAlphabet();
    alphabet.pattern(['tui']);
    const text = alphabet.textOf('𠀀推a');
    expect(text?.text).toHaveLength(3);
    expect([...(text?.offsets ?? [])].slice(0, 4)).toEqual([0, 2, 3, 4]);
  });
});

describe('syllable matching through the compiler', () => {
  it('finds a same-sounding keyword after a character beyond the BMP, at its offsets in the message', () => {
    const refund: KeywordGroup = { id: 'rf', name: '退款', keywords: ['退款'], pinyin: true };
    const compiled = compileWorkspace({ flows: [], groups: [refund] });
    expect([...keywordMatches(compiled, '𠀀怎么退宽').values()].map((m) => m.keyword)).toEqual(['退款']);
    expect([...keywordMatches(compiled, '退𠀀宽').values()]).toEqual([]);
  });
});
