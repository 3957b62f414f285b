/**
 * The compliance checks on the independent holdout (test/eval/compliance-holdout/): frozen by
 * hash, never tuned on. The bars below are regression floors at the figures measured when the
 * holdout was first scored after tuning, NOT the product target (recall ≥ 0.95 and FPR ≤ 0.02
 * for every code), which several codes do not reach yet; `npm run eval` prints every miss.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCorpus, readSplit, SPLITS, type EvalReport } from './run-eval.js';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const recorded = (file: string): string => readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? '';

/** Measured on the holdout (recall / FPR) after the last tuning round, floored to leave no room to regress. */
const FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 0.96, fpr: 0.02 },
  BANNED_TERM: { recall: 0.88, fpr: 0.011 },
  EXTERNAL_LINK: { recall: 0.96, fpr: 0 },
  // With the reply classifier (check-by-classifier.ts) as second reader of these three and BANNED_TERM.
  INDUCED_SHARING: { recall: 0.98, fpr: 0.008 },
  MARKETPLACE_CODE: { recall: 0.98, fpr: 0.002 },
  MEDICAL_CLAIM: { recall: 0.95, fpr: 0.004 },
  // Round 14 (promotion formats from dev-round15, kept as decided on the dev sets) cost one false positive here: 18 -> 19/785.
  PROMOTION: { recall: 0.89, fpr: 0.025 },
};

/** The product target (issue 14), held on the frozen test split: recall ≥ 0.95 and FPR ≤ 0.02 for every code. */
const TEST_SPLIT_TARGET: Record<string, { recall: number; fpr: number }> = Object.fromEntries(
  Object.keys(FLOORS).map((code) => [code, { recall: 0.95, fpr: 0.02 }]),
);

describe('compliance evaluation sets are frozen', () => {
  it.each([
    ['holdout', SPLITS.holdout, SPLITS.holdout.replace(/\.jsonl$/, '.sha256')],
    ['test split', SPLITS.test, SPLITS.test.replace(/\.jsonl$/, '.sha256')],
  ])('%s matches its recorded hash', (_name, file, hashFile) => {
    expect(sha256(file)).toBe(recorded(hashFile));
  });

  it('the holdout covers every code with ≥ 60 replies and holds ≥ 200 hard negatives', () => {
    const lines = readSplit(SPLITS.holdout);
    for (const code of Object.keys(FLOORS))
      expect(lines.filter((l) => l.expect.includes(code)).length, code).toBeGreaterThanOrEqual(60);
    expect(lines.filter((l) => l.expect.length === 0).length).toBeGreaterThanOrEqual(200);
  });
});

/**
 * dev-round4 (a tuning split, never a headline): floors at the figures after its tuning round
 * (issue 14, round 4), so a later change that undoes a construction or a scope shows here.
 */
const DEV_ROUND4_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0.003 },
  BANNED_TERM: { recall: 0.97, fpr: 0 },
  EXTERNAL_LINK: { recall: 0.98, fpr: 0 },
  INDUCED_SHARING: { recall: 1, fpr: 0.005 },
  MARKETPLACE_CODE: { recall: 1, fpr: 0 },
  MEDICAL_CLAIM: { recall: 0.95, fpr: 0 },
  PROMOTION: { recall: 0.95, fpr: 0.011 },
};

/** dev-round5a (a tuning split, no medical lines): floors at the figures after its tuning round (issue 14, round 5). */
const DEV_ROUND5A_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0 },
  BANNED_TERM: { recall: 0.98, fpr: 0.004 },
  EXTERNAL_LINK: { recall: 1, fpr: 0 },
  INDUCED_SHARING: { recall: 1, fpr: 0.005 },
  MARKETPLACE_CODE: { recall: 1, fpr: 0 },
  PROMOTION: { recall: 0.9, fpr: 0.012 },
};

/** dev-round6 (a tuning split: banned offers, efficacy claims, notices quoting them): floors after its tuning round (round 6). */
const DEV_ROUND6_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.97, fpr: 0 },
  MEDICAL_CLAIM: { recall: 1, fpr: 0 },
};

/** dev-round7 (a tuning split: efficacy claims, promotions, induced sharing, share codes): floors after its tuning round (round 7). */
const DEV_ROUND7_FLOORS: Record<string, { recall: number; fpr: number }> = {
  INDUCED_SHARING: { recall: 0.97, fpr: 0 },
  MARKETPLACE_CODE: { recall: 1, fpr: 0 },
  MEDICAL_CLAIM: { recall: 0.93, fpr: 0 },
  PROMOTION: { recall: 0.94, fpr: 0.016 },
};

/** dev-round8 (a tuning split: service talk about promotions, promotions, induced sharing, share codes): floors after its tuning round (round 8). */
const DEV_ROUND8_FLOORS: Record<string, { recall: number; fpr: number }> = {
  INDUCED_SHARING: { recall: 0.97, fpr: 0.006 },
  MARKETPLACE_CODE: { recall: 0.87, fpr: 0.005 },
  PROMOTION: { recall: 0.81, fpr: 0.033 },
};

/** dev-round9 (a tuning split: service talk of shops, restaurants, schools and salons naming prices): floors after its tuning round (round 9). */
const DEV_ROUND9_FLOORS: Record<string, { recall: number; fpr: number }> = {
  PROMOTION: { recall: 0.91, fpr: 0.07 },
};

/** dev-round10 (a tuning split: banned offers over twelve categories, lawful mentions): floors after its tuning round (round 10). */
const DEV_ROUND10_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.99, fpr: 0 },
};

