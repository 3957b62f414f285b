/**
 * Labeled-corpus evaluation of the reply checks (`npm run eval`): every line of
 * `corpus.jsonl` is a reply `{text | reply, pack?, expect: [codes]}`, checked through the
 * sandbox (production code path) against the default policy plus the named built-in pack.
 * Prints recall and false-positive rate per code and per pack; `eval.test.ts` holds the bars.
 *
 * - per code: recall = lines expecting the code that got it ÷ lines expecting it; FPR = lines
 *   not expecting it that got it ÷ lines not expecting it (a pack's codes only over that pack's lines);
 * - per pack: recall = expected (line, code) pairs found ÷ expected pairs; FPR = clean lines
 *   (expect []) with any finding ÷ clean lines.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY } from '../../server/src/runtime/default-policy.js';
import { loadBuiltinPacks } from '../../server/src/packs/load-builtin-packs.js';
import { runSandbox } from '../../server/src/sandbox/run-sandbox.js';
import { evaluateKeywordGroups, KEYWORD_SPLITS, printKeywordReport, readKeywordSplit } from './keyword-eval.js';

export interface CorpusLine {
  text?: string;
  reply?: { type: string } & Record<string, unknown>;
  pack?: string;
  expect: string[];
}

export interface Rate {
  key: string;
  positives: number;
  found: number;
  negatives: number;
  falsePositives: number;
  recall: number;
  fpr: number;
}

export interface EvalReport {
  lines: number;
  byCode: Rate[];
  byPack: Rate[];
  /** Lines whose findings differ from the labels, for review. */
  misses: Array<{ line: number; text: string; pack: string; expected: string[]; actual: string[] }>;
}

export const CORPUS = fileURLToPath(new URL('./corpus.jsonl', import.meta.url));
/**
 * The compliance splits, all frozen by hash:
 * - `holdout`: hand-written from public cases and lists by someone who read neither the checker
 *   nor the other splits; never tuned on. The headline figure.
 * - `test`: never read while tuning either, but generated from the same pool of claim clauses
 *   as `dev`, so tuning on `dev` reaches it: reported, not a headline.
 * - `dev`: for tuning.
 * - `devAuthentic`: a second tuning set, written by the helper who tuned on it (enforcement-case,
 *   police/tax-notice and share-format wording, with hard negatives; each line names its source):
 *   dev, never a headline.
 * - `devRound3`: a third tuning set (issue 14, round 3), written from public lists, enforcement-case
 *   and police/tax-notice wording before its tuner read the lexicons; measured as written first.
 * - `devRound4`: the fourth (round 4), written the same way by a writer who read neither the
 *   checker nor any other split; measured as written first.
 * - `devRound5a`: the fifth (round 5, banned offers, share codes, links and absolute terms), written
 *   the same way; measured as written first.
 * - `devRound6`: the sixth (round 6: banned offers, efficacy claims, quoting notices), written the
 *   same way; measured as written first (BANNED_TERM 54/80, MEDICAL_CLAIM 36/40).
 * - `devRound7`: the seventh (round 7: efficacy claims, promotions, induced sharing, share codes,
 *   hard negatives that explain a promotion's rules), written the same way; measured as written
 *   first (MEDICAL_CLAIM 50/60, PROMOTION 45/52 with 16/188 false positives).
 * - `devRound8`: the eighth (round 8: service talk about promotions, promotions, induced sharing,
 *   share codes), written the same way; measured as written first (PROMOTION 65/85 with 61/155
 *   false positives, INDUCED_SHARING 35/42, MARKETPLACE_CODE 32/40).
 * - `devRound9`: the ninth (round 9: service talk of shops, restaurants, schools and salons that
 *   names prices, and promotions), written the same way; measured as written first (PROMOTION
 *   52/60 with 24/100 false positives).
 * - `devRound10`: the tenth (round 10: banned offers in the trade's own wording over twelve
 *   categories, hard negatives that name them lawfully), written the same way; measured as written
 *   first (BANNED_TERM 67/110 with 6/90 false positives).
 * - `devRound11`: the eleventh (round 11: efficacy claims from enforcement cases, lawful health
 *   talk), written the same way; measured as written first (MEDICAL_CLAIM 56/110 with 6/90 false
 *   positives).
 * - `devRound12`: the twelfth (round 12: service talk of six industries, promotions, induced
 *   sharing, absolute terms), written the same way; measured as written first (PROMOTION 30/30
 *   with 11/190 false positives, INDUCED_SHARING 13/15).
 * - `devRound13`: 80 replies that name credentials, licences, invoices, medicines, sharing and
 *   following lawfully, written by the reply classifier's tuner (not independent) as training
 *   negatives for it: none is a finding.
 * - `devRound14` … `devRound53`: later rounds, each written the same way and measured as
 *   written first; the README's evaluation section gives each round's figures before and after.
 */
