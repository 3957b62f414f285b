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
/** Per code: the recall floor and the false-positive ceiling. */
type Floors = Record<string, { recall: number; fpr: number }>;

const recorded = (file: string): string => readFileSync(file, 'utf8').trim().split(/\s+/)[0] ?? '';

/** Measured on the holdout (recall / FPR) after the last tuning round, floored to leave no room to regress. */
const FLOORS: Floors = {
  ABSOLUTE_TERM: { recall: 0.96, fpr: 0.02 },
  // The classifier's review of lexicon hits (review-by-classifier.ts) took back one offer here: 98 -> 97/107, false positives 8 -> 5/789.
  // Its reviewers (trained on the replies the rules flag) and the lawful-talk rounds 24, 26, 28 teaching BANNED_TERM: 99/107, 3/789.
  // Round 30 teaching BANNED_TERM (lawful replies with fifty news stories) and report cues (破获, 新闻 …): measured once
  // afterwards 96/107, 4/789, kept for the unseen rounds' lawful replies (dev-round31 33 -> 14/150, dev-round29 16 -> 9/150 blocked).
  // Round 38 teaching BANNED_TERM, with constructions for accounts bought or rented and knives sold: measured once afterwards 99/107, 3/789.
  // Rounds 40, 44 and 46 teaching BANNED_TERM, its classifier's bar at 0.8 and its reviewer's up to 0.5, measured once afterwards: 102/107, 3/789.
  // Rounds 49-51 taught (51 to BANNED_TERM), measured once afterwards: 100/107, 4/789 (unseen dev-round21 77 -> 83/110,
  // dev-round37 109 -> 111/120, dev-round41 106 -> 108/120; dev-round47 91 -> 90/120); not traced, the holdout is not read.
  // Round 53 teaching BANNED_TERM, measured once afterwards: 101/107, 3/789.
  // Rounds 54-59 (56 teaching BANNED_TERM) and a deposit no longer a promotion, measured once afterwards: 101/107, 2/789.
  // Round 60 teaching BANNED_TERM and its trade names (安非拉酮, 作弊神器, 辐射陆龟 …), measured once afterwards: 101/107, 1/789
  // (unseen dev-round61 105 -> 110/120, dev-round41 109 -> 114/120, dev-round21 81 -> 85/110).
  // Round 64 teaching BANNED_TERM with its trade names and cues (溶脂针…没批号, 冻品…没走海关, 回收油 …), measured once
  // afterwards: 101/107, 2/789 (unseen dev-round65 93 -> 106/120, 0 -> 1/80).
  // Rounds 68, 70, 72 and 74 teaching BANNED_TERM with their trades' names and cues (原始股, 征信修复, 藏在…摄像头,
  // 兑了点西药, 没挂牌…点痣 …), measured once afterwards: 103/107, 3/789 (the target; unseen dev-round69 97 -> 108/120,
  // dev-round71 115 -> 117/120, dev-round73 103 -> 110/120, dev-round75 86 -> 98/120).
  BANNED_TERM: { recall: 0.96, fpr: 0.004 },
  EXTERNAL_LINK: { recall: 0.96, fpr: 0 },
  // With the reply classifier (check-by-classifier.ts) as second reader of these three and BANNED_TERM.
  INDUCED_SHARING: { recall: 0.98, fpr: 0.008 },
  MARKETPLACE_CODE: { recall: 0.98, fpr: 0.002 },
  // The classifier retrained with the banned and promotion rounds: its vocabulary grew, and one efficacy
  // claim scored 0.501 before, 0.492 after (106 -> 105/111); kept for dev-round21's 55 -> 69/110 banned offers.
  // Round 34 teaching MEDICAL_CLAIM, outcome words and pet diseases, refusal and warning cues: 107/111, 2/785.
  MEDICAL_CLAIM: { recall: 0.96, fpr: 0.004 },
  // Round 14 (promotion formats from dev-round15, kept as decided on the dev sets) cost one false positive here: 18 -> 19/785;
  // the classifier reading PROMOTION found 99 -> 103/111 and cost one more, 20/785 (dev-round23: 80 -> 88/100, 2/140 before and after).
  // …and the classifier's review of the promotion lexicon's hits: 103 -> 102/111, false positives 20 -> 12/785.
  // The PROMOTION reviewer in its place: 103/111, 16/785 (three of the four more are sharing rewards or a banned offer's deposit terms).
  // After rounds 30 and 34 (no promotion round): 104/111, 17/785.
  // Gifts without 买 (两瓶送一瓶), 下单送, stock-out deadlines and scarcity as a call (还剩6个名额), from the tuning rounds' misses
  // (dev-round15 116 -> 119/120, no dev split gained a false positive; dev-round25 70 -> 72/110, dev-round33 62 -> 64/100 unseen): 104/111, 18/785.
  // Round 36 teaching PROMOTION (promotions told without list words), measured once afterwards: 104/111, 16/785.
  // Rounds 42, 43 and 45 teaching PROMOTION, measured once afterwards: 103/111, 16/785 (unseen dev-round39 73 -> 85/100,
  // dev-round48 55 -> 61/70 with 6 -> 4/130, dev-round33 76 -> 81/100; dev-round23 96 -> 93/100).
  // Rounds 49 and 50 teaching PROMOTION and time running out as a call (还剩三天), measured once afterwards: 104/111, 15/785.
  // Rounds 54 and 58 teaching PROMOTION, offers that ask for the order no longer read as rules explained, a deposit
  // and the balance due (定金, 尾款) no longer promotions, measured once afterwards: 106/111, 15/785 (the target).
  // List items read apart from each other's after-sales words (①…②…), measured once afterwards: unchanged.
  // Rounds 68-75 (banned offers only) and their rules, measured once afterwards: unchanged.
  PROMOTION: { recall: 0.95, fpr: 0.02 },
};

