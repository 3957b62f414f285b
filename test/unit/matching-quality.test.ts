/** Matching quality: look-alike letters, spelled-out links, negation, regex terms, allowances. */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Lexicon, Policy } from '../../rules-schema/index.js';
import { checkRegexSafety } from '../../rules-schema/regex-safety.js';
import { normalizeText } from '../../server/src/core/text/normalize-text.js';
import { findLinks } from '../../server/src/core/text/find-links.js';
import { isNegated } from '../../server/src/core/checks/negated-hits.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { findingsOf } from '../../server/src/core/reason.js';
import { compareVersions } from '../../server/src/packs/compare-versions.js';

const DEFAULT = policyJson as Policy;

function checker(policy: Policy = DEFAULT, extra: Lexicon[] = []) {
  const compiled = compileContentChecks(resolvePolicy(policy), extra);
  const scan = scannerFor(compiled.termPatterns);
  return (content: string, flowId?: string) =>
    findingsOf(compiled.check({ type: 'text', content }, scan, flowId === undefined ? {} : { flowId }).reasons).map(
      (r) => r.code,
    );
}

describe('homoglyphs', () => {
  it.each([
    ['tаobao', 'taobao'], // Cyrillic а
    ['ТАОВАО', 'taobao'], // Cyrillic capitals
    ['jd.cοm', 'jdcom'], // Greek ο (the dot is a separator)
    ['ΒΒ霜', 'bb霜'], // Greek capital beta
    ['ｔａｏｂａｏ', 'taobao'], // full width, by NFKC
  ])('%s → %s', (input, out) => {
    expect(normalizeText(input).text).toBe(out);
  });

  it('keeps offsets one for one', () => {
    expect(normalizeText('tаo').map).toEqual([0, 1, 2, 3]);
  });

  it('finds a link spelled with look-alike letters', () => {
    expect(findLinks('打开 tаobao.com 看看').map((l) => l.host)).toEqual(['taobao.com']);
    expect(findLinks('ЈD.СОМ').map((l) => l.host)).toEqual(['jd.com']);
  });
});

describe('spelled-out and spaced links', () => {
  it.each([
    ['去 taobao 点 com 下单', 'taobao.com', 'taobao 点 com'],
    ['taobao点com', 'taobao.com', 'taobao点com'],
    ['搜 taobao . com', 'taobao.com', 'taobao . com'],
    ['jd dot com', 'jd.com', 'jd dot com'],
    ['www 點 pinduoduo 點 com', 'www.pinduoduo.com', 'www 點 pinduoduo 點 com'],
    ['tb[.]cn 上有', 'tb.cn', 'tb[.]cn'],
  ])('%s', (input, host, url) => {
    const links = findLinks(input);
    expect(links.map((l) => [l.host, input.slice(l.start, l.end)])).toEqual([[host, url]]);
  });

  it.each(['下午3点开会', 'v1 . 2 版本', '回复 1 . 退款', '最近 3 点 com', '第一点，com 是后缀', 'abc.dotcom'])(
    'no link in %s',
    (input) => {
      expect(findLinks(input)).toEqual([]);
    },
  );

  it('blocks a spelled-out marketplace link as EXTERNAL_LINK', () => {
    expect(checker()('去 taobao 点 com 搜我们的店')).toContain('EXTERNAL_LINK');
  });
});

describe('negation', () => {
  it.each([
    ['不能保证治愈', 4, true],
    ['无法根治', 2, true],
    ['并非无副作用', 2, true],
    ['不敢说能治好', 4, true],
    ['保证根治', 2, false],
    ['不用吃药就能根治', 6, false],
    // A potential complement (出不来, 买不到) denies nothing; 并不 before the same words still does.
    ['海关那边出不来的', 6, false],
    ['别处买不到', 4, false],
    ['并不到账', 2, true],
    ['不到三天见效', 1, true],
  ])('%s at %i → %s', (text, start, negated) => {
    expect(isNegated(text, start)).toBe(negated);
  });

  it.each([
    ['本品不能保证治愈，请遵医嘱治疗', []],
    ['这种病目前无法根治', []],
    ['本品不能代替药物', []],
    ['我们不提供治愈率数据', []],
    ['保证治愈', ['MEDICAL_CLAIM']],
    ['不用吃药就能根治', ['MEDICAL_CLAIM', 'MEDICAL_CLAIM']], // 不用吃药 and 根治: two claims
    ['不吃药也能治好', ['MEDICAL_CLAIM']],
  ])('default policy: %s → %j', (text, codes) => {
    expect(checker()(text)).toEqual(codes);
  });

  it('is off for non-medical lexicons unless asked for', () => {
    // 不是最好的 is still an absolute term: negation applies to claims, not to absolute terms.
    expect(checker()('不是最佳')).toEqual(['ABSOLUTE_TERM']);
  });
});

