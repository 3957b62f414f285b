/** Han look-alikes that share-code spam dresses 打开淘宝 in fold to the characters they imitate, one for one. */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../server/src/core/text/normalize-text.js';

describe('Han look-alikes', () => {
  it('folds 咑閞淘寳 to 打开淘宝 and keeps offsets one for one', () => {
    const n = normalizeText('请咑閞淘寳');
    expect(n.text).toBe('请打开淘宝');
    expect(n.text.length).toBe('请咑閞淘寳'.length);
  });
  it('leaves the everyday characters alone', () => {
    expect(normalizeText('打开淘宝，宝贝已发货').text).toBe('打开淘宝,宝贝已发货');
  });
});