export const SPLITS = {
  holdout: fileURLToPath(new URL('./compliance-holdout/holdout.jsonl', import.meta.url)),
  test: fileURLToPath(new URL('./compliance/test-split.jsonl', import.meta.url)),
  dev: fileURLToPath(new URL('./compliance/dev-split.jsonl', import.meta.url)),
  devAuthentic: fileURLToPath(new URL('./compliance/dev-authentic.jsonl', import.meta.url)),
  devRound3: fileURLToPath(new URL('./compliance/dev-round3.jsonl', import.meta.url)),
  devRound4: fileURLToPath(new URL('./compliance/dev-round4.jsonl', import.meta.url)),
  devRound5a: fileURLToPath(new URL('./compliance/dev-round5a.jsonl', import.meta.url)),
  devRound6: fileURLToPath(new URL('./compliance/dev-round6.jsonl', import.meta.url)),
  devRound7: fileURLToPath(new URL('./compliance/dev-round7.jsonl', import.meta.url)),
  devRound8: fileURLToPath(new URL('./compliance/dev-round8.jsonl', import.meta.url)),
  devRound9: fileURLToPath(new URL('./compliance/dev-round9.jsonl', import.meta.url)),
  devRound10: fileURLToPath(new URL('./compliance/dev-round10.jsonl', import.meta.url)),
  devRound11: fileURLToPath(new URL('./compliance/dev-round11.jsonl', import.meta.url)),
  devRound12: fileURLToPath(new URL('./compliance/dev-round12.jsonl', import.meta.url)),
  devRound13: fileURLToPath(new URL('./compliance/dev-round13.jsonl', import.meta.url)),
  devRound14: fileURLToPath(new URL('./compliance/dev-round14.jsonl', import.meta.url)),
  devRound15: fileURLToPath(new URL('./compliance/dev-round15.jsonl', import.meta.url)),
  devRound16: fileURLToPath(new URL('./compliance/dev-round16.jsonl', import.meta.url)),
  devRound17: fileURLToPath(new URL('./compliance/dev-round17.jsonl', import.meta.url)),
  devRound18: fileURLToPath(new URL('./compliance/dev-round18.jsonl', import.meta.url)),
  devRound19: fileURLToPath(new URL('./compliance/dev-round19.jsonl', import.meta.url)),
  devRound20: fileURLToPath(new URL('./compliance/dev-round20.jsonl', import.meta.url)),
  devRound21: fileURLToPath(new URL('./compliance/dev-round21.jsonl', import.meta.url)),
  devRound22: fileURLToPath(new URL('./compliance/dev-round22.jsonl', import.meta.url)),
  devRound23: fileURLToPath(new URL('./compliance/dev-round23.jsonl', import.meta.url)),
  devRound24: fileURLToPath(new URL('./compliance/dev-round24.jsonl', import.meta.url)),
  devRound25: fileURLToPath(new URL('./compliance/dev-round25.jsonl', import.meta.url)),
  devRound26: fileURLToPath(new URL('./compliance/dev-round26.jsonl', import.meta.url)),
  devRound27: fileURLToPath(new URL('./compliance/dev-round27.jsonl', import.meta.url)),
  devRound28: fileURLToPath(new URL('./compliance/dev-round28.jsonl', import.meta.url)),
  devRound29: fileURLToPath(new URL('./compliance/dev-round29.jsonl', import.meta.url)),
  devRound30: fileURLToPath(new URL('./compliance/dev-round30.jsonl', import.meta.url)),
  devRound31: fileURLToPath(new URL('./compliance/dev-round31.jsonl', import.meta.url)),
  devRound33: fileURLToPath(new URL('./compliance/dev-round33.jsonl', import.meta.url)),
  devRound34: fileURLToPath(new URL('./compliance/dev-round34.jsonl', import.meta.url)),
  devRound35: fileURLToPath(new URL('./compliance/dev-round35.jsonl', import.meta.url)),
  devRound36: fileURLToPath(new URL('./compliance/dev-round36.jsonl', import.meta.url)),
  devRound37: fileURLToPath(new URL('./compliance/dev-round37.jsonl', import.meta.url)),
  devRound38: fileURLToPath(new URL('./compliance/dev-round38.jsonl', import.meta.url)),
  devRound39: fileURLToPath(new URL('./compliance/dev-round39.jsonl', import.meta.url)),
  devRound41: fileURLToPath(new URL('./compliance/dev-round41.jsonl', import.meta.url)),
  devRound40: fileURLToPath(new URL('./compliance/dev-round40.jsonl', import.meta.url)),
  devRound42: fileURLToPath(new URL('./compliance/dev-round42.jsonl', import.meta.url)),
  devRound43: fileURLToPath(new URL('./compliance/dev-round43.jsonl', import.meta.url)),
  devRound44: fileURLToPath(new URL('./compliance/dev-round44.jsonl', import.meta.url)),
  devRound45: fileURLToPath(new URL('./compliance/dev-round45.jsonl', import.meta.url)),
  devRound46: fileURLToPath(new URL('./compliance/dev-round46.jsonl', import.meta.url)),
  devRound47: fileURLToPath(new URL('./compliance/dev-round47.jsonl', import.meta.url)),
  devRound48: fileURLToPath(new URL('./compliance/dev-round48.jsonl', import.meta.url)),
  devRound49: fileURLToPath(new URL('./compliance/dev-round49.jsonl', import.meta.url)),
  devRound50: fileURLToPath(new URL('./compliance/dev-round50.jsonl', import.meta.url)),
  devRound51: fileURLToPath(new URL('./compliance/dev-round51.jsonl', import.meta.url)),
  devRound52: fileURLToPath(new URL('./compliance/dev-round52.jsonl', import.meta.url)),
  devRound53: fileURLToPath(new URL('./compliance/dev-round53.jsonl', import.meta.url)),
  devRound54: fileURLToPath(new URL('./compliance/dev-round54.jsonl', import.meta.url)),
  devRound55: fileURLToPath(new URL('./compliance/dev-round55.jsonl', import.meta.url)),
  devRound56: fileURLToPath(new URL('./compliance/dev-round56.jsonl', import.meta.url)),
  devRound57: fileURLToPath(new URL('./compliance/dev-round57.jsonl', import.meta.url)),
  devRound58: fileURLToPath(new URL('./compliance/dev-round58.jsonl', import.meta.url)),
  devRound59: fileURLToPath(new URL('./compliance/dev-round59.jsonl', import.meta.url)),
  devRound60: fileURLToPath(new URL('./compliance/dev-round60.jsonl', import.meta.url)),
  devRound61: fileURLToPath(new URL('./compliance/dev-round61.jsonl', import.meta.url)),
  devRound62: fileURLToPath(new URL('./compliance/dev-round62.jsonl', import.meta.url)),
  devRound63: fileURLToPath(new URL('./compliance/dev-round63.jsonl', import.meta.url)),
  devRound64: fileURLToPath(new URL('./compliance/dev-round64.jsonl', import.meta.url)),
  devRound65: fileURLToPath(new URL('./compliance/dev-round65.jsonl', import.meta.url)),
  devRound66: fileURLToPath(new URL('./compliance/dev-round66.jsonl', import.meta.url)),
  devRound67: fileURLToPath(new URL('./compliance/dev-round67.jsonl', import.meta.url)),
  devRound68: fileURLToPath(new URL('./compliance/dev-round68.jsonl', import.meta.url)),
  devRound69: fileURLToPath(new URL('./compliance/dev-round69.jsonl', import.meta.url)),
  devRound70: fileURLToPath(new URL('./compliance/dev-round70.jsonl', import.meta.url)),
  devRound71: fileURLToPath(new URL('./compliance/dev-round71.jsonl', import.meta.url)),
  devRound72: fileURLToPath(new URL('./compliance/dev-round72.jsonl', import.meta.url)),
  devRound73: fileURLToPath(new URL('./compliance/dev-round73.jsonl', import.meta.url)),
  devRound74: fileURLToPath(new URL('./compliance/dev-round74.jsonl', import.meta.url)),
  devRound75: fileURLToPath(new URL('./compliance/dev-round75.jsonl', import.meta.url)),
  devRound76: fileURLToPath(new URL('./compliance/dev-round76.jsonl', import.meta.url)),
  devRound77: fileURLToPath(new URL('./compliance/dev-round77.jsonl', import.meta.url)),
} as const;

