/** The compiled regex gate selects exactly the items mayMatch selects with the text's chars as a Set. */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { mayMatch, regexGate, requiredChars } from '../../server/src/core/checks/regex-prefilter.js';
import { normalizeTerm } from '../../server/src/core/text/normalize-text.js';

const patterns = (policyJson as Policy).lexicons!.flatMap((l) => l.terms.filter((t) => t.regex).map((t) => t.term));
const items = [
  ...patterns.map((p) => ({ item: p, needs: requiredChars(p) })),
  // hand-made sets: an astral char, a lone surrogate, a two-char item (never one of a text's chars), no sets at all
  { item: 'astral', needs: [['𠀀'], ['a', 'b']] },
  { item: 'lone', needs: [['\ud800']] },
  { item: 'pair-of-chars', needs: [['ab']] },
  { item: 'always', needs: [] },
];

describe('regexGate', () => {
  it('agrees with mayMatch on every default regex term over sample and synthetic texts', () => {
    const gate = regexGate(items);
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet =
      '满减送折元送免一半价前名率见效疗程好天就康复邀请好友转发赞助力枪证发票开代日结赚不疼停药%0123456789ab𠀀\ud800';
    const chars = [...alphabet];
    const texts = [
      '现在店里满199减30',
      '全场8折',
      '总有效率95%',
      '代开各行业正规发票',
      '转发到朋友圈，截图发给客服',
      '',
      'ab',
      '𠀀a',
      '\ud800x',
    ].map((t) => (t.includes('\ud800') ? t : normalizeTerm(t)));
    for (let i = 0; i < 3000; i++)
      texts.push(
        Array.from({ length: 1 + Math.floor(next() * 20) }, () => chars[Math.floor(next() * chars.length)]).join(''),
      );
    for (const text of texts) {
      const expected = items.filter((x) => mayMatch(x.needs, new Set(text))).map((x) => x.item);
      expect(gate(text), text).toEqual(expected);
    }
  });
});

describe('requiredChars, second chars of a group', () => {
  it.each([
    [
      '(?:见效|有效果|看到效果)',
      [
        ['见', '有', '看'],
        ['效', '到'],
      ],
    ],
    ['(?:a+b|cd)x', [['a', 'c'], ['x']]], // a quantified first char: no second set
    ['(?:ab?|cd)', [['a', 'c']]], // an optional second char
    ['(?:a|cd)', [['a', 'c']]], // an alternative of one char
    ['(?:a[bc]|de)', [['a', 'd']]], // a class as second
  ])('%s → %j', (pattern, sets) => {
    expect(requiredChars(pattern)).toEqual(sets);
  });
});
