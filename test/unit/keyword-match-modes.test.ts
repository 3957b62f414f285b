/**
 * Keyword-group match modes through the real compiler and scan: word boundaries, combos,
 * pinyin, specificity, with the near misses each mode exists to refuse.
 */
import { describe, expect, it } from 'vitest';
import type { KeywordGroup } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { budgetUse } from '../../server/src/core/engine/compile-budget.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { keywordMatches } from '../../server/src/core/engine/scan-message.js';
import { MAX_READINGS_PER_KEYWORD } from '../../server/src/core/text/pinyin-forms.js';

/** What each matching group found: `{ groupId: keyword }`. */
function matched(groups: KeywordGroup[], content: string): Record<string, string> {
  const compiled = compileWorkspace({ flows: [], groups });
  return Object.fromEntries([...keywordMatches(compiled, content).values()].map((m) => [m.groupId, m.keyword]));
}

describe('wholeWords', () => {
  const ship: KeywordGroup = { id: 'ship', name: '物流', keywords: ['到货', '发货'], wholeWords: true };
  const password: KeywordGroup = { id: 'pw', name: '改密码', keywords: ['密码'], wholeWords: true };

  it('does not find a keyword inside another word: 收到货 is not 到货, 密码箱 is not 密码', () => {
    expect(matched([ship], '我收到货了')).toEqual({});
    expect(matched([password], '密码箱打不开怎么办')).toEqual({});
  });

  it('still finds the keyword as a word, also when it spans two words (到|货)', () => {
    expect(matched([ship], '什么时候到货')).toEqual({ ship: '到货' });
    expect(matched([password], '我的密码是多少')).toEqual({ pw: '密码' });
  });

  it('absent, a group keeps substring matching, so stored documents mean what they meant', () => {
    expect(matched([{ ...ship, wholeWords: undefined }], '我收到货了')).toEqual({ ship: '到货' });
    expect(matched([{ ...password, wholeWords: false }], '密码箱打不开')).toEqual({ pw: '密码' });
  });

  it('applies to fuzzy groups through their filler-free text too', () => {
    const fuzzy: KeywordGroup = { ...ship, mode: 'fuzzy' };
    expect(matched([fuzzy], '到了货没有')).toEqual({ ship: '到货' });
    expect(matched([fuzzy], '收到了货')).toEqual({});
  });
});

describe('combos', () => {
  const forgot: KeywordGroup = {
    id: 'pw',
    name: '改密码',
    keywords: ['修改密码'],
    combos: [{ all: [['密码'], ['忘', '改', '找回', '重置']] }],
  };

  it('matches every slot in one clause, in any order, naming the words', () => {
    expect(matched([forgot], '密码忘了')).toEqual({ pw: '密码+忘' });
    expect(matched([forgot], '怎么找回登录密码')).toEqual({ pw: '密码+找回' });
  });

  it('needs both slots: one alone is no match', () => {
    expect(matched([forgot], '密码是什么')).toEqual({});
    expect(matched([forgot], '我忘了带东西')).toEqual({});
  });

  it('does not match across clauses (，。 or a line break) unless within is message', () => {
    expect(matched([forgot], '密码没问题，忘了说地址')).toEqual({});
    expect(matched([forgot], '密码没问题\n忘了说地址')).toEqual({});
    expect(matched([forgot], '密码没问题. 忘了说地址')).toEqual({});
    const wide: KeywordGroup = { ...forgot, combos: [{ all: [['密码'], ['忘']], within: 'message' }] };
    expect(matched([wide], '密码没问题，忘了说地址')).toEqual({ pw: '密码+忘' });
  });

  it('is vetoed by an exclusion like any keyword', () => {
    expect(matched([{ ...forgot, exclusions: ['密码箱'] }], '密码箱的密码忘了')).toEqual({});
  });

  it('with wholeWords, a combo word inside another word does not fill its slot', () => {
    const whole: KeywordGroup = { ...forgot, wholeWords: true };
    expect(matched([whole], '密码箱忘在家里')).toEqual({});
    expect(matched([whole], '密码忘了')).toEqual({ pw: '密码+忘' });
  });

  it('works beside an exact group: combos are co-occurrence in any mode', () => {
    expect(matched([{ ...forgot, mode: 'exact' }], '我的密码忘了')).toEqual({ pw: '密码+忘' });
  });
});

