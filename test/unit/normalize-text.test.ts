import { describe, it, expect } from 'vitest';
import { normalizeText, normalizeTerm } from '../../server/src/core/text/normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['退-款', '退款'],
    ['退 款', '退款'],
    ['退_款', '退款'],
    ['退.款', '退款'],
    ['退·款', '退款'],
    ['退・款', '退款'],
    ['退*款', '退款'],
    ['退|款', '退款'],
    ['退/款', '退款'],
    ['退\\款', '退款'],
    ['退~款', '退款'],
    ['退\u200b款', '退款'], // zero-width space
    ['退\u3000款', '退款'], // ideographic space
    ['退😀款', '退款'],
    ['退👍🏻款', '退款'], // emoji with skin tone
    ['ＴＵＩ款', 'tui款'], // full-width latin → half-width, lowercase
    ['１００％有效', '100%有效'],
    ['保證治癒', '保证治愈'], // traditional → simplified
    ['我們的產品', '我们的产品'],
    ['‘今日特惠’', '今日特惠'], // quotes dropped
    ['打开【手机淘宝】', '打开手机淘宝'], // CJK brackets dropped
    ['您好，欢迎！', '您好,欢迎!'], // sentence punctuation kept, half-width
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('maps every normalized char back to the input char that produced it', () => {
    const r = normalizeText('请退-款');
    expect(r.text).toBe('请退款');
    expect(r.map).toEqual([0, 1, 3, 4]);
  });

  it('maps across surrogate pairs and dropped emoji', () => {
    const input = '😀最佳👍🏻';
    const r = normalizeText(input);
    expect(r.text).toBe('最佳');
    expect(r.map).toEqual([2, 3, input.length]);
  });

  it('maps chars that NFKC expands to several to the same input index', () => {
    const r = normalizeText('a㈱b');
    expect(r.text).toBe('a(株)b');
    expect(r.map).toEqual([0, 1, 1, 1, 2, 3]);
  });

  it('keeps the map exact for traditional text', () => {
    const input = '這 款 產品保證治癒';
    const r = normalizeText(input);
    expect(r.text).toBe('这款产品保证治愈');
    expect(r.map.length).toBe(r.text.length + 1);
    expect(input[r.map[4] ?? -1]).toBe('保');
  });

  it('normalizeTerm runs the same pipeline', () => {
    expect(normalizeTerm('保證 治癒')).toBe(normalizeText('保证治愈').text);
    expect(normalizeTerm('１００％ 有效')).toBe('100%有效');
  });
});