/** A split line as written: `codes` are the expected §7 content codes. */
interface SplitLine {
  id: string;
  text: string;
  codes: string[];
  tags?: string[];
}

/** Codes judged from the reply's content; the conversation codes (window, frequency …) are not labeled. */
export const CONTENT_CODES: ReadonlySet<string> = new Set([
  'EXTERNAL_LINK',
  'MARKETPLACE_CODE',
  'INDUCED_SHARING',
  'PROMOTION',
  'ABSOLUTE_TERM',
  'BANNED_TERM',
  'MEDICAL_CLAIM',
  'UNSUPPORTED_TYPE',
  'CONTENT_TOO_LONG',
]);

export function readCorpus(file = CORPUS): CorpusLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as CorpusLine);
}

/** Reads a compliance split into corpus lines (default policy, no pack). */
export function readSplit(file: string): CorpusLine[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const s = JSON.parse(l) as SplitLine;
      return { text: s.text, expect: s.codes };
    });
}

/**
 * Runs every line: one sandbox per pack (compiled once), one user per line, so no line sees
 * another's state; a user message opens the window, then the reply is checked without commit.
 */
export async function evaluateCorpus(lines: readonly CorpusLine[]): Promise<EvalReport> {
  const packs = loadBuiltinPacks();
  const actual: string[][] = [];
  const byPack = new Map<string | undefined, number[]>();
  lines.forEach((line, i) => byPack.set(line.pack, [...(byPack.get(line.pack) ?? []), i]));
  for (const [packId, indexes] of byPack) {
    const pack = packId === undefined ? undefined : packs.get(packId);
    if (packId !== undefined && !pack) throw new Error(`corpus names unknown pack ${packId}`);
    const result = await runSandbox(
      { flows: [], groups: [], policy: DEFAULT_POLICY, packs: pack ? [pack] : [] },
      {
        steps: indexes.flatMap((i) => {
          const line = lines[i] as CorpusLine;
          return [
            { inbound: { from: `eval${i}`, type: 'text' as const, content: '你好' } },
            { reply: line.reply ?? { type: 'text', content: line.text ?? '' }, to: `eval${i}`, commit: false },
          ];
        }),
      },
    );
    indexes.forEach((i, k) => {
      const checked = result.steps[2 * k + 1]?.result as
        { reasons?: Array<{ code: string; severity: string }> } | undefined;
      // `info` notes explain a hit that was not reported: not findings.
      const codes = new Set(
        (checked?.reasons ?? [])
          .filter((r) => r.severity !== 'info')
          .map((r) => r.code)
          .filter((c) => CONTENT_CODES.has(c) || c.startsWith('pack:')),
      );
      actual[i] = [...codes].sort();
    });
  }
  return report(lines, actual);
}