/** The product target (issue 14), held on the frozen test split: recall ≥ 0.95 and FPR ≤ 0.02 for every code. */
const TEST_SPLIT_TARGET: Floors = Object.fromEntries(
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
 * The tuning splits (never a headline) at their figures after their tuning rounds, or, for a split
 * never tuned on, as measured: a later change that undoes a construction or a scope shows here.
 */
const DEV_SPLIT_FLOORS: ReadonlyArray<[string, string, Floors]> = [
  // after its tuning round (issue 14, round 4)
  [
    'dev-round4',
    SPLITS.devRound4,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.003 },
      // Rounds 68-74 taught: the classifier reads one spaced-out link (网址：abc123。top) as an offer, 0 -> 1/461
      BANNED_TERM: { recall: 0.97, fpr: 0.003 },
      EXTERNAL_LINK: { recall: 0.98, fpr: 0 },
      INDUCED_SHARING: { recall: 1, fpr: 0.005 },
      MARKETPLACE_CODE: { recall: 1, fpr: 0 },
      MEDICAL_CLAIM: { recall: 0.95, fpr: 0 },
      PROMOTION: { recall: 0.95, fpr: 0.011 },
    },
  ],
  // no medical lines; after its tuning round (issue 14, round 5)
  [
    'dev-round5a',
    SPLITS.devRound5a,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0 },
      BANNED_TERM: { recall: 0.98, fpr: 0.004 },
      EXTERNAL_LINK: { recall: 1, fpr: 0 },
      INDUCED_SHARING: { recall: 1, fpr: 0.005 },
      MARKETPLACE_CODE: { recall: 1, fpr: 0 },
      PROMOTION: { recall: 0.9, fpr: 0.012 },
    },
  ],
  // banned offers, efficacy claims, notices quoting them; after its tuning round (round 6)
  [
    'dev-round6',
    SPLITS.devRound6,
    {
      BANNED_TERM: { recall: 0.97, fpr: 0 },
      MEDICAL_CLAIM: { recall: 1, fpr: 0 },
    },
  ],
  // efficacy claims, promotions, induced sharing, share codes; after its tuning round (round 7)
  [
    'dev-round7',
    SPLITS.devRound7,
    {
      INDUCED_SHARING: { recall: 0.97, fpr: 0 },
      MARKETPLACE_CODE: { recall: 1, fpr: 0 },
      MEDICAL_CLAIM: { recall: 0.93, fpr: 0 },
      PROMOTION: { recall: 0.94, fpr: 0.016 },
    },
  ],
  // service talk about promotions, promotions, induced sharing, share codes; after its tuning round (round 8)
  [
    'dev-round8',
    SPLITS.devRound8,
    {
      INDUCED_SHARING: { recall: 0.97, fpr: 0.006 },
      MARKETPLACE_CODE: { recall: 0.87, fpr: 0.005 },
      PROMOTION: { recall: 0.81, fpr: 0.033 },
    },
  ],
  // service talk of shops, restaurants, schools and salons naming prices; after its tuning round (round 9)
  [
    'dev-round9',
    SPLITS.devRound9,
    {
      PROMOTION: { recall: 0.91, fpr: 0.07 },
    },
  ],
  // banned offers over twelve categories, lawful mentions; after its tuning round (round 10)
  [
    'dev-round10',
    SPLITS.devRound10,
    {
      BANNED_TERM: { recall: 0.99, fpr: 0 },
    },
  ],
  // efficacy claims from enforcement cases, lawful health talk; after its tuning round (round 11)
  [
    'dev-round11',
    SPLITS.devRound11,
    {
      MEDICAL_CLAIM: { recall: 0.95, fpr: 0.012 },
    },
  ],
  // service talk of six industries; after its tuning round (round 12)
  [
    'dev-round12',
    SPLITS.devRound12,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0 },
      INDUCED_SHARING: { recall: 0.93, fpr: 0 },
      PROMOTION: { recall: 1, fpr: 0.011 },
    },
  ],
  // banned offers of thirteen trades, lawful mentions; after its tuning round (round 14)
  [
    'dev-round14',
    SPLITS.devRound14,
    {
      BANNED_TERM: { recall: 0.98, fpr: 0 },
    },
  ],
  // promotions in many formats, service talk naming prices; after its tuning round (round 14)
  [
    'dev-round15',
    SPLITS.devRound15,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0 },
      PROMOTION: { recall: 0.95, fpr: 0.008 },
    },
  ],
  // lawful mentions in regulated trades; after its tuning round (round 21)
  [
    'dev-round16',
    SPLITS.devRound16,
    {
      BANNED_TERM: { recall: 1, fpr: 0.005 },
      MEDICAL_CLAIM: { recall: 1, fpr: 0 },
    },
  ],
  // absolute terms in praise, the uses regulators allow; after its tuning round (round 14)
  [
    'dev-round17',
    SPLITS.devRound17,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.04 },
    },
  ],
  // banned offers of seventeen less common trades, lawful mentions; after its tuning round (round 18)
  [
    'dev-round18',
    SPLITS.devRound18,
    {
      BANNED_TERM: { recall: 0.93, fpr: 0 },
    },
  ],
  // promotions tucked into service answers, service talk naming prices; after its tuning round (round 20)
  [
    'dev-round19',
    SPLITS.devRound19,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0 },
      PROMOTION: { recall: 0.91, fpr: 0 },
    },
  ],
  // round 18's trades by another hand, as answers to customers; after its tuning round (round 20)
  [
    'dev-round20',
    SPLITS.devRound20,
    {
      BANNED_TERM: { recall: 0.88, fpr: 0 },
    },
  ],
  // round 18's trades as sellers write them; never tuned on: as measured after rounds 18-21 and the classifier retrained
  [
    'dev-round21',
    SPLITS.devRound21,
    {
      // 69 -> 68/110 and 6 -> 3/90 with the classifier's review of lexicon hits; back at 69/110, 2/90 later, and 68/110, 3/90 after round 30
      // Rounds 40-46 taught BANNED_TERM, its bar at 0.8: 71 -> 77/110, 2/90
      // Rounds 49-51: 77 -> 83/110
      // Round 53: 83 -> 82/110
      // Round 56 taught BANNED_TERM (with rounds 54 and 58 for PROMOTION): 82 -> 81/110
      BANNED_TERM: { recall: 0.73, fpr: 0.023 },
    },
  ],
  // honest accounts' everyday talk with the codes' vocabulary; never tuned on: as measured after rounds 18-21
  [
    'dev-round22',
    SPLITS.devRound22,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.022 },
      // The reviewers in place of the code's own model as reviewer: 0 -> 1/230 (证件办好后会短信通知, a licence office's notice).
      BANNED_TERM: { recall: 0.6, fpr: 0.005 },
      MEDICAL_CLAIM: { recall: 1, fpr: 0.005 },
      PROMOTION: { recall: 0.8, fpr: 0 },
    },
  ],
  // price talk of twenty industries, offers and not; never tuned on: as measured after rounds 18-21 and the classifier retrained
  [
    'dev-round23',
    SPLITS.devRound23,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.014 },
      // Round 36 teaching PROMOTION (promotions told without list words): 90 -> 96/100, 2/140.
      // Rounds 42, 43, 45 taught PROMOTION: 96 -> 93/100 (2/140), the one unseen round that lost
      // Rounds 49-51: 93 -> 95/100, 2 -> 1/140
      PROMOTION: { recall: 0.95, fpr: 0.015 },
    },
  ],
  // thirty banned trades in sellers' code words, lawful replies sharing their words; after its tuning round (round 24)
  [
    'dev-round24',
    SPLITS.devRound24,
    {
      BANNED_TERM: { recall: 0.8, fpr: 0.02 },
    },
  ],
  // promotions without the obvious words, price talk that promotes nothing; never tuned on: as measured with the
  // classifier's PROMOTION code (61 -> 70/110 with it, false positives 9/130 with and without)
  [
    'dev-round25',
    SPLITS.devRound25,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.013 },
      // 2 -> 3/239 false positives with round 30 teaching BANNED_TERM
      BANNED_TERM: { recall: 1, fpr: 0.013 },
      // Round 36 teaching PROMOTION, with this session's promotion words: 70 -> 89/110, 1/130.
      // Rounds 42, 43, 45 taught PROMOTION: 89 -> 93/110
      // Rounds 49-51: 93 -> 98/110, 1 -> 0/130
      PROMOTION: { recall: 0.89, fpr: 0.008 },
    },
  ],
  // promotions without list words, price talk; never tuned on: as measured with the promotion lexicon's review
  // (PROMOTION 60 -> 59/90, false positives 6 -> 1/110 with it)
  [
    'dev-round27',
    SPLITS.devRound27,
    {
      ABSOLUTE_TERM: { recall: 1, fpr: 0.011 },
      BANNED_TERM: { recall: 0.66, fpr: 0.011 },
      // The PROMOTION reviewer: 60/90, 2/110. Round 36 teaching PROMOTION: 69/90, 2/110.
      // Rounds 42, 43, 45 taught PROMOTION: 69 -> 71/90, 2 -> 0/110
      // Rounds 49-51: 71 -> 72/90
      PROMOTION: { recall: 0.8, fpr: 0.019 },
    },
  ],
  // lawful talk of banned trades' topics and offers; measured after round 24 (25/180 false positives), then its
  // distribution chose the classifier's review bar (10/180); since the reviewers, it teaches BANNED_TERM: 59/60, 0/180
  [
    'dev-round26',
    SPLITS.devRound26,
    {
      // Rounds 68-74 taught: 59 -> 58/60 (a 蓝色小药丸 offer the classifier read as an offer before, the lexicon's 不用处方 taken as a negation)
      BANNED_TERM: { recall: 0.96, fpr: 0 },
    },
  ],
  // lawful talk of banned trades by a fourteenth writer, measured unread (45/50, 29/150 false positives), then
  // taught BANNED_TERM with the reviewers: 49/50, 3/150
  [
    'dev-round28',
    SPLITS.devRound28,
    {
      // Round 53: 49 -> 48/50
      BANNED_TERM: { recall: 0.96, fpr: 0.02 },
    },
  ],
  // lawful talk of banned trades by a fifteenth writer, never read or tuned on: 46/50 with 33/150 false positives
  // before the reviewers, 46/50 with 16/150 after them, 47/50 with 9/150 after round 30, 46/50 with 9/150 after round 38
  // (as measured)
  [
    'dev-round29',
    SPLITS.devRound29,
    {
      // Rounds 40-46 with the reviewers' bar up to 0.5: 46 -> 47/50, 9 -> 6/150
      // Rounds 49-51: 47 -> 48/50, 6 -> 7/150
      // Round 53: 48 -> 47/50, 7 -> 6/150
      BANNED_TERM: { recall: 0.94, fpr: 0.04 },
    },
  ],
  // lawful talk of banned trades with fifty news stories, by a sixteenth writer: measured unread (40/50, 34/150 false
  // positives), then taught BANNED_TERM and read for report cues: 50/50, 3/150
  [
    'dev-round30',
    SPLITS.devRound30,
    {
      BANNED_TERM: { recall: 1, fpr: 0.02 },
    },
  ],
  // round 30's brief by a seventeenth writer, never read or tuned on: 42/50 with 33/150 false positives before round 30,
  // 42/50 with 14/150 after, 46/50 with 16/150 after round 38 (as measured)
  [
    'dev-round31',
    SPLITS.devRound31,
    {
      // Rounds 40-46 with the reviewers' bar up to 0.5: 46 -> 48/50, 16 -> 6/150
      // Rounds 49-51: 48 -> 49/50, 6 -> 7/150
      // Round 53: 49 -> 47/50, 7/150
      // Rounds 54-60: 48/50, 5/150; round 64: 46/50, 7/150; rounds 68-74: 49/50, 7/150
      BANNED_TERM: { recall: 0.92, fpr: 0.054 },
    },
  ],
  // promotions told indirectly or as a sales tail, never read or tuned on: 60/100 with 2/100 before rounds 30 and 34, 62/100 after,
  // 76/100 with 1/100 after round 36 taught PROMOTION
  [
    'dev-round33',
    SPLITS.devRound33,
    {
      // Rounds 42, 43, 45 taught PROMOTION: 76 -> 81/100
      // Rounds 49-51: 81 -> 84/100
      PROMOTION: { recall: 0.84, fpr: 0.01 },
    },
  ],
  // efficacy told as outcomes, rates and times, and the warnings that quote it: measured unread (90/100, 12/100), then tuned on: 99/100, 3/100
  [
    'dev-round34',
    SPLITS.devRound34,
    {
      MEDICAL_CLAIM: { recall: 0.99, fpr: 0.03 },
    },
  ],
  // round 34's brief by another writer, never read or tuned on: 89/100 with 9/100 false positives before round 34, 94/100 with 8/100 after
  [
    'dev-round35',
    SPLITS.devRound35,
    {
      MEDICAL_CLAIM: { recall: 0.94, fpr: 0.08 },
    },
  ],
  // promotions told without list words, by another writer: measured unread (59/100, 3/100), then tuned on and taught PROMOTION: 98/100, 0/100
  [
    'dev-round36',
    SPLITS.devRound36,
    {
      PROMOTION: { recall: 0.98, fpr: 0 },
    },
  ],
  // banned offers in forty trades, half in slang, by another writer: measured unread (84/120, 4/80), then taught BANNED_TERM
  // and read for constructions (accounts bought or rented, knives sold, blood sent for a sex test): 119/120, 0/80
  [
    'dev-round38',
    SPLITS.devRound38,
    {
      BANNED_TERM: { recall: 0.99, fpr: 0 },
    },
  ],
  // round 38's brief by another writer, never read or tuned on: 90/120 with 2/80 as written, 104/120 with 2/80 after round 38
  [
    'dev-round37',
    SPLITS.devRound37,
    {
      // Rounds 40-46 taught BANNED_TERM: 104 -> 109/120, 2 -> 1/80
      // Rounds 49-51: 109 -> 111/120, 1 -> 0/80
      BANNED_TERM: { recall: 0.92, fpr: 0.013 },
    },
  ],
  // round 36's brief by another writer, never read or tuned on: 52/100 with 6/100 as written, 73/100 with 5/100 after round 36
  [
    'dev-round39',
    SPLITS.devRound39,
    {
      // Rounds 42, 43, 45 taught PROMOTION: 73 -> 85/100, 5 -> 2/100
      // Rounds 49-51 and 还剩三天 as a call: 85 -> 92/100, 2 -> 1/100
      // Rounds 54-60 taught, list items and offers that ask for the order read apart from after-sales words: 92/100, 1 -> 2/100
      PROMOTION: { recall: 0.92, fpr: 0.02 },
    },
  ],
  // banned offers in thirty-four trades spread evenly, by a writer commissioned after rounds 36-39, never read or tuned on:
  // 94/120 with 6/80 before them, 96/120 with 5/80 after (as measured)
  [
    'dev-round41',
    SPLITS.devRound41,
    {
      // Rounds 40-46 taught to the classifier, its bar at 0.8 (was 0.9): 96 -> 106/120, 5 -> 2/80
      // Rounds 49-51: 106 -> 108/120
      BANNED_TERM: { recall: 0.9, fpr: 0.025 },
    },
  ],
  // banned offers in forty-one trades, half in slang: measured unread (105/120, 4/80), then taught to the classifier
  [
    'dev-round40',
    SPLITS.devRound40,
    {
      BANNED_TERM: { recall: 0.97, fpr: 0 },
    },
  ],
  // promotions without list words: measured unread (73/100, 6/100), then taught to the classifier
  [
    'dev-round42',
    SPLITS.devRound42,
    {
      PROMOTION: { recall: 0.96, fpr: 0 },
    },
  ],
  // promotions among 130 lawful replies naming prices and rules: measured unread (55/70, 8/130), then taught to the classifier
  [
    'dev-round43',
    SPLITS.devRound43,
    {
      PROMOTION: { recall: 0.92, fpr: 0 },
    },
  ],
  // banned offers typed to slip past filters: measured unread (110/130, 4/70), then taught to the classifier
  [
    'dev-round44',
    SPLITS.devRound44,
    {
      // Round 56 taught: 130 -> 129/130
      BANNED_TERM: { recall: 0.99, fpr: 0 },
    },
  ],
  // small merchants' promotions in regional wording: measured unread (74/110, 5/90), then taught to the classifier
  [
    'dev-round45',
    SPLITS.devRound45,
    {
      PROMOTION: { recall: 0.94, fpr: 0 },
    },
  ],
  // banned offers implied in answers: measured unread (84/120, 4/80), then taught to the classifier
  [
    'dev-round46',
    SPLITS.devRound46,
    {
      BANNED_TERM: { recall: 0.98, fpr: 0 },
    },
  ],
  // round 46's brief by another writer, never read or tuned on: 73/120 with 2/80 as written, 91/120 with 1/80 after rounds 40-46
  [
    'dev-round47',
    SPLITS.devRound47,
    {
      // Rounds 49-51: 91 -> 90/120, 1 -> 2/80
      // Round 53: 90 -> 97/120, 2 -> 1/80
      BANNED_TERM: { recall: 0.8, fpr: 0.013 },
    },
  ],
  // round 43's brief by another writer, never read or tuned on: 55/70 with 6/130 as written, 61/70 with 4/130 after rounds 40-46
  [
    'dev-round48',
    SPLITS.devRound48,
    {
      // Rounds 49-51: 61 -> 62/70, 4 -> 3/130
      // Rounds 54 and 58 taught, a deposit no promotion, offers that ask for the order: 62 -> 61/70, 3 -> 5/130
      PROMOTION: { recall: 0.87, fpr: 0.039 },
    },
  ],
  // the brief of round 45 by another writer: measured unread (85/110, 2/90), then taught to the classifier
  [
    'dev-round49',
    SPLITS.devRound49,
    {
      PROMOTION: { recall: 0.95, fpr: 0 },
    },
  ],
  // the brief of round 42 by another writer: measured unread (75/100, 0/100), then taught to the classifier
  [
    'dev-round50',
    SPLITS.devRound50,
    {
      PROMOTION: { recall: 0.94, fpr: 0 },
    },
  ],
  // the brief of round 44 by another writer: measured unread (114/130, 2/70), then taught to the classifier
  [
    'dev-round51',
    SPLITS.devRound51,
    {
      // Round 56 taught: 129 -> 124/130 (the classifier reads five of its taught offers below the bar)
      BANNED_TERM: { recall: 0.95, fpr: 0 },
    },
  ],
  // the brief of round 43 by a third writer, never read or tuned on: 58/70 with 1/130 as written (after rounds 49-51) and after round 53
  [
    'dev-round52',
    SPLITS.devRound52,
    {
      PROMOTION: { recall: 0.82, fpr: 0.008 },
    },
  ],
  // the brief of round 40 by another writer: measured unread (111/120, 3/80), then taught to the classifier
  [
    'dev-round53',
    SPLITS.devRound53,
    {
      // Round 56 taught: 119 -> 118/120
      BANNED_TERM: { recall: 0.98, fpr: 0.013 },
    },
  ],
  // promotions mixed into service replies, with a second reason, disguised or short: measured unread (96/100, 1/100), then taught to the classifier
  [
    'dev-round54',
    SPLITS.devRound54,
    {
      PROMOTION: { recall: 0.99, fpr: 0 },
    },
  ],
  // the brief of round 54 by another writer, never read or tuned on: 94/100 with 5/100 as written, 96/100 with 4/100 after rounds 54, 56 and 58
  [
    'dev-round55',
    SPLITS.devRound55,
    {
      PROMOTION: { recall: 0.96, fpr: 0.04 },
    },
  ],
  // banned offers carried in ordinary-looking replies: measured unread (108/120, 0/80), then taught to the classifier
  [
    'dev-round56',
    SPLITS.devRound56,
    {
      BANNED_TERM: { recall: 0.99, fpr: 0 },
    },
  ],
  // the brief of round 56 by another writer, never read or tuned on: 116/120 with 5/80 as written, 118/120 with 5/80 after rounds 54, 56 and 58
  [
    'dev-round57',
    SPLITS.devRound57,
    {
      // Rounds 68-74 taught: 118 -> 120/120, 5 -> 6/80
      BANNED_TERM: { recall: 0.98, fpr: 0.075 },
    },
  ],
  // promotions by shops in Taiwan, Hong Kong and Macau, all in Traditional script: measured unread (76/100, 3/100), then taught to the classifier
  [
    'dev-round58',
    SPLITS.devRound58,
    {
      PROMOTION: { recall: 0.99, fpr: 0 },
    },
  ],
  // the brief of round 58 by another writer, never read or tuned on: 79/100 with 4/100 as written, 85/100 with 3/100 after rounds 54, 56 and 58
  [
    'dev-round59',
    SPLITS.devRound59,
    {
      PROMOTION: { recall: 0.85, fpr: 0.03 },
    },
  ],
  // banned offers in the wording enforcement records quote: measured unread (100/120, 3/80), then taught to the classifier
  [
    'dev-round60',
    SPLITS.devRound60,
    {
      // Round 64 taught: 120 -> 119/120
      BANNED_TERM: { recall: 0.99, fpr: 0 },
    },
  ],
  // the brief of round 60 by another writer, never read or tuned on: 105/120 with 1/80 as written, 110/120 with 0/80 after round 60
  [
    'dev-round61',
    SPLITS.devRound61,
    {
      BANNED_TERM: { recall: 0.91, fpr: 0 },
    },
  ],
  // promotions laid out as lists and notices: measured unread (98/100, 1/100); taught to PROMOTION it raised the trainer's
  // threshold (0.725 -> 0.75) and cost BANNED_TERM's unseen rounds offers (dev-round41 114 -> 105/120), so it measures instead
  [
    'dev-round62',
    SPLITS.devRound62,
    {
      // Rounds 68-74 taught (banned offers only; their lawful lines also teach BANNED_TERM, not PROMOTION): 100 -> 99/100
      PROMOTION: { recall: 0.99, fpr: 0 },
    },
  ],
  // the brief of round 62 by another writer, never read or tuned on: 95/100 with 0/100 as written, 95/100 with 1/100 after round 60
  [
    'dev-round63',
    SPLITS.devRound63,
    {
      // Round 64 taught (its lawful lines teach BANNED_TERM only): 95 -> 94/100
      PROMOTION: { recall: 0.94, fpr: 0.01 },
    },
  ],
  // banned offers inside the six trades' lawful talk: measured unread (86/120, 0/80), then taught to the classifier
  [
    'dev-round64',
    SPLITS.devRound64,
    {
      // Rounds 68-74 taught: 119 -> 117/120 (two offers whose 不用处方/没处方也行 the lexicon takes as a negation, now read below the classifier's bar)
      BANNED_TERM: { recall: 0.97, fpr: 0.013 },
    },
  ],
  // the brief of round 64 by another writer, never read or tuned on: 93/120 with 0/80 as written, 106/120 with 1/80 after round 64
  [
    'dev-round65',
    SPLITS.devRound65,
    {
      BANNED_TERM: { recall: 0.88, fpr: 0.013 },
    },
  ],
  // promotions buried among lawful price and bill talk: measured unread (54/60, 5/140); taught to PROMOTION it raised the
  // trainer's threshold (0.725 -> 0.775) and cost the unseen rounds promotions (dev-round33 90 -> 86/100), so it measures instead: 58/60, 4/140
  [
    'dev-round66',
    SPLITS.devRound66,
    {
      PROMOTION: { recall: 0.96, fpr: 0.029 },
    },
  ],
  // the brief of round 66 by another writer, never read or tuned on: 53/60 with 7/140 as written and after round 64
  [
    'dev-round67',
    SPLITS.devRound67,
    {
      PROMOTION: { recall: 0.88, fpr: 0.05 },
    },
  ],
  // banned offers in the trades whose shops also sell lawfully (wildlife, medicines, covert surveillance, pyramid schemes, paid reviews, reproduction): measured unread (79/120, 2/80), then taught to the classifier
  [
    'dev-round68',
    SPLITS.devRound68,
    {
      BANNED_TERM: { recall: 1.0, fpr: 0 },
    },
  ],
  // the brief of round 68 by another writer, never read or tuned on: 97/120 with 1/80 as written, 104/120 with 0/80 after rounds 68 and 70, 108/120 with 0/80 after 72 and 74
  [
    'dev-round69',
    SPLITS.devRound69,
    {
      BANNED_TERM: { recall: 0.9, fpr: 0.025 },
    },
  ],
  // banned offers built from sensitive-word dictionaries' terms: measured unread (113/120, 6/80), then taught to the classifier
  [
    'dev-round70',
    SPLITS.devRound70,
    {
      BANNED_TERM: { recall: 1.0, fpr: 0 },
    },
  ],
  // the brief of round 70 by another writer, never read or tuned on: 115/120 with 4/80 as written, 117/120 with 3/80 after rounds 68-74
  [
    'dev-round71',
    SPLITS.devRound71,
    {
      BANNED_TERM: { recall: 0.97, fpr: 0.038 },
    },
  ],
  // short slang deals in eight banned categories: measured unread (102/120, 5/80), then taught to the classifier
  [
    'dev-round72',
    SPLITS.devRound72,
    {
      BANNED_TERM: { recall: 1.0, fpr: 0.013 },
    },
  ],
  // the brief of round 72 by another writer, never read or tuned on: 103/120 with 4/80 as written, 110/120 with 3/80 after rounds 68-74
  [
    'dev-round73',
    SPLITS.devRound73,
    {
      BANNED_TERM: { recall: 0.91, fpr: 0.05 },
    },
  ],
  // banned offers in health, drug, police and customs enforcement records' wording: measured unread (85/120, 1/80), then taught to the classifier
  [
    'dev-round74',
    SPLITS.devRound74,
    {
      BANNED_TERM: { recall: 1.0, fpr: 0.013 },
    },
  ],
  // the brief of round 74 by another writer, never read or tuned on: 86/120 with 0/80 as written, 98/120 with 0/80 after rounds 68-74
  [
    'dev-round75',
    SPLITS.devRound75,
    {
      BANNED_TERM: { recall: 0.81, fpr: 0 },
    },
  ],
  // promotions in the documented formats among replies that use the same words without a push: measured unread (76/80,
  // 7/120: three banned offers' 包邮, two sharing rewards, 会员日 told as a date, 无门槛券 explained). The fixes its misses
  // suggested (买一副送一副, 早报早省, 的意思是, a sharing reward's prize as no promotion) were tried: the last cost eleven
  // promotions other writers label both ways, the rest one promotion and three unseen rounds' false positives, so none is kept
  [
    'dev-round76',
    SPLITS.devRound76,
    {
      BANNED_TERM: { recall: 1, fpr: 0 },
      INDUCED_SHARING: { recall: 1, fpr: 0 },
      PROMOTION: { recall: 0.95, fpr: 0.059 },
    },
  ],
  // the brief of round 76 by another writer, never read or tuned on: 79/80 with 4/120 as written and after the opening-turn reading
  [
    'dev-round77',
    SPLITS.devRound77,
    {
      PROMOTION: { recall: 0.98, fpr: 0.034 },
    },
  ],
];

/** Each set's figures as floors: the holdout's are the headline, the tuning splits' guard their tuning. */
describe.each([
  ['the holdout', SPLITS.holdout, FLOORS],
  ['the test split', SPLITS.test, TEST_SPLIT_TARGET],
  ...DEV_SPLIT_FLOORS,
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