describe('pinyin', () => {
  const refund: KeywordGroup = { id: 'rf', name: '退款', keywords: ['退款'], pinyin: true };
  const password: KeywordGroup = { id: 'pw', name: '改密码', keywords: ['密码'], pinyin: true };

  it('matches initials and full pinyin as whole Latin tokens: tk, TK, tuikuan, tui kuan, mm, mima', () => {
    for (const content of ['tk', '我要TK', 'i want tk', 'tuikuan', 'tui kuan吗'])
      expect(matched([refund], content), content).toEqual({ rf: '退款' });
    for (const content of ['mm忘了', 'mima']) expect(matched([password], content), content).toEqual({ pw: '密码' });
  });

  it('matches same-sounding characters (退宽 for 退款)', () => {
    expect(matched([refund], '怎么退宽')).toEqual({ rf: '退款' });
  });

  it('reads 了 in a message as the particle le, not liao: 忘乐 sounds like 忘了', () => {
    expect(matched([{ id: 'fg', name: '忘了', keywords: ['忘了'], pinyin: true }], '密码忘乐')).toEqual({ fg: '忘了' });
    expect(matched([{ id: 'lt', name: '聊天', keywords: ['聊天'], pinyin: true }], '太慢了天')).toEqual({});
  });

  it('gives a lone character no homophones: 寄 is not 急, 聊 is not 辽 (they share a sound with dozens)', () => {
    const send: KeywordGroup = { id: 'send', name: '寄', keywords: ['寄'], pinyin: true };
    expect(matched([send], '退款能快点吗 急用钱')).toEqual({});
    expect(matched([send], '什么时候寄')).toEqual({ send: '寄' });
    expect(matched([send], '什么时候ji出来')).toEqual({ send: '寄' });
    const chat: KeywordGroup = { id: 'chat', name: '聊', keywords: ['聊'], pinyin: true };
    expect(matched([chat], '想找人辽辽')).toEqual({});
    const combo: KeywordGroup = {
      id: 'c',
      name: '快寄',
      keywords: ['寄快递'],
      combos: [{ all: [['快点'], ['寄']] }],
      pinyin: true,
    };
    expect(matched([combo], '那个退款能快点吗 急用钱')).toEqual({});
    expect(matched([combo], '能快点寄吗')).toEqual({ c: '快点+寄' });
  });

  it('does not match inside an English word or a longer token (tkinter, tk1)', () => {
    expect(matched([refund], 'tkinter')).toEqual({});
    expect(matched([refund], 'tk1')).toEqual({});
    expect(matched([password], 'summmer')).toEqual({});
  });

  it('accepts every reading of a multi-reading character: 重置 is chongzhi as well as zhongzhi', () => {
    const reset: KeywordGroup = { id: 'rs', name: '重置', keywords: ['重置'], pinyin: true };
    for (const content of ['密码怎么chongzhi', 'zhongzhi', 'chong zhi一下', 'cz'])
      expect(matched([reset], content), content).toEqual({ rs: '重置' });
    // Near misses: one syllable, a longer Latin token, a reading no character of the keyword has.
    for (const content of ['chong', 'chongzhiwang', 'chongzi', 'tongzhi'])
      expect(matched([reset], content), content).toEqual({});
  });

  it('bounds the readings of a keyword made of multi-reading characters', () => {
    const plain = budgetUse({ flows: [], groups: [{ id: 'g', name: 'g', keywords: ['行长还了重行'] }] });
    const withPinyin = budgetUse({
      flows: [],
      groups: [{ id: 'g', name: 'g', keywords: ['行长还了重行'], pinyin: true }],
    });
    // 3·2·3·2·2·3 = 216 readings unbounded; at most 8 full forms, 8 initial forms and the syllables.
    expect(withPinyin.patterns - plain.patterns).toBeLessThanOrEqual(2 * MAX_READINGS_PER_KEYWORD + 1);
    expect(withPinyin.patterns - plain.patterns).toBeGreaterThan(2);
  });

  it('is opt-in: a group without it ignores pinyin and homophones', () => {
    expect(matched([{ ...refund, pinyin: undefined }], 'tk')).toEqual({});
    expect(matched([{ ...refund, pinyin: undefined }], '退宽')).toEqual({});
  });
});