function report(lines: readonly CorpusLine[], actual: readonly string[][]): EvalReport {
  const packOf = (l: CorpusLine) => l.pack ?? '(default)';
  const codes = new Set<string>();
  lines.forEach((l, i) => {
    for (const c of l.expect) codes.add(c);
    for (const c of actual[i] ?? []) codes.add(c);
  });
  const byCode: Rate[] = [...codes].sort().map((code) => {
    const owner = code.startsWith('pack:') ? code.slice(5, code.indexOf('/')) : undefined;
    const rate = newRate(code);
    lines.forEach((l, i) => {
      if (owner !== undefined && l.pack !== owner) return;
      const got = (actual[i] ?? []).includes(code);
      if (l.expect.includes(code)) {
        rate.positives++;
        if (got) rate.found++;
      } else {
        rate.negatives++;
        if (got) rate.falsePositives++;
      }
    });
    return finish(rate);
  });
  const packs = [...new Set(lines.map(packOf))].sort();
  const byPack: Rate[] = packs.map((p) => {
    const rate = newRate(p);
    lines.forEach((l, i) => {
      if (packOf(l) !== p) return;
      const got = actual[i] ?? [];
      for (const c of l.expect) {
        rate.positives++;
        if (got.includes(c)) rate.found++;
      }
      if (l.expect.length === 0) {
        rate.negatives++;
        if (got.length > 0) rate.falsePositives++;
      }
    });
    return finish(rate);
  });
  const misses = lines.flatMap((l, i) => {
    const got = actual[i] ?? [];
    const same = got.length === l.expect.length && got.every((c) => l.expect.includes(c));
    return same
      ? []
      : [
          {
            line: i + 1,
            text: l.text ?? JSON.stringify(l.reply),
            pack: packOf(l),
            expected: [...l.expect].sort(),
            actual: got,
          },
        ];
  });
  return { lines: lines.length, byCode, byPack, misses };
}

function newRate(key: string): Rate {
  return { key, positives: 0, found: 0, negatives: 0, falsePositives: 0, recall: 1, fpr: 0 };
}

function finish(rate: Rate): Rate {
  return {
    ...rate,
    recall: rate.positives === 0 ? 1 : rate.found / rate.positives,
    fpr: rate.negatives === 0 ? 0 : rate.falsePositives / rate.negatives,
  };
}