/** dev-round11 (a tuning split: efficacy claims from enforcement cases, lawful health talk): floors after its tuning round (round 11). */
const DEV_ROUND11_FLOORS: Record<string, { recall: number; fpr: number }> = {
  MEDICAL_CLAIM: { recall: 0.95, fpr: 0.012 },
};

/** dev-round12 (a tuning split: service talk of six industries): floors after its tuning round (round 12). */
const DEV_ROUND12_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0 },
  INDUCED_SHARING: { recall: 0.93, fpr: 0 },
  PROMOTION: { recall: 1, fpr: 0.011 },
};

/** dev-round14 (a tuning split: banned offers of thirteen trades, lawful mentions): floors after its tuning round (round 14). */
const DEV_ROUND14_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.98, fpr: 0 },
};

/** dev-round15 (a tuning split: promotions in many formats, service talk naming prices): floors after its tuning round (round 14). */
const DEV_ROUND15_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0 },
  PROMOTION: { recall: 0.95, fpr: 0.008 },
};

/** dev-round17 (a tuning split: absolute terms in praise, the uses regulators allow): floors after its tuning round (round 14). */
const DEV_ROUND17_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0.04 },
};

/** dev-round18 (a tuning split: banned offers of seventeen less common trades, lawful mentions): floors after its tuning round (round 18). */
const DEV_ROUND18_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.93, fpr: 0 },
};

/** dev-round19 (promotions tucked into service answers, service talk naming prices): floors after its tuning round (round 20). */
const DEV_ROUND19_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0 },
  PROMOTION: { recall: 0.91, fpr: 0 },
};

/** dev-round20 (round 18's trades by another hand, as answers to customers): floors after its tuning round (round 20). */
const DEV_ROUND20_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.88, fpr: 0 },
};

/** dev-round16 (a tuning split: lawful mentions in regulated trades): floors after its tuning round (round 21). */
const DEV_ROUND16_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 1, fpr: 0.005 },
  MEDICAL_CLAIM: { recall: 1, fpr: 0 },
};

/** dev-round21 (round 18's trades as sellers write them): never tuned on, scored to measure rounds 18-21; floors at its figures. */
const DEV_ROUND21_FLOORS: Record<string, { recall: number; fpr: number }> = {
  BANNED_TERM: { recall: 0.5, fpr: 0.067 },
};

/** dev-round22 (honest accounts' everyday talk with the codes' vocabulary): never tuned on, floors at its figures. */
const DEV_ROUND22_FLOORS: Record<string, { recall: number; fpr: number }> = {
  ABSOLUTE_TERM: { recall: 1, fpr: 0.022 },
  BANNED_TERM: { recall: 0.6, fpr: 0.018 },
  MEDICAL_CLAIM: { recall: 1, fpr: 0.005 },
  PROMOTION: { recall: 0.8, fpr: 0 },
};

/** Each set's figures as floors: the holdout's are the headline, the tuning splits' guard their tuning. */
describe.each([
  ['the holdout', SPLITS.holdout, FLOORS],
  ['the test split', SPLITS.test, TEST_SPLIT_TARGET],
  ['dev-round4', SPLITS.devRound4, DEV_ROUND4_FLOORS],
  ['dev-round5a', SPLITS.devRound5a, DEV_ROUND5A_FLOORS],
  ['dev-round6', SPLITS.devRound6, DEV_ROUND6_FLOORS],
  ['dev-round7', SPLITS.devRound7, DEV_ROUND7_FLOORS],
  ['dev-round8', SPLITS.devRound8, DEV_ROUND8_FLOORS],
  ['dev-round9', SPLITS.devRound9, DEV_ROUND9_FLOORS],
  ['dev-round10', SPLITS.devRound10, DEV_ROUND10_FLOORS],
  ['dev-round11', SPLITS.devRound11, DEV_ROUND11_FLOORS],
  ['dev-round12', SPLITS.devRound12, DEV_ROUND12_FLOORS],
  ['dev-round14', SPLITS.devRound14, DEV_ROUND14_FLOORS],
  ['dev-round15', SPLITS.devRound15, DEV_ROUND15_FLOORS],
  ['dev-round16', SPLITS.devRound16, DEV_ROUND16_FLOORS],
  ['dev-round17', SPLITS.devRound17, DEV_ROUND17_FLOORS],
  ['dev-round18', SPLITS.devRound18, DEV_ROUND18_FLOORS],
  ['dev-round19', SPLITS.devRound19, DEV_ROUND19_FLOORS],
  ['dev-round20', SPLITS.devRound20, DEV_ROUND20_FLOORS],
  ['dev-round21', SPLITS.devRound21, DEV_ROUND21_FLOORS],
  ['dev-round22', SPLITS.devRound22, DEV_ROUND22_FLOORS],
])('compliance checks on %s', (_name, split, floors) => {
  let report: EvalReport;
  beforeAll(async () => {
    report = await evaluateCorpus(readSplit(split));
  }, 300_000);

  it('no code falls below its recall floor or rises above its false-positive ceiling', () => {
    const below = Object.entries(floors).flatMap(([code, floor]) => {
      const r = report.byCode.find((x) => x.key === code);
      if (!r) return [`${code}: not measured`];
      return r.recall < floor.recall || r.fpr > floor.fpr
        ? [`${code}: recall ${r.recall.toFixed(3)}, FPR ${r.fpr.toFixed(3)}`]
        : [];
    });
    expect(below).toEqual([]);
  });
});