describe('specificity', () => {
  it('is the keyword length, or the sum over a combo’s matched words, and the most specific candidate names the match', () => {
    const compiled = compileWorkspace({
      flows: [],
      groups: [
        { id: 'a', name: 'A', keywords: ['退', '退款'] },
        {
          id: 'b',
          name: 'B',
          keywords: ['钱'],
          combos: [
            {
              all: [
                ['退款', '退'],
                ['没到账', '到账'],
              ],
            },
          ],
        },
      ],
    });
    const matches = keywordMatches(compiled, '退款还没到账');
    expect(matches.get('a')).toMatchObject({ keyword: '退款', specificity: 2 });
    expect(matches.get('b')).toMatchObject({ keyword: '退款+没到账', specificity: 5 });
  });
});

describe('schema and budget', () => {
  const base = { id: 'g', name: 'g', keywords: ['退款'] };

  it('accepts the new options and refuses bad combos with pointers', () => {
    expect(
      validate('keyword-group', {
        ...base,
        wholeWords: true,
        pinyin: true,
        combos: [{ all: [['a'], ['b']], within: 'message' }],
      }).ok,
    ).toBe(true);
    const bad = validate('keyword-group', {
      ...base,
      combos: [
        { all: [['密码']] },
        { all: [['a'], []], within: 'sentence' },
        { all: [['a'], ['b'.repeat(61)]], any: 1 },
      ],
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/combos/0/all',
        '/combos/1/all/1',
        '/combos/1/within',
        '/combos/2/all/1/0',
        '/combos/2',
      ]),
    );
  });

  it('refuses more than 50 combos, 8 slots or 50 words in a slot', () => {
    const slots = (n: number, words = 1) =>
      Array.from({ length: n }, (_, i) => Array.from({ length: words }, (_, j) => `w${i}-${j}`));
    const problems = (doc: object) => {
      const r = validate('keyword-group', doc);
      return r.ok ? [] : r.problems.map((p) => p.path);
    };
    expect(problems({ ...base, combos: Array.from({ length: 51 }, () => ({ all: slots(2) })) })).toEqual(['/combos']);
    expect(problems({ ...base, combos: [{ all: slots(9) }] })).toEqual(['/combos/0/all']);
    expect(problems({ ...base, combos: [{ all: slots(2, 51) }] })).toEqual(['/combos/0/all/0', '/combos/0/all/1']);
  });

  it('counts combo words and pinyin forms in the automaton budget', () => {
    const plain = budgetUse({ flows: [], groups: [base] });
    const withCombo = budgetUse({ flows: [], groups: [{ ...base, combos: [{ all: [['密码'], ['忘', '改']] }] }] });
    const withPinyin = budgetUse({ flows: [], groups: [{ ...base, pinyin: true }] });
    expect(withCombo.patterns - plain.patterns).toBe(3);
    expect(withCombo.chars - plain.chars).toBe(4);
    // tuikuan, tk and the syllables.
    expect(withPinyin.patterns - plain.patterns).toBe(3);
  });
});

describe('exclusions veto their own sentence', () => {
  const ship: KeywordGroup = {
    id: 'ship',
    name: '物流',
    keywords: ['快递到哪了'],
    exclusions: ['到账'],
    mode: 'fuzzy',
  };
  const refund: KeywordGroup = {
    id: 'rf',
    name: '退款',
    keywords: ['退款'],
    exclusions: ['到账了，谢谢'],
    mode: 'fuzzy',
    combos: [{ all: [['退款'], ['多久']], within: 'message' }],
  };

  it('still hears a question in the next sentence: 退款已经到账了，谢谢。另外我的快递到哪了', () => {
    expect(matched([ship, refund], '退款已经到账了，谢谢。另外我的快递到哪了')).toEqual({ ship: '快递到哪了' });
    expect(matched([ship], '钱到账了吗？我的快递到哪了')).toEqual({ ship: '快递到哪了' });
    expect(matched([ship], '钱到账了吗\n快递到哪了')).toEqual({ ship: '快递到哪了' });
  });

  it('vetoes the whole sentence, across commas and ！, and in the filler-free text', () => {
    expect(matched([ship], '钱到账了，快递到哪了')).toEqual({});
    expect(matched([ship], '钱到账了！快递到哪了')).toEqual({});
    expect(matched([ship], '快递到哪了呀，钱到账了')).toEqual({});
  });

  it('vetoes combo words in the sentence too: a combo needs its words outside it', () => {
    expect(matched([refund], '退款到账了，谢谢。多久能发货')).toEqual({});
    expect(matched([refund], '退款到账了，谢谢。再退款一次要多久')).toEqual({ rf: '退款+多久' });
  });
});
