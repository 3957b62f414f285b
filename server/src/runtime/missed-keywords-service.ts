/**
 * GET /insights/missed-keywords: the texts of a period that matched no keyword group, clustered
 * (core/insights/cluster-missed-texts.ts), each cluster with the draft keyword group it most
 * likely belongs to. Bounded: at most MISSED_SCAN_LIMIT texts are read, the most recent first,
 * by one indexed read; the answer says how many and whether older ones were left out.
 */
import type { KeywordGroup, MissedKeywords } from '../../../rules-schema/index.js';
import { clusterMissedTexts } from '../core/insights/cluster-missed-texts.js';
import { groupVocabularies, suggestGroup } from '../core/insights/suggest-group.js';
import type { SynonymIndex } from '../core/suggestions/build-synonym-index.js';
import { cutWords } from '../core/text/word-boundaries.js';
import type { Store } from '../store/open-store.js';
import { runInSlices } from './run-in-slices.js';

/**
 * Most texts read per request. Measured on the 2-core dev machine (embedded store, 40,000 stored
 * messages): reading 20,000 takes about 0.7 s (one synchronous SQLite query), clustering them
 * 0.6–0.9 s more (normalizing, jieba, the word index), run in slices that leave the event loop free.
 */
export const MISSED_SCAN_LIMIT = 20_000;
const EXAMPLES_PER_CLUSTER = 5;

export interface MissedKeywordsRequest {
  account: string;
  from: number;
  to: number;
  /** Most clusters returned. */
  limit: number;
}

/**
 * @example await findMissedKeywords(store, KEYWORD_SYNONYMS, { account: 'default', from, to, limit: 20 })
 * // { scanned: 3, truncated: false, clusters: [{ label: '退钱', words: ['退钱', '钱'], count: 3, …, suggestedGroup: { id: 'refund', … } }] }
 */
export async function findMissedKeywords(
  store: Store,
  synonyms: SynonymIndex,
  req: MissedKeywordsRequest,
  scanLimit = MISSED_SCAN_LIMIT,
): Promise<MissedKeywords> {
  const range = { from: new Date(req.from), to: new Date(req.to) };
  // One more than the bound: whether the period holds more is known without counting them all.
  const [read, drafts] = await Promise.all([
    store.events.recentUnmatchedTexts(req.account, range, scanLimit + 1),
    store.documents.list(req.account, 'keyword-group'),
  ]);
  const texts = read.slice(0, scanLimit);
  const { clusters, unclustered } = await runInSlices(
    clusterMissedTexts(texts, cutWords, { limit: req.limit, examples: EXAMPLES_PER_CLUSTER }),
  );
  // Drafts are validated on every save: each stored document is a keyword group.
  const groups = groupVocabularies(
    drafts.map((d) => d.doc as KeywordGroup),
    synonyms,
  );
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    scanned: texts.length,
    truncated: read.length > scanLimit,
    maxScanned: scanLimit,
    unclustered,
    clusters: clusters.map((c) => ({
      ...c,
      words: c.words.map((w) => w.word),
      suggestedGroup: suggestGroup(c.words, groups),
    })),
  };
}
