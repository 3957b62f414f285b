/** 「建议添加」 as a pure function: ordering, de-duplication, the substring rule, exclusions; and the shipped synonym source. */
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import type { KeywordGroup, KeywordSynonyms } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { normalizeKeyword } from '../../rules-schema/normalize-keyword.js';
import synonymsJson from '../../rules-schema/defaults/keyword-synonyms.json' with { type: 'json' };
import { buildSynonymIndex } from '../../server/src/core/suggestions/build-synonym-index.js';
import { suggestKeywords } from '../../server/src/core/suggestions/suggest-keywords.js';

const source = (title: string) => [{ title, licence: '研究用途' }];
const index = buildSynonymIndex({
  schemaVersion: 1,
  sets: [
    {
      id: 'refund',
      name: '退款',
      words: ['退款', '退钱', '退回', '原路返回', '退款申请', '已经退款了'],
      sources: source('JDDC'),
    },
    { id: 'money-back', name: '钱退回', words: ['退钱', '退回', '到账', 'ＴＫ'], sources: source('京东帮助中心') },
    { id: 'return', name: '退货', words: ['退货', '寄回', '退回'], sources: source('淘宝规则') },
  ],
});
const group = (over: Partial<KeywordGroup>): KeywordGroup => ({ id: 'g', name: '退款', keywords: ['退款'], ...over });
const words = (g: KeywordGroup, limit?: number) => suggestKeywords(g, index, limit).map((s) => s.word);

describe('suggestKeywords', () => {
  it('suggests the words that share a set with a keyword, naming the keyword and the set’s sources', () => {
    const [first] = suggestKeywords(group({ mode: 'exact' }), index);
    expect(first).toEqual({ word: '退钱', because: '退款', set: 'refund', votes: 1, source: '同义词组“退款”：JDDC' });
    expect(words(group({ mode: 'exact' }))).toEqual(['退钱', '退回', '原路返回', '退款申请', '已经退款了']);
  });

  it('orders by how many of the group’s words point to a word, ties in the group’s then the source’s order', () => {
    // 退回 is in all three sets (退款, 退钱 and 退货 point to it); 原路返回 is reached from 退款 and 退钱; 到账 from 退钱 alone.
    const got = suggestKeywords(group({ mode: 'exact', keywords: ['退款', '退钱', '退货'] }), index);
    expect(got.map((s) => [s.word, s.votes])).toEqual([
      ['退回', 3],
      ['原路返回', 2],
      ['退款申请', 2],
      ['已经退款了', 2],
      ['到账', 1],
      ['ＴＫ', 1],
      ['寄回', 1],
    ]);
    expect(got[0]!.because).toBe('退款');
    // 寄回 is met first (through 退货) but 退回 has two voters, so it comes first.
    expect(words(group({ mode: 'exact', keywords: ['退货', '退钱'] }))).toEqual([
      '退回',
      '寄回',
      '退款',
      '原路返回',
      '退款申请',
      '已经退款了',
      '到账',
      'ＴＫ',
    ]);
  });

  it('lists a word once even when it is reached through several sets and spellings (width, case, spaces)', () => {
    const got = words(group({ mode: 'exact', keywords: ['退钱', ' 退 钱', 'tk'] }));
    expect(got.filter((w) => w === '退回')).toHaveLength(1);
    // ＴＫ is the group's tk after NFKC and lower case: already there, not suggested.
    expect(got).not.toContain('ＴＫ');
    expect(new Set(got).size).toBe(got.length);
  });

  it('leaves out words a substring keyword already catches when the group matches substrings', () => {
    expect(words(group({ mode: 'contains' }))).toEqual(['退钱', '退回', '原路返回']);
    expect(words(group({ mode: 'fuzzy' }))).not.toContain('退款申请');
    // Exact, regex and whole-word groups are not caught by a shorter keyword: the longer word stays.
    expect(words(group({ mode: 'exact' }))).toContain('退款申请');
    expect(words(group({ mode: 'contains', wholeWords: true }))).toContain('退款申请');
  });

  it('respects exclusions: never suggests one, nor a word containing one', () => {
    const got = words(group({ mode: 'exact', exclusions: ['原路返回', '已经退款'] }));
    expect(got).toEqual(['退钱', '退回', '退款申请']);
  });

  it('draws on combo words too, and leaves out words already in a combo', () => {
    const combos = [{ all: [['退货'], ['寄回', '怎么']] }];
    const got = suggestKeywords({ id: 'g', name: '退货', keywords: ['怎么寄'], combos, mode: 'exact' }, index);
    expect(got).toEqual([
      { word: '退回', because: '退货', set: 'return', votes: 2, source: '同义词组“退货”：淘宝规则' },
    ]);
  });

  it('suggests nothing for words outside every set, and stops at the limit', () => {
    expect(words(group({ keywords: ['发票'] }))).toEqual([]);
    expect(words(group({ mode: 'exact' }), 2)).toEqual(['退钱', '退回']);
  });
});

describe('the shipped synonym source', () => {
  const data = synonymsJson as KeywordSynonyms;

  it('passes its schema, with at least 15 intents and hundreds of words, each set with sources and licences', () => {
    const checked = validate<KeywordSynonyms>('keyword-synonyms', structuredClone(synonymsJson));
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(data.sets.length).toBeGreaterThanOrEqual(15);
    expect(data.sets.reduce((n, s) => n + s.words.length, 0)).toBeGreaterThanOrEqual(300);
    for (const set of data.sets)
      expect(
        set.sources.every((s) => s.title !== '' && s.licence !== ''),
        set.id,
      ).toBe(true);
    expect(new Set(data.sets.map((s) => s.id)).size).toBe(data.sets.length);
  });

  it('holds the words the issue names, Traditional and regional forms and pinyin initials among them', () => {
    const all = new Set(data.sets.flatMap((s) => s.words));
    for (const word of [
      '退款',
      '退货',
      '退钱',
      '退回',
      '原路返回',
      '到账',
      '物流',
      '快递',
      '配送',
      '派送',
      '发货',
      '到哪了',
      '催单',
      '单号',
      '密码',
      '登不上',
      '忘记密码',
      '重置密码',
      '找回密码',
      '人工',
      '真人',
      '转人工',
      '发票',
      '抬头',
      '优惠券',
      '换货',
      '尺码',
      '会员',
      '积分',
      '售后',
      '保修',
      '维修',
      '修改地址',
      'tk',
      'kd',
      '退錢',
      '發貨',
      '登入',
      '到咗未',
    ]) {
      expect(all.has(word), word).toBe(true);
    }
  });

  it('writes every word in its normalized form, so a lookup finds it as written', () => {
    const unnormalized = data.sets.flatMap((s) =>
      s.words.filter((w) => normalizeKeyword(w) !== w).map((w) => `${s.id}: ${w}`),
    );
    expect(unnormalized).toEqual([]);
  });

  it('spells each Latin abbreviation as the pinyin (or its initials) of a Chinese word of the same set', () => {
    const brands = new Set(['ems', 'vip']);
    const wrong = data.sets.flatMap((set) => {
      const forms = new Set(
        set.words
          .filter((w) => /\p{Script=Han}/u.test(w))
          .flatMap((w) => [
            pinyin(w, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
            pinyin(w, { toneType: 'none', type: 'array' }).join(''),
          ]),
      );
      return set.words
        .filter((w) => /^[a-z]+$/.test(w) && !brands.has(w) && !forms.has(w))
        .map((w) => `${set.id}: ${w}`);
    });
    expect(wrong).toEqual([]);
  });
});
