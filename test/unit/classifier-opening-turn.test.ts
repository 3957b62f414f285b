/**
 * The classifier reads a sentence that opens with a turn to another matter (顺便说一句，…, 另外…) from
 * the matter itself: the turn's words say nothing of it. Offers slipped into service replies that
 * way had taught those words toward BANNED_TERM, and a lawful upsell turned the same way was blocked.
 */
import { expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { afterOpeningShift } from '../../server/src/core/checks/context-scopes.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { replyClassifier } from '../../server/src/runtime/reply-classifier-model.js';

const compiled = compileContentChecks(resolvePolicy(policyJson as Policy), [], undefined, replyClassifier());
const scan = scannerFor(compiled.termPatterns);
const blocked = (text: string) =>
  compiled
    .check({ type: 'text', content: text }, scan)
    .reasons.filter((r) => r.severity === 'block')
    .map((r) => r.code);

it('passes the opening turn and its punctuation, and nothing else', () => {
  expect(afterOpeningShift('顺便说一句,本月八折', 0, 10)).toBe(6);
  expect(afterOpeningShift('另外我们也有', 0, 6)).toBe(2);
  expect(afterOpeningShift('本月八折', 0, 4)).toBe(0);
  // A sentence that is only the turn is read whole.
  expect(afterOpeningShift('对了,', 0, 3)).toBe(0);
});

it('does not block a lawful upsell that a turn opens', () => {
  expect(
    blocked('您的车保养好了，机油三滤都换了，下午4点可以提车。顺便说一句，本月钣喷打八折，右后门那道划痕可以一起弄掉'),
  ).not.toContain('BANNED_TERM');
});

it('still blocks an offer that a turn opens', () => {
  expect(blocked('会员续费成功啦。另外我们也有各大视频平台的会员号，是批量收来的撞库号，一个号5块用一个月')).toContain(
    'BANNED_TERM',
  );
});
