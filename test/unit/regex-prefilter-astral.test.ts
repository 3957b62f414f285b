/**
 * Emoji and other chars beyond the BMP are two UTF-16 units: the prefilter must read them as one
 * char, or it asks the text for half an emoji, which no text holds, and skips a pattern that matches.
 */
import { describe, expect, it } from 'vitest';
import { RE2JS } from 're2js';
import { regexGate, requiredChars } from '../../server/src/core/checks/regex-prefilter.js';

describe('the regex prefilter on emoji', () => {
  it.each([
    ['🔥抢购', [['🔥'], ['抢'], ['购']]],
    ['(?:🔥|⚡)秒杀', [['🔥', '⚡'], ['秒'], ['杀']]],
    ['🎁?领券', [['领'], ['券']]], // an optional emoji is not required, and its ? is seen as its quantifier
    ['送(?:🧧|红包)', [['送'], ['🧧', '红']]],
  ])('%s needs %j', (pattern, sets) => {
    expect(requiredChars(pattern)).toEqual(sets);
  });

  it.each([
    ['🔥抢购', '今晚🔥抢购开始'],
    ['(?:🔥|⚡)秒杀', '⚡秒杀只剩十分钟'],
    ['🎁?领券', '点这里领券'],
    ['送(?:🧧|红包)', '转发就送🧧'],
  ])('lets %s run on a text it matches: %s', (pattern, text) => {
    expect(RE2JS.compile(pattern).matcher(text).find()).toBe(true);
    expect(regexGate([{ item: pattern, needs: requiredChars(pattern) }])(text)).toEqual([pattern]);
  });

  it('still skips the pattern on a text without the emoji', () => {
    expect(regexGate([{ item: 'x', needs: requiredChars('🔥抢购') }])('今晚抢购开始')).toEqual([]);
  });
});
