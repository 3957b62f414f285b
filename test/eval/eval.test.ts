/** Holds the matching quality on the labeled corpus: recall ≥ 0.95 and FPR ≤ 0.03 for every code and pack. */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_CODES, evaluateCorpus, readCorpus, type EvalReport } from './run-eval.js';

const PACKS = ['beauty', 'catering', 'ecommerce', 'education', 'maternal-baby', 'medical-health'];

describe('labeled corpus evaluation', () => {
  const corpus = readCorpus();
  let report: EvalReport;
  beforeAll(async () => {
    report = await evaluateCorpus(corpus);
  }, 120_000);

  it('has at least 300 replies covering every §7 content code and every pack', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const expected = new Set(corpus.flatMap((l) => l.expect));
    for (const code of CONTENT_CODES) expect(expected, code).toContain(code);
    for (const pack of PACKS) {
      const lines = corpus.filter((l) => l.pack === pack);
      expect(
        lines.filter((l) => l.expect.some((c) => c.startsWith(`pack:${pack}/`))).length,
        pack,
      ).toBeGreaterThanOrEqual(15);
      expect(lines.filter((l) => l.expect.length === 0).length, `${pack} clean replies`).toBeGreaterThanOrEqual(15);
    }
  });

  it('recall ≥ 0.95 and false-positive rate ≤ 0.03 for every code', () => {
    const below = report.byCode
      .filter((r) => r.recall < 0.95 || r.fpr > 0.03)
      .map((r) => `${r.key}: recall ${r.recall.toFixed(3)}, FPR ${r.fpr.toFixed(3)}`);
    expect(below).toEqual([]);
  });

  it('recall ≥ 0.95 and false-positive rate ≤ 0.03 for every pack', () => {
    expect(report.byPack.map((r) => r.key)).toEqual(expect.arrayContaining(PACKS));
    const below = report.byPack
      .filter((r) => r.recall < 0.95 || r.fpr > 0.03)
      .map((r) => `${r.key}: recall ${r.recall.toFixed(3)}, FPR ${r.fpr.toFixed(3)}`);
    expect(below).toEqual([]);
  });
});