function table(title: string, rates: readonly Rate[]): string {
  const rows = rates.map(
    (r) =>
      `| ${r.key} | ${r.found}/${r.positives} | ${r.recall.toFixed(3)} | ${r.falsePositives}/${r.negatives} | ${r.fpr.toFixed(3)} |`,
  );
  return [
    `### ${title}`,
    '',
    '| | found | recall | false positives | FPR |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function print(title: string, result: EvalReport, withPacks: boolean): void {
  console.log(`## ${title}: ${result.lines} labeled replies\n`);
  console.log(table('Per code', result.byCode));
  if (withPacks) console.log(table('Per pack', result.byPack));
  if (result.misses.length > 0) {
    console.log(`### Differences from the labels (${result.misses.length})\n`);
    for (const m of result.misses)
      console.log(
        `- line ${m.line} [${m.pack}] ${m.text}\n  expected ${m.expected.join(', ') || '—'}; got ${m.actual.join(', ') || '—'}`,
      );
  }
  console.log('');
}

// `npm run eval`: the holdout first (the headline), then the other splits and the packs' corpus.
// `npm run eval -- dev` (or `dev-authentic`, `dev-round3` … `dev-round77`, `holdout`, `test`, `corpus`, `keywords-dev` … `keywords-dev7`, `keywords-test2`) prints one of them; `keywords` prints the keyword test, dev and test2 splits.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv[2];
  const runs: Array<[string, string, () => CorpusLine[], boolean]> = [
    [
      'holdout',
      'Compliance holdout (independent, hand-written, never tuned on)',
      () => readSplit(SPLITS.holdout),
      false,
    ],
    [
      'test',
      'Compliance test split (never tuned on; shares clause wording with dev)',
      () => readSplit(SPLITS.test),
      false,
    ],
    ['dev', 'Compliance dev split (for tuning)', () => readSplit(SPLITS.dev), false],
    [
      'dev-authentic',
      'Compliance dev-authentic split (for tuning; written by its tuner: not a headline)',
      () => readSplit(SPLITS.devAuthentic),
      false,
    ],
    [
      'dev-round3',
      'Compliance dev-round3 split (for tuning; written before its tuner read the lexicons: measured as written first)',
      () => readSplit(SPLITS.devRound3),
      false,
    ],
    [
      'dev-round4',
      'Compliance dev-round4 split (for tuning; written by someone who read neither the checker nor the other splits: measured as written first)',
      () => readSplit(SPLITS.devRound4),
      false,
    ],
    [
      'dev-round5a',
      'Compliance dev-round5a split (for tuning; banned offers, share codes, links, absolute terms; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound5a),
      false,
    ],
    [
      'dev-round6',
      'Compliance dev-round6 split (for tuning; banned offers, efficacy claims, quoting notices; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound6),
      false,
    ],
    [
      'dev-round7',
      'Compliance dev-round7 split (for tuning; efficacy claims, promotions, induced sharing, share codes, promotion-rule negatives; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound7),
      false,
    ],
    [
      'dev-round8',
      'Compliance dev-round8 split (for tuning; service talk about promotions, promotions, induced sharing, share codes; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound8),
      false,
    ],
    [
      'dev-round9',
      'Compliance dev-round9 split (for tuning; service talk of shops, restaurants, schools and salons naming prices, and promotions; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound9),
      false,
    ],
    [
      'dev-round10',
      "Compliance dev-round10 split (for tuning; banned offers in the trade's own wording, lawful mentions; written by someone who read neither the checker nor the other splits)",
      () => readSplit(SPLITS.devRound10),
      false,
    ],
    [
      'dev-round11',
      'Compliance dev-round11 split (for tuning; efficacy claims from enforcement cases, lawful health talk; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound11),
      false,
    ],
    [
      'dev-round12',
      'Compliance dev-round12 split (for tuning; service talk of six industries, promotions, induced sharing, absolute terms; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound12),
      false,
    ],
    [
      'dev-round13',
      "Compliance dev-round13 split (for tuning; lawful mentions of credentials, invoices, medicines, sharing; written by the reply classifier's tuner as its training negatives)",
      () => readSplit(SPLITS.devRound13),
      false,
    ],
    [
      'dev-round14',
      'Compliance dev-round14 split (for tuning; banned offers of thirteen trades in their trade wording, lawful mentions; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound14),
      false,
    ],
    [
      'dev-round15',
      'Compliance dev-round15 split (for tuning; promotions in many formats and service talk naming prices, coupons and memberships, ten industries; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound15),
      false,
    ],
    [
      'dev-round16',
      'Compliance dev-round16 split (for tuning; lawful mentions in sixteen regulated trades — pharmacies, clinics, tax offices, banks, lottery stations, schools — and offences in the same trades; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound16),
      false,
    ],
    [
      'dev-round17',
      'Compliance dev-round17 split (for tuning; absolute terms in praise, and the uses regulators allow: advice, facts, self-comparison, ideals, quoted warnings; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound17),
      false,
    ],
    [
      'dev-round18',
      'Compliance dev-round18 split (for tuning; banned offers of seventeen less common trades in trade wording and disguise, lawful mentions; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound18),
      false,
    ],
    [
      'dev-round19',
      'Compliance dev-round19 split (for tuning; promotions tucked into service answers and service talk naming prices, coupons, points and memberships, fifteen industries; written by someone who read neither the checker nor the other splits)',
      () => readSplit(SPLITS.devRound19),
      false,
    ],
    [
      'dev-round20',
      "Compliance dev-round20 split (for tuning; round 18's seventeen trades written by another hand as answers to customers, lawful answers; written by someone who read neither the checker nor the other splits)",
      () => readSplit(SPLITS.devRound20),
      false,
    ],
    [
      'dev-round21',
      "Compliance dev-round21 split (round 18's seventeen trades as sellers write them, in code words from enforcement cases, and lawful trades; written by someone who read neither the checker nor the other splits; scored before and after round 20 to measure it, not tuned on)",
      () => readSplit(SPLITS.devRound21),
      false,
    ],
    [
      'dev-round22',
      "Compliance dev-round22 split (what honest accounts of eighteen kinds say every day with the codes' vocabulary, and their offences; written by someone who read neither the checker nor the other splits; scored to measure rounds 19-21, not tuned on)",
      () => readSplit(SPLITS.devRound22),
      false,
    ],
    [
      'dev-round23',
      'Compliance dev-round23 split (price talk of twenty industries: offers and replies that promote nothing; written by someone who read neither the checker nor the other splits; scored to measure rounds 19-21, not tuned on)',
      () => readSplit(SPLITS.devRound23),
      false,
    ],
    [
      'dev-round24',
      "Compliance dev-round24 split (offers of thirty banned trades, most in sellers' code words, and lawful replies that share their words; written by someone who read neither the checker nor the other splits; scored before and after the classifier retrain, then tuned on)",
      () => readSplit(SPLITS.devRound24),
      false,
    ],
    [
      'dev-round25',
      "Compliance dev-round25 split (promotions told without the obvious words, across twenty-one industries, and price talk that promotes nothing; written by someone who read neither the checker nor the other splits; scored to measure the classifier's PROMOTION code, not tuned on)",
      () => readSplit(SPLITS.devRound25),
      false,
    ],
    [
      'dev-round26',
      "Compliance dev-round26 split (lawful talk of twenty-four banned trades' topics — licensed shops, refusals, warnings, the law explained, look-alike words — and offers; written by someone who read neither the checker nor the other splits; scored to measure round 24, then to choose the classifier's review bar)",
      () => readSplit(SPLITS.devRound26),
      false,
    ],
    [
      'dev-round27',
      "Compliance dev-round27 split (promotions in thirty industries, most without list words, and replies about fees, points and past offers that promote nothing; written by someone who read neither the checker nor the other splits; scored to measure the promotion lexicon's review, not tuned on)",
      () => readSplit(SPLITS.devRound27),
      false,
    ],
    [
      'dev-round28',
      'Compliance dev-round28 split (150 lawful replies that talk of banned trades in their own words: licensed rules, refusals, warnings, the law explained, lookalikes; 50 offers, a third in slang; written by someone who read neither the checker nor the other splits; measured unread at 29/150 false positives, then tuned on)',
      () => readSplit(SPLITS.devRound28),
      false,
    ],
    [
      'dev-round29',
      'Compliance dev-round29 split (150 lawful replies on sixty-one topics that talk of banned trades, 50 offers in thirty-one trades, 19 in slang; written by someone who read neither the checker nor the other splits; scored to measure the reviewers, never read or tuned on)',
      () => readSplit(SPLITS.devRound29),
      false,
    ],
    [
      'dev-round30',
      'Compliance dev-round30 split (150 lawful replies that talk of banned trades, fifty of them news stories retold by staff, and 50 offers in thirty-two trades; written by someone who read neither the checker nor the other splits; measured as written, then tuned on)',
      () => readSplit(SPLITS.devRound30),
      false,
    ],
    [
      'dev-round31',
      "Compliance dev-round31 split (round 30's brief by another hand: 150 lawful replies, fifty news stories in thirty-eight trades, 50 offers; written by someone who read neither the checker nor the other splits; scored to measure round 30, never read or tuned on)",
      () => readSplit(SPLITS.devRound31),
      false,
    ],
    [
      'dev-round33',
      'Compliance dev-round33 split (100 promotions, most told without list words or as a sales tail after a service answer, and 100 price, rules and service replies that promote nothing; written by someone who read neither the checker nor the other splits; never read or tuned on)',
      () => readSplit(SPLITS.devRound33),
      false,
    ],
    [
      'dev-round34',
      'Compliance dev-round34 split (100 efficacy claims told as outcomes, disease effects, rates and times in thirteen trades, 100 warnings, advice to see a doctor, allowed wording and service; written by someone who read neither the checker nor the other splits; measured as written, then tuned on)',
      () => readSplit(SPLITS.devRound34),
      false,
    ],
    [
      'dev-round35',
      "Compliance dev-round35 split (round 34's brief by another hand: 100 efficacy claims, 100 warnings, advice, allowed wording and service in thirteen trades; written by someone who read neither the checker nor the other splits; scored to measure round 34, never read or tuned on)",
      () => readSplit(SPLITS.devRound35),
      false,
    ],
    [
      'dev-round36',
      'Compliance dev-round36 split (100 promotions, half told in about thirty ways without list words, a quarter as a sales tail, a quarter in merchant formats, and 100 price answers, rules, service and lookalike replies in twenty-nine trades; written by someone who read neither the checker nor the other splits; measured as written, then tuned on)',
      () => readSplit(SPLITS.devRound36),
      false,
    ],
    [
      'dev-round37',
      "Compliance dev-round37 split (round 38's brief by another hand: 120 banned offers in thirty-six trades, half in slang; 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; scored to measure round 38, never read or tuned on)",
      () => readSplit(SPLITS.devRound37),
      false,
    ],
    [
      'dev-round38',
      'Compliance dev-round38 split (120 banned offers in about forty trades, half in slang, disguise names or indirect wording; 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then tuned on)',
      () => readSplit(SPLITS.devRound38),
      false,
    ],
    [
      'dev-round39',
      'Compliance dev-round39 split (100 promotions, half told in fifty ways without list words, a quarter as a sales tail, a quarter in merchant formats, and 100 price answers, rules, service and lookalike replies in thirty trades; written by someone who read neither the checker nor the other splits; scored to measure the promotion work, never read or tuned on)',
      () => readSplit(SPLITS.devRound39),
      false,
    ],
    [
      'dev-round41',
      'Compliance dev-round41 split (120 banned offers in thirty-four trades, two to four lines each, half in slang; 80 refusals, news stories, licensed rules and lookalikes; written after rounds 36-39 by someone who read neither the checker nor the other splits; scored to measure them, never read or tuned on)',
      () => readSplit(SPLITS.devRound41),
      false,
    ],
    [
      'dev-round40',
      'Compliance dev-round40 split (120 banned offers in forty-one trades, at most five lines each, half in slang; 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound40),
      false,
    ],
    [
      'dev-round42',
      'Compliance dev-round42 split (100 promotions, half told in thirty ways without list words, a quarter as a sales tail, a quarter in merchant formats, and 100 price answers, rules, service and lookalike replies in forty trades; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound42),
      false,
    ],
    [
      'dev-round43',
      'Compliance dev-round43 split (70 promotions (without list words, as sales tails, in merchant formats) and 130 lawful replies naming prices, rules, gifts, stock, the pay offered to recruits and subsidies in thirty-nine trades; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound43),
      false,
    ],
    [
      'dev-round44',
      'Compliance dev-round44 split (130 banned offers in forty-five trades as typed in private chats to slip past filters, most in slang, homophones and split characters; 70 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound44),
      false,
    ],
    [
      'dev-round45',
      'Compliance dev-round45 split (110 promotions by small merchants of sixty trades in regional wording, typos and emoji (without list words, as sales tails, in formats) and 90 price answers, rules, service and lookalike replies; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound45),
      false,
    ],
    [
      'dev-round46',
      'Compliance dev-round46 split (120 banned offers implied in answers to a customer (agreeing, pricing, delivering, recruiting) in thirty-nine trades; 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound46),
      false,
    ],
    [
      'dev-round47',
      'Compliance dev-round47 split (the brief of round 46 by another writer: 120 banned offers implied in answers, terms and recruiting in forty-five trades, 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; scored to measure rounds 40-46, never read or tuned on)',
      () => readSplit(SPLITS.devRound47),
      false,
    ],
    [
      'dev-round48',
      'Compliance dev-round48 split (the brief of round 43 by another writer: 70 promotions and 130 lawful replies naming prices, rules, gifts, stock and the pay offered to recruits in twenty-two trades; written by someone who read neither the checker nor the other splits; scored to measure rounds 40-46, never read or tuned on)',
      () => readSplit(SPLITS.devRound48),
      false,
    ],
    [
      'dev-round49',
      'Compliance dev-round49 split (the brief of round 45 by another writer: 110 promotions by small merchants of forty-three trades in regional wording (without list words, as sales tails, in formats) and 90 price answers, rules, service and lookalike replies; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound49),
      false,
    ],
    [
      'dev-round50',
      'Compliance dev-round50 split (the brief of round 42 by another writer: 100 promotions, half told in thirty-three ways without list words, and 100 price answers, rules, service and lookalike replies in twenty-three trades; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound50),
      false,
    ],
    [
      'dev-round51',
      'Compliance dev-round51 split (the brief of round 44 by another writer: 130 banned offers in forty-seven trades as typed to slip past filters, 70 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound51),
      false,
    ],
    [
      'dev-round52',
      'Compliance dev-round52 split (the brief of round 43 by a third writer: 70 promotions and 130 lawful replies naming prices, rules, gifts, stock and the pay offered to recruits in twenty-one trades; written by someone who read neither the checker nor the other splits; scored to measure rounds 49-51 and 53, never read or tuned on)',
      () => readSplit(SPLITS.devRound52),
      false,
    ],
    [
      'dev-round53',
      'Compliance dev-round53 split (the brief of round 40 by another writer: 120 banned offers in thirty-seven trades, half in slang; 80 refusals, news stories, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound53),
      false,
    ],
    [
      'dev-round54',
      'Compliance dev-round54 split (100 promotions as a busy account mixes them into one reply: in long service replies, with a second reason, typed past filters, as short pushes; 100 warnings quoting promotions, ended or void offers, price answers, long service replies and lookalikes, a tenth in Traditional script; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound54),
      false,
    ],
    [
      'dev-round55',
      'Compliance dev-round55 split (the brief of round 54 by another writer: 100 promotions in long replies, with a second reason, disguised or short, and 100 warnings, ended offers, price answers, long service replies and lookalikes; written by someone who read neither the checker nor the other splits; scored to measure rounds 54, 56 and 58, never read or tuned on)',
      () => readSplit(SPLITS.devRound55),
      false,
    ],
    [
      'dev-round56',
      'Compliance dev-round56 split (120 banned offers in thirty-nine trades carried in ordinary-looking replies: long, disguised, with a second reason, short; 80 refusals, news stories, licensed rules, long service replies and lookalikes, a tenth in Traditional script; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound56),
      false,
    ],
    [
      'dev-round57',
      'Compliance dev-round57 split (the brief of round 56 by another writer: 120 banned offers in forty trades, long, disguised, with a second reason or short; 80 refusals, news stories, licensed rules, long service replies and lookalikes; written by someone who read neither the checker nor the other splits; scored to measure rounds 54, 56 and 58, never read or tuned on)',
      () => readSplit(SPLITS.devRound57),
      false,
    ],
    [
      'dev-round58',
      'Compliance dev-round58 split (100 promotions by shops in Taiwan, Hong Kong, Macau and overseas in their own wording, all in Traditional script: formats, told without list words, as sales tails; 100 price answers, rules, service and lookalike replies; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound58),
      false,
    ],
    [
      'dev-round59',
      'Compliance dev-round59 split (the brief of round 58 by another writer: 100 promotions and 100 lawful replies by shops in Taiwan, Hong Kong, Macau and overseas, all in Traditional script; written by someone who read neither the checker nor the other splits; scored to measure rounds 54, 56 and 58, never read or tuned on)',
      () => readSplit(SPLITS.devRound59),
      false,
    ],
    [
      'dev-round60',
      'Compliance dev-round60 split (120 banned offers in thirty-seven trades built around the wording police notices, judgments and tax, customs and market-regulation notices quote: ads, chat lines of a deal, the same typed past filters; 80 notices quoting such wording to warn, refusals, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound60),
      false,
    ],
    [
      'dev-round61',
      'Compliance dev-round61 split (the brief of round 60 by another writer: 120 banned offers in forty-eight trades in the wording enforcement records quote, 80 notices, refusals, licensed rules and lookalikes; written by someone who read neither the checker nor the other splits; scored to measure rounds 60 and 62, never read or tuned on)',
      () => readSplit(SPLITS.devRound61),
      false,
    ],
    [
      'dev-round62',
      'Compliance dev-round62 split (100 promotions in the layouts service accounts send: 【】 headers, numbered lists, bullets, greetings that turn into a sale, answers followed by the current deals; 100 formatted service replies, notices, answers and lookalikes; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound62),
      false,
    ],
    [
      'dev-round63',
      'Compliance dev-round63 split (the brief of round 62 by another writer: 100 promotions and 100 lawful replies in formatted layouts; written by someone who read neither the checker nor the other splits; scored to measure rounds 60 and 62, never read or tuned on)',
      () => readSplit(SPLITS.devRound63),
      false,
    ],
    [
      'dev-round64',
      'Compliance dev-round64 split (120 banned offers hidden in the talk of the six trades a service account serves: medical, e-commerce, education, catering, beauty, maternal-baby; 80 lawful replies of the same trades, refusals and warnings; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound64),
      false,
    ],
    [
      'dev-round65',
      'Compliance dev-round65 split (the brief of round 64 by another writer: 120 banned offers inside the six trades, 80 lawful replies, refusals and warnings; written by someone who read neither the checker nor the other splits; scored to measure rounds 64 and 66, never read or tuned on)',
      () => readSplit(SPLITS.devRound65),
      false,
    ],
    [
      'dev-round66',
      'Compliance dev-round66 split (60 promotions buried in long service replies, upsells and reminders that urge a purchase; 140 lawful replies stating prices on request, coupon rules, ended campaigns, bills and service numbers; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound66),
      false,
    ],
    [
      'dev-round67',
      'Compliance dev-round67 split (the brief of round 66 by another writer: 60 promotions and 140 lawful replies about prices, coupons, bills and service numbers; written by someone who read neither the checker nor the other splits; scored to measure rounds 64 and 66, never read or tuned on)',
      () => readSplit(SPLITS.devRound67),
      false,
    ],
    [
      'dev-round68',
      'Compliance dev-round68 split (120 banned offers in the trades where the same shops sell lawful goods: wildlife and protected plants, prescription and controlled medicines, covert surveillance, pyramid schemes and illegal fund-raising, paid fake reviews, surrogacy, egg trade and sex selection; 80 lawful replies of the same trades, refusals and warnings; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound68),
      false,
    ],
    [
      'dev-round69',
      'Compliance dev-round69 split (the brief of round 68 by another writer: 120 banned offers in wildlife, medicines, surveillance, pyramid schemes, fake reviews and reproduction, 80 lawful replies, refusals and warnings; written by someone who read neither the checker nor the other splits; scored to measure rounds 68 and 70, never read or tuned on)',
      () => readSplit(SPLITS.devRound69),
      false,
    ],
    [
      'dev-round70',
      'Compliance dev-round70 split (120 banned offers built from the terms public sensitive-word dictionaries file under gambling, drugs, weapons and explosives, fake documents, invoices, pornography and fraud; 80 ordinary replies using the same terms in their lawful sense, warnings and refusals; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound70),
      false,
    ],
    [
      'dev-round71',
      'Compliance dev-round71 split (the brief of round 70 by another writer: 120 banned offers from the categories of sensitive-word dictionaries, 80 lawful look-alikes, warnings and refusals; written by someone who read neither the checker nor the other splits; scored to measure rounds 68 and 70, never read or tuned on)',
      () => readSplit(SPLITS.devRound71),
      false,
    ],
    [
      'dev-round72',
      'Compliance dev-round72 split (120 banned offers typed as sellers type them: short, elliptical, in trade slang, the offer carried by the details of the deal (a rate, a turnaround, how the parcel is disguised), across invoices, forged documents, weapons, explosives, drugs, gambling, sex services and fraud; 80 lawful look-alikes using the same slang, warnings and refusals; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound72),
      false,
    ],
    [
      'dev-round73',
      'Compliance dev-round73 split (the brief of round 72 by another writer: 120 short slang offers in eight banned categories, 80 lawful look-alikes, warnings and refusals; written by someone who read neither the checker nor the other splits; scored to measure rounds 72 and 74, never read or tuned on)',
      () => readSplit(SPLITS.devRound73),
      false,
    ],
    [
      'dev-round74',
      'Compliance dev-round74 split (120 banned offers in the wording of enforcement records: health food spiked with drugs, unlicensed clinics and beauty procedures, drugs and cosmetics without registration, prescription drugs without prescription (from market-regulation and drug-administration cases), fake invoices, seals, replica guns, gambling, order-brushing, drugs in disguise and smuggling (from police, tax and customs notices); 80 licensed businesses, retold notices and refusals; written by someone who read neither the checker nor the other splits; measured as written, then taught to the classifier)',
      () => readSplit(SPLITS.devRound74),
      false,
    ],
    [
      'dev-round75',
      'Compliance dev-round75 split (the brief of round 74 by another writer: 120 banned offers from health and drug enforcement cases and police, tax and customs notices, 80 licensed businesses, retold notices and refusals; written by someone who read neither the checker nor the other splits; scored to measure rounds 72 and 74, never read or tuned on)',
      () => readSplit(SPLITS.devRound75),
      false,
    ],
    [
      'dev-round76',
      'Compliance dev-round76 split (80 promotions in the formats the promotion rules and platforms document, pushes and sales added to other replies; 120 replies using the same words without a push: prices asked for, rules explained, campaigns over, rewards for sharing, the payment terms of banned offers, service numbers; written by someone who read neither the checker nor the other splits; measured as written; the fixes its misses suggested were tried and not kept)',
      () => readSplit(SPLITS.devRound76),
      false,
    ],
    [
      'dev-round77',
      'Compliance dev-round77 split (the brief of round 76 by another writer: 80 promotions in documented formats and 120 replies using the same words without a push; written by someone who read neither the checker nor the other splits; never read or tuned on)',
      () => readSplit(SPLITS.devRound77),
      false,
    ],
    ['corpus', 'Pack corpus (written while tuning: a regression guard)', () => readCorpus(), true],
  ];
  for (const [key, title, read, withPacks] of runs) {
    if (only !== undefined && only !== key) continue;
    print(title, await evaluateCorpus(read()), withPacks);
  }
  // Keyword groups: the frozen test split is the headline, the dev split is for tuning.
  const keywordRuns: Array<[string, string, string]> = [
    ['keywords', 'Keyword groups, test split (frozen, never tuned on)', KEYWORD_SPLITS.test],
    [
      'keywords-test2',
      "Keyword groups, test2 split (frozen, never tuned on; written after the first test split's misses were read)",
      KEYWORD_SPLITS.test2,
    ],
    ['keywords-dev', 'Keyword groups, dev split (for tuning)', KEYWORD_SPLITS.dev],
    ['keywords-dev2', 'Keyword groups, dev2 split (independently written, for tuning)', KEYWORD_SPLITS.dev2],
    [
      'keywords-dev3',
      'Keyword groups, dev3 split (independently written, near-miss heavy, for tuning)',
      KEYWORD_SPLITS.dev3,
    ],
    [
      'keywords-dev4',
      'Keyword groups, dev4 split (written without reading the groups or any split, for tuning)',
      KEYWORD_SPLITS.dev4,
    ],
    [
      'keywords-dev5',
      'Keyword groups, dev5 split (written without reading the groups or any split, near-miss heavy, for tuning)',
      KEYWORD_SPLITS.dev5,
    ],
    [
      'keywords-dev6',
      'Keyword groups, dev6 split (written without reading the groups or any split, near-miss heavy, for tuning)',
      KEYWORD_SPLITS.dev6,
    ],
    [
      'keywords-dev7',
      'Keyword groups, dev7 split (written without reading the groups or any split, near-miss heavy, Cantonese and Traditional script, for tuning)',
      KEYWORD_SPLITS.dev7,
    ],
  ];
  for (const [key, title, file] of keywordRuns) {
    if (
      only !== undefined &&
      only !== key &&
      !(only === 'keywords' && (key === 'keywords-dev' || key === 'keywords-test2'))
    )
      continue;
    printKeywordReport(title, await evaluateKeywordGroups(readKeywordSplit(file)));
  }
}
