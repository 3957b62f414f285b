/** Links the lists name: a bare host straight after full-width punctuation, domains under Chinese TLDs. */
import { describe, expect, it } from 'vitest';
import { findLinks } from '../../server/src/core/text/find-links.js';

describe('links after full-width punctuation and under Chinese TLDs', () => {
  it.each([
    ['视频教程：youtu.be/mEPvKoePu7n。', 'youtu.be'],
    ['详情（jd.com）', 'jd.com'],
    ['去购物.中国看看', '去购物.中国'],
    ['去购物[.]中国看看', '去购物.中国'],
    ['官网 商城.公司/help', '商城.公司'],
  ])('%s → %s', (text, host) => {
    expect(findLinks(text).map((l) => l.host)).toEqual([host]);
  });

  it.each(['时间是10:30开会', '中国人民', '购物中国', '版本v1:2.0']) ('%s has no link', (text) => {
    expect(findLinks(text)).toEqual([]);
  });

  it('a host:port after a word is still one link', () => {
    expect(findLinks('详见 a.com:8080/x').map((l) => l.url)).toEqual(['a.com:8080/x']);
  });
});
