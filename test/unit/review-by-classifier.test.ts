/**
 * The reply classifier reviewing lexicon hits (review-by-classifier.ts): a lawful reply that uses
 * an offer's words passes with an `info` note, an offer still blocks, and only lexicons that ask
 * for the review (`classifierReview`) are reviewed, only when the classifier is there.
 */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { replyClassifier } from '../../server/src/runtime/reply-classifier-model.js';

const SHIPPED = policyJson as Policy;

function checker(policy: Policy = SHIPPED, withClassifier = true) {
  const compiled = compileContentChecks(
    resolvePolicy(policy),
    [],
    undefined,
    withClassifier ? replyClassifier() : undefined,
  );
  const scan = scannerFor(compiled.termPatterns);
  return (content: string) =>
    compiled.check({ type: 'text', content }, scan).reasons.filter((r) => r.code === 'BANNED_TERM');
}

/** A gun club's rule: 枪支 is in the weapons lexicon, and no context cue of the lexicons reads it. */
const GUN_CLUB = '我们射击馆的枪支由公安备案统一保管，会员只能在馆内使用。';
const OFFER = '胎儿性别鉴定有渠道，寄血就行，七周出结果';

describe('the classifier reviewing lexicon hits', () => {
  it('takes back a hit in a reply it reads as lawful, as an info note that says so', () => {
    const reasons = checker()(GUN_CLUB);
    expect(reasons).toEqual([
      expect.objectContaining({
        severity: 'info',
        ruleId: 'lexicon:banned-weapons',
        evidence: expect.objectContaining({ text: '枪支' }),
      }),
    ]);
    expect(reasons[0]?.message).toContain('样例学得的判断');
    expect(reasons[0]?.message).toContain('属于此类问题的可能');
  });

  it('reviews the shipped promotion lexicon the same way: price talk passes, an offer still warns', () => {
    const compiled = compileContentChecks(resolvePolicy(SHIPPED), [], undefined, replyClassifier());
    const scan = scannerFor(compiled.termPatterns);
    const promotion = (content: string) =>
      compiled.check({ type: 'text', content }, scan).reasons.filter((r) => r.code === 'PROMOTION');
    expect(promotion('会员价需要登录会员账号才显示，您现在看到的是普通价。').map((r) => r.severity)).toEqual(['info']);
    expect(promotion('会员价今天最后一天，喜欢的话赶紧下单').map((r) => r.severity)).toEqual(['warn', 'warn']);
  });

  it('keeps an offer a finding', () => {
    expect(checker()(OFFER).map((r) => r.severity)).toEqual(['block']);
  });

  it('keeps a plainly told offer with too little beside the hit for the reviewer to read a finding', () => {
    // Without the context the reviewer read these as lawful (0.03 and 0.20): it learned 本店…提供…服务 from refusals.
    for (const offer of ['本店提供胎儿性别鉴定服务。', '本店提供代开发票服务。'])
      expect(checker()(offer).map((r) => r.severity)).toContain('block');
  });

  it('reads the context, not the topic: a warning or a story about a trade passes, the trade itself blocks', () => {
    // Written for this test: a bank's story and a prosecution's that name the banned goods, and the offers.
    // (The model's review before the reviewers, from the code's own model, blocked both stories.)
    const passes = [
      '有位储户在柜台存钱时被验出两张假币，银行当场收缴并开了收缴凭证，他这才知道是收摊时被人调了包。',
      '北京有人在郊外架了几百米粘网，一夜缠住上百只鸟，最后被检察院提起公益诉讼。',
    ];
    for (const text of passes) {
      const reasons = checker()(text);
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.map((r) => r.severity)).toEqual(reasons.map(() => 'info'));
    }
    for (const offer of [
      '高仿假币一比十出，验钞机能过，量大从优',
      '粘网鸟网现货，三百米一卷，夜里架上就能用，私聊发货',
    ])
      expect(checker()(offer).map((r) => r.severity)).toContain('block');
  });

  it('reviews only lexicons that ask for it: an account’s own term always counts', () => {
    const own: Policy = {
      ...SHIPPED,
      lexicons: [
        ...(SHIPPED.lexicons ?? []).filter((l) => l.id !== 'banned-weapons'),
        { id: 'our-words', name: '本号禁用词', category: 'banned', severity: 'block', terms: [{ term: '枪支' }] },
      ],
    };
    expect(checker(own)(GUN_CLUB).map((r) => [r.severity, r.ruleId])).toEqual([['block', 'lexicon:our-words']]);
    const off: Policy = {
      ...SHIPPED,
      lexicons: (SHIPPED.lexicons ?? []).map((l) =>
        l.id === 'banned-weapons' ? { ...l, classifierReview: false } : l,
      ),
    };
    expect(checker(off)(GUN_CLUB).map((r) => r.severity)).toEqual(['block']);
  });

  it('reviews nothing when the checks are compiled without the classifier', () => {
    expect(checker(SHIPPED, false)(GUN_CLUB).map((r) => r.severity)).toEqual(['block']);
  });
});
