/**
 * Context scopes (negation, refusal, warning and quotation, legal use) take hits back as
 * `info` notes that never change the verdict; paired lexicons complete constructions within
 * one clause.
 */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Lexicon, Policy } from '../../rules-schema/index.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { findingsOf, verdictOf } from '../../server/src/core/reason.js';
import { normalizeText } from '../../server/src/core/text/normalize-text.js';

function checker(policy: Policy = policyJson as Policy) {
  const compiled = compileContentChecks(resolvePolicy(policy));
  const scan = scannerFor(compiled.termPatterns);
  return (content: string) => compiled.check({ type: 'text', content }, scan).reasons;
}
const check = checker();

describe('suppressed hits become info notes', () => {
  it.each([
    ['这款茶不能降血压', 'MEDICAL_CLAIM', 'negation'],
    ['谨防宣称药到病除的广告', 'MEDICAL_CLAIM', 'warning'],
    ['本店不提供代开发票', 'BANNED_TERM', 'negation'],
    ['您需要的话可以到税务局申请代开发票', 'BANNED_TERM', 'legal'],
    ['按照广告法我们不能说“第一”“最好”', 'ABSOLUTE_TERM', 'warning'],
    ['有人冒充我们发“转发领红包”的链接，请不要点', 'INDUCED_SHARING', 'warning'],
    ['群里如果有人拉您玩红包扫雷，请直接举报', 'BANNED_TERM', 'warning'],
    ['乙肝目前很难彻底清除病毒', 'MEDICAL_CLAIM', 'negation'],
  ])('%s → %s as info', (text, code) => {
    const reasons = check(text);
    expect(findingsOf(reasons).map((r) => r.code)).not.toContain(code);
    const note = reasons.find((r) => r.code === code && r.severity === 'info');
    expect(note?.message).toMatch(/未作为违规报告/);
    expect(text.slice(note?.evidence?.start, note?.evidence?.end)).toBe(note?.evidence?.text);
    expect(verdictOf(reasons)).toBe('allow');
  });

  it('a claim outside the scope is still reported: the warning covers its own sentence only', () => {
    const reasons = check('谨防假药。本品保证治愈');
    expect(findingsOf(reasons).map((r) => r.code)).toEqual(['MEDICAL_CLAIM']);
    expect(verdictOf(reasons)).toBe('block');
  });

  it('a refusal covers its own clause only: 不卖假货，保证治愈 is a claim', () => {
    expect(findingsOf(check('我们不卖假货，保证治愈')).map((r) => r.code)).toEqual(['MEDICAL_CLAIM']);
  });

  it('a customer request restated in quotation marks is answered by the next sentence', () => {
    const refused = check('您留言说“不用处方，直接代购两条外烟寄过来”。卷烟是专卖品，我们不能这样卖。');
    expect(findingsOf(refused)).toEqual([]);
    expect(refused.find((r) => r.code === 'BANNED_TERM')?.message).toContain('不能这样');
    // Only a sentence that is the request alone: an answer inside it, or a no two sentences on, is no refusal.
    expect(findingsOf(check('您问“要两条外烟”，好的，今晚发货。不能这样写地址哦')).map((r) => r.code)).toEqual([
      'BANNED_TERM',
    ]);
    expect(findingsOf(check('您问“能代购两条外烟吗”？可以的，私聊。不卖生人')).map((r) => r.code)).toEqual([
      'BANNED_TERM',
    ]);
    // Without quotation marks the request's clause ends at its comma, as before.
    expect(findingsOf(check('您留言说不用处方，直接代购两条外烟寄过来。我们不能这样卖。')).map((r) => r.code)).toEqual([
      'BANNED_TERM',
    ]);
  });

  it('a negated judgement is no warning: 绝不是骗人的 keeps the claim', () => {
    expect(findingsOf(check('吃了就能根治，绝不是骗人的')).map((r) => r.code)).toContain('MEDICAL_CLAIM');
  });
});

describe('verdictOf ignores info notes', () => {
  it.each([
    [[{ severity: 'info' as const }], 'allow'],
    [[{ severity: 'info' as const }, { severity: 'warn' as const }], 'warn'],
    [[{ severity: 'block' as const }, { severity: 'info' as const }], 'block'],
  ])('%j → %s', (severities, verdict) => {
    expect(verdictOf(severities.map((s) => ({ code: 'X', message: 'm', ruleId: 'r', ...s })))).toBe(verdict);
  });
});

describe('paired lexicons', () => {
  const lexicons: Lexicon[] = [
    {
      id: 'pests',
      name: '害虫',
      category: 'medical',
      pairs: [
        { lexicon: 'kill', side: 'before', maxGap: 2 },
        { lexicon: 'gone', side: 'after', maxGap: 4 },
      ],
      terms: [{ term: '蟑螂' }],
    },
    { id: 'kill', name: '动词', category: 'medical', terms: [{ term: '杀灭' }] },
    { id: 'gone', name: '结果', category: 'medical', terms: [{ term: '没了' }] },
  ];
  const pairs = checker({ id: 'p', name: 'p', lexicons });
  const found = (text: string) => findingsOf(pairs(text)).map((r) => r.evidence?.text);

  it.each([
    ['能杀灭蟑螂', ['杀灭蟑螂']],
    ['杀灭家里蟑螂', ['杀灭家里蟑螂']],
    ['用了以后蟑螂就没了', ['蟑螂就没了']],
    ['蟑螂', []], // a head alone
    ['杀灭', []], // a partner alone
    ['杀灭，蟑螂', []], // another clause
    ['蟑螂杀灭', []], // the verb on the wrong side
    ['杀灭屋里屋外蟑螂', []], // beyond maxGap
    ['蟑螂\n没了', []], // a line break ends the clause
  ])('%j → %j', (text, evidence) => {
    expect(found(text)).toEqual(evidence);
  });

  it('a head whose partner lexicons are absent finds nothing', () => {
    const alone = checker({ id: 'p', name: 'p', lexicons: [lexicons[0] as Lexicon] });
    expect(findingsOf(alone('杀灭蟑螂没了'))).toEqual([]);
  });

  it('normalization keeps offsets for evidence across dropped separators', () => {
    expect(normalizeText('杀-灭 蟑螂').text).toBe('杀灭蟑螂');
    expect(found('能杀-灭 蟑螂')).toEqual(['杀-灭 蟑螂']);
  });
});
