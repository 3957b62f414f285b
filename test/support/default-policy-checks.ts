/**
 * The content checks of the default policy, compiled once per test file, as the construction
 * and near-miss tests of each recall round read them.
 */
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { findingsOf } from '../../server/src/core/reason.js';
import { expect, it } from 'vitest';

const compiled = compileContentChecks(resolvePolicy(policyJson as Policy));
const scan = scannerFor(compiled.termPatterns);

/** Every reason (findings and info notes) the default policy gives a text reply. */
export const reasonsOf = (content: string) => compiled.check({ type: 'text', content }, scan).reasons;

/** The distinct codes of the findings, sorted. */
export const codes = (content: string): string[] =>
  [...new Set(findingsOf(reasonsOf(content)).map((r) => r.code))].sort();

/**
 * The two tables of a near-miss test: each text of `found` gets `code`, none of `clean` does.
 * @example itFinds('PROMOTION', { found: ['活动最后一天'], clean: ['缴费的最后一天是15号'] })
 */
export function itFinds(code: string, { found, clean }: { found: readonly string[]; clean: readonly string[] }): void {
  it.each(found)(`%s → ${code}`, (text) => {
    expect(codes(text)).toContain(code);
  });
  it.each(clean)(`%s → no ${code}`, (text) => {
    expect(codes(text)).not.toContain(code);
  });
}
