/**
 * Keyword-group matching on the frozen test split (test/eval/keyword-groups/): written before any
 * tuning, pinned by hash, never tuned on. The floors are regression bars at the figures measured
 * on it; `npm run eval -- keywords` prints every miss.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateKeywordGroups, KEYWORD_SPLITS, readKeywordSplit, type KeywordReport } from './keyword-eval.js';

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');
const recorded = (file: string): string => readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? '';

/**
 * Measured on the test split with the example workspace after tuning on the two dev splits
 * (recall floor / misroute ceiling), after the round-6 changes (sentence-scoped exclusions, no
 * single-character homophones) and round 7 (groups skip clauses that close the matter,
 * `skipSettled`). The issue's bar is recall ≥ 0.9 per group and misroutes ≤ 0.05: every group
 * reaches it, and unrelated messages answered by a group went 7/116 → 5/116 = 0.043 (this split's
 * misses had been read before round 7's dev split was briefed: see test2, written after, for a clean figure).
 */
const FLOORS: Record<string, { recall: number; misrouted: number }> = {
  refund: { recall: 0.935, misrouted: 0 },
  logistics: { recall: 0.93, misrouted: 0 },
  password: { recall: 0.98, misrouted: 0 },
  human: { recall: 0.93, misrouted: 0 },
  none: { recall: 1, misrouted: 0.044 },
};

/**
 * test2, measured once when it was registered (the groups were never tuned on it): every group
 * reaches the bar, recall ≥ 0.9 and misroutes ≤ 0.05.
 */
const TEST2_FLOORS: Record<string, { recall: number; misrouted: number }> = {
  refund: { recall: 0.94, misrouted: 0.029 },
  logistics: { recall: 0.92, misrouted: 0.015 },
  password: { recall: 0.98, misrouted: 0 },
  human: { recall: 0.97, misrouted: 0 },
  none: { recall: 1, misrouted: 0.035 },
};

describe.each([
  ['the test split', KEYWORD_SPLITS.test, FLOORS, 70],
  ['test2', KEYWORD_SPLITS.test2, TEST2_FLOORS, 60],
])('keyword-group evaluation on %s', (_name, file, floors, perGroup) => {
  const lines = readKeywordSplit(file);
  let report: KeywordReport;
  beforeAll(async () => {
    report = await evaluateKeywordGroups(lines);
  }, 120_000);

  it('matches its recorded hash and covers every group with near misses', () => {
    expect(sha256(file)).toBe(recorded(file.replace(/\.jsonl$/, '.sha256')));
    expect(lines.length).toBeGreaterThanOrEqual(300);
    for (const intent of ['refund', 'logistics', 'password'])
      expect(lines.filter((l) => l.intent === intent).length, intent).toBeGreaterThanOrEqual(perGroup);
    expect(lines.filter((l) => l.tags?.includes('near-miss')).length).toBeGreaterThanOrEqual(40);
  });

  it('holds recall and misroutes per group on the example workspace', () => {
    const below = report.byIntent
      .filter((r) => r.recall < (floors[r.intent]?.recall ?? 1) || r.misrouteRate > (floors[r.intent]?.misrouted ?? 0))
      .map((r) => `${r.intent}: recall ${r.recall.toFixed(3)}, misrouted ${r.misrouteRate.toFixed(3)}`);
    expect(below).toEqual([]);
  });
});
