import { describe, it, expect } from 'vitest';
import { Automaton } from '../../server/src/core/text/automaton.js';

const spans = <T>(ac: Automaton<T>, text: string) =>
  ac
    .scan(text)
    .map((h) => `${String(h.payload)}@${h.start}-${h.end}`)
    .sort();

describe('Automaton', () => {
  it('reports every occurrence, overlaps included (classic he/she/his/hers)', () => {
    const ac = new Automaton(['he', 'she', 'his', 'hers'].map((p) => ({ pattern: p, payload: p })));
    expect(spans(ac, 'ushers')).toEqual(['he@2-4', 'hers@2-6', 'she@1-4'].sort());
  });

  it.each([
    ['申请退款退钱', ['退款@2-4', '退钱@4-6']],
    ['第一次', ['第一@0-2', '第一次@0-3']],
    ['aaaa', ['a@0-1', 'a@1-2', 'a@2-3', 'a@3-4', 'aa@0-2', 'aa@1-3', 'aa@2-4']],
    ['没有命中', []],
    ['', []],
  ])('scans %j', (text, expected) => {
    const ac = new Automaton(['退款', '退钱', '第一', '第一次', 'a', 'aa'].map((p) => ({ pattern: p, payload: p })));
    expect(spans(ac, text)).toEqual([...expected].sort());
  });

  it('keeps several payloads of one pattern and ignores empty patterns', () => {
    const ac = new Automaton([
      { pattern: '最佳', payload: 1 },
      { pattern: '最佳', payload: 2 },
      { pattern: '', payload: 3 },
    ]);
    expect(ac.size).toBe(2);
    expect(
      ac
        .scan('最佳')
        .map((h) => h.payload)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('follows failure and output links through shared suffixes', () => {
    const ac = new Automaton(['abcd', 'bc', 'c', 'bcx'].map((p) => ({ pattern: p, payload: p })));
    expect(spans(ac, 'abcx')).toEqual(['bc@1-3', 'bcx@1-4', 'c@2-3'].sort());
  });

  it('handles astral chars as UTF-16 units, like the texts it scans', () => {
    const ac = new Automaton([{ pattern: '𠮷野', payload: 'x' }]);
    expect(spans(ac, '去𠮷野家')).toEqual(['x@1-4']);
  });

  it('builds 50,000 short CJK patterns and finds them', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    const entries = Array.from({ length: 50_000 }, (_, i) => ({
      pattern: Array.from({ length: 2 + (next() % 4) }, () => String.fromCharCode(0x4e00 + (next() % 3000))).join(''),
      payload: i,
    }));
    const ac = new Automaton(entries);
    expect(ac.size).toBe(50_000);
    const probe = entries[12_345];
    const found = ac.scan(`前缀${probe?.pattern ?? ''}后缀`).map((h) => h.payload);
    expect(found).toContain(12_345);
  });
});
