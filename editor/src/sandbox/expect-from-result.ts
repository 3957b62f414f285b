import type { Expectation, StepReport, Verdict } from '../api/sandbox-api.js';

const RANK: Record<Verdict, number> = { allow: 0, warn: 1, block: 2 };

/**
 * "Expect what happened": the expectation a step's own result would pass, in the fields the
 * operator edits (verdict, reason codes, reply count, keyword group).
 * @example expectFromResult(report) // { group: '退款', replyCount: 1, verdict: 'allow' }
 */
export function expectFromResult(report: StepReport): Expectation {
  const expect: Expectation = {};
  if (report.kind === 'reply') {
    expect.verdict = report.result.verdict;
    const codes = unique(report.result.reasons.map((r) => r.code));
    if (codes.length) expect.codes = codes;
    return expect;
  }
  const { matches, replies } = report.result;
  const group = matches[0]?.group;
  if (group) expect.group = group;
  expect.replyCount = replies.filter((r) => r.committed).length;
  if (replies.length > 0)
    expect.verdict = replies.reduce<Verdict>(
      (worst, r) => (RANK[r.verdict] > RANK[worst] ? r.verdict : worst),
      'allow',
    );
  const codes = unique(replies.flatMap((r) => r.reasons.map((x) => x.code)));
  if (codes.length) expect.codes = codes;
  return expect;
}

/** Drops empty fields so an emptied editor leaves no `expect` behind. */
export function cleanExpectation(expect: Expectation): Expectation | undefined {
  const out: Expectation = {};
  if (expect.verdict) out.verdict = expect.verdict;
  if (expect.codes?.length) out.codes = expect.codes;
  if (expect.notCodes?.length) out.notCodes = expect.notCodes;
  if (expect.replyCount !== undefined && Number.isInteger(expect.replyCount) && expect.replyCount >= 0)
    out.replyCount = expect.replyCount;
  if (expect.replyContains) out.replyContains = expect.replyContains;
  if (expect.group) out.group = expect.group;
  if (expect.windowState) out.windowState = expect.windowState;
  if (expect.handoff !== undefined) out.handoff = expect.handoff;
  return Object.keys(out).length ? out : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
