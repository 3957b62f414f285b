/**
 * Lexicon terms with characters typed as toneless pinyin (issue 14, round 4): the terms' own
 * construction, judged like literal hits, and the near misses that must stay clean: a
 * same-sounding character, a Latin word that only starts like a syllable, an English word
 * beside Chinese text, a term's exclusion written the same way.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/default-policy-checks.js';
import { pinyinSubstitutionSteps } from '../../server/src/core/checks/pinyin-substituted-hits.js';
import type { TermPayload } from '../../server/src/core/checks/term-hit.js';
import { runToEnd } from '../../server/src/core/steps.js';

describe.each([
  [
    'BANNED_TERM',
    ['专业代kai发票，点数低', 'bing毒有货', '招shua单兼职，日结'],
    ['带开fa票的流程是什么', '请用kaifa票据系统', '冰箱已经发货', '冰墩墩dundun公仔已售罄'],
  ],
  [
    'PROMOTION',
    ['今晚八点miao杀', '全场满200立jian30'],
    ['请用wifi连接门店网络', 'Huawei手机已发货', 'mini版本已上架'],
  ],
  [
    'INDUCED_SHARING',
    ['转发朋友圈集zan送小礼品', '邀qing好友助力就送优惠券'],
    ['收到您的email，我们马上处理', '谢谢您的点赞和支持'],
  ],
  ['ABSOLUTE_TERM', ['这款是全网zui佳选择'], ['最近zui忙的是物流', 'zui近天气冷，注意保暖']],
])('%s', (code, hits, nearMisses) => {
  it.each(hits)('finds %s', (text) => expect(codes(text)).toContain(code));
  it.each(nearMisses)('passes %s', (text) => expect(codes(text)).not.toContain(code));
});

describe('pinyinSubstitutionSteps', () => {
  const payload = { kind: 'term', role: 'hit', term: '代开发票' } as TermPayload; // only identity matters here
  const find = runToEnd(pinyinSubstitutionSteps([{ pattern: '代开发票', payload }]));
  it('reports the span in the normalized text, over any mix of characters and syllables', () => {
    expect(find('请dai开fa票').map((h) => [h.start, h.end])).toEqual([[1, 8]]);
    expect(find('代kaifa票').map((h) => [h.start, h.end])).toEqual([[0, 7]]);
  });
  it('needs a Chinese character of the term itself, and every Latin run wholly inside the term', () => {
    expect(find('daikaifapiao')).toEqual([]); // all Latin: an ordinary word as often as not
    expect(find('带开fa票')).toEqual([]); // 带 sounds like 代 but is not the term's character
    expect(find('xdai开fa票')).toEqual([]); // the run xdai is not the syllable dai
    expect(find('代开发票')).toEqual([]); // literal: the main automaton's job
  });
});
