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