describe('regex lexicon terms', () => {
  it.each(['保证?治愈', '[0-9一二三]+个?疗程治愈', '(?:提分|提高)[0-9]{1,3}分', '[^。]{0,12}特价', '\\d+天见效'])(
    'accepts %s',
    (p) => {
      expect(checkRegexSafety(p)).toEqual({ ok: true });
    },
  );

  it.each([
    ['(a+)+$', '重复的分组'],
    ['(?:a|aa)*b', '重复的分组'],
    ['(x){2,}', '重复的分组'],
    ['(a)\\1', '反向引用'],
    ['(?=abc)abc', '环视'],
    ['(?<!不)治愈', '环视'],
    ['(?<name>a)', '不捕获'],
    ['a**', '叠加'],
    ['a*b*c*', '无上限'],
    ['a{1,500}', '上限'],
    ['a*', '空字符串'],
    ['[abc', '闭合'],
    ['(ab', '括号'],
    ['x'.repeat(101), '长度'],
  ])('refuses %s', (p, why) => {
    const verdict = checkRegexSafety(p);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(why);
  });

  const lexicon = (term: string): Lexicon => ({
    id: 'rx',
    name: 'rx',
    category: 'medical',
    code: 'pack:t/RX',
    severity: 'block',
    terms: [{ term, regex: true }],
  });

  it('matches over the normalized text and respects negation', () => {
    const check = checker({ id: 'p', name: 'p' }, [lexicon('[0-9一二三四五六七八九十]+个?疗程(?:治愈|痊愈)')]);
    expect(check('一般1-3个疗程治愈')).toEqual(['pack:t/RX']);
    expect(check('三 个 疗 程 痊 愈')).toEqual(['pack:t/RX']);
    expect(check('不能保证3个疗程治愈')).toEqual([]);
    expect(check('按疗程服用')).toEqual([]);
  });

  it('never runs a refused pattern, even one stored before the check existed', () => {
    const check = checker({ id: 'p', name: 'p' }, [lexicon('(a+)+$')]);
    const started = Date.now();
    expect(check(`${'a'.repeat(2000)}!`)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('allowances in the content checks', () => {
  const withAllowances = (allowances: Policy['allowances']): Policy => ({ ...DEFAULT, allowances });

  it('silence one code inside the phrase only', () => {
    const check = checker(withAllowances([{ id: 'a1', code: 'ABSOLUTE_TERM', phrase: '最佳拍档' }]));
    expect(check('招牌最佳拍档套餐')).toEqual([]);
    expect(check('最佳拍档，国家级品质')).toEqual(['ABSOLUTE_TERM']);
    expect(check('最佳拍档保证治愈')).toEqual(['MEDICAL_CLAIM']);
  });

  it('match the phrase after normalization (width, spaces, traditional)', () => {
    const check = checker(withAllowances([{ id: 'a1', code: 'ABSOLUTE_TERM', phrase: '最佳拍档' }]));
    expect(check('最 佳 拍 檔')).toEqual([]);
  });

  it('scoped to a flow apply only to that flow’s replies', () => {
    const check = checker(
      withAllowances([{ id: 'a1', code: 'PROMOTION', phrase: '团购', scope: { flowId: 'group-buy' } }]),
    );
    expect(check('团购请到门店', 'group-buy')).toEqual([]);
    expect(check('团购请到门店', 'other')).toEqual(['PROMOTION']);
    expect(check('团购请到门店')).toEqual(['PROMOTION']);
  });

  it('a silenced promotion does not count for OVER_MARKETING', () => {
    const compiled = compileContentChecks(
      resolvePolicy(withAllowances([{ id: 'a1', code: 'PROMOTION', phrase: '团购' }])),
    );
    expect(
      compiled.check({ type: 'text', content: '团购请到门店' }, scannerFor(compiled.termPatterns)).promotional,
    ).toBe(false);
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.1.0', '1.0.0', 1],
    ['1.0.0', '1.1.0', -1],
    ['1.0.0', '1.0.0', 0],
    ['1.10.0', '1.9.0', 1],
    ['1.0.0-rc.1', '1.0.0', -1],
    ['1.0.0-rc.2', '1.0.0-rc.10', -1],
    ['1.0.0-alpha', '1.0.0-1', 1],
    ['1.0.0+build.5', '1.0.0', 0],
  ])('%s vs %s → %i', (a, b, sign) => {
    expect(compareVersions(a, b)).toBe(sign);
  });
});
