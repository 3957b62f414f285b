/** Clustering of missed texts and the keyword group suggested for a cluster (core/insights). */
import { describe, expect, it } from 'vitest';
import type { KeywordGroup } from '../../rules-schema/index.js';
import { clusterMissedTexts, type MissedCluster } from '../../server/src/core/insights/cluster-missed-texts.js';
import { groupVocabularies, suggestGroup } from '../../server/src/core/insights/suggest-group.js';
import { runToEnd } from '../../server/src/core/steps.js';
import { cutWords } from '../../server/src/core/text/word-boundaries.js';
import { KEYWORD_SYNONYMS } from '../../server/src/runtime/keyword-synonyms.js';
import { buildSynonymIndex } from '../../server/src/core/suggestions/build-synonym-index.js';

const cluster = (texts: string[], limit = 20) => runToEnd(clusterMissedTexts(texts, cutWords, { limit, examples: 5 }));
const byLabel = (clusters: MissedCluster[], label: string) => clusters.find((c) => c.label === label);
const group = (id: string, name: string, keywords: string[], extra: Partial<KeywordGroup> = {}): KeywordGroup => ({
  schemaVersion: 1,
  id,
  name,
  keywords,
  ...extra,
});
const NO_SYNONYMS = buildSynonymIndex({ schemaVersion: 1, sets: [] });

describe('clusterMissedTexts', () => {
  it('puts 退钱, 钱退回来 and 退钱吗 in one cluster named 退钱 (钱退回来 holds both characters in one clause)', () => {
    const { clusters } = cluster(['退钱', '钱退回来', '退钱吗']);
    expect(clusters).toEqual([
      {
        label: '退钱',
        words: [
          { word: '退钱', share: 1 },
          { word: '钱', share: 1 },
        ],
        count: 3,
        examples: ['退钱', '钱退回来', '退钱吗'],
      },
    ]);
  });

  it('keeps unrelated questions apart, largest cluster first', () => {
    const { clusters, unclustered } = cluster([
      '能开发票吗',
      '退钱',
      '发票怎么开',
      '你们几点下班',
      '开个发票',
      '钱退回来',
      '在吗',
      '退钱吗',
      '几点下班呀',
    ]);
    expect(clusters.map((c) => [c.label, c.count])).toEqual([
      ['发票', 3],
      ['退钱', 3],
      ['下班', 2],
    ]);
    expect(byLabel(clusters, '发票')?.examples).toEqual(['能开发票吗', '发票怎么开', '开个发票']);
    expect(byLabel(clusters, '下班')?.examples).toEqual(['你们几点下班', '几点下班呀']);
    // 在吗 is nothing but stop words.
    expect(unclustered).toBe(1);
  });

  it('does not join two questions through one shared character: 多少钱 is not a refund', () => {
    const { clusters } = cluster(['退钱', '退钱吗', '多少钱']);
    expect(clusters.map((c) => [c.label, c.count])).toEqual([
      ['退钱', 2],
      ['钱', 1],
    ]);
  });

  it('counts repeats and normalized variants, showing each distinct text once, in input order', () => {
    const { clusters } = cluster(['退钱', '退钱', '退錢', 'ＴＫ退钱', '我要退钱！']);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.count).toBe(5);
    expect(clusters[0]?.examples).toEqual(['退钱', 'ＴＫ退钱', '我要退钱！']);
  });

  it('keeps at most `limit` clusters and `examples` examples', () => {
    const texts = ['发票1', '发票2', '发票3', '发票4', '发票5', '发票6', '退钱', '快递', '密码'];
    const r = runToEnd(clusterMissedTexts(texts, cutWords, { limit: 2, examples: 5 }));
    expect(r.clusters.map((c) => c.label)).toHaveLength(2);
    expect(r.clusters[0]).toMatchObject({ label: '发票', count: 6 });
    expect(r.clusters[0]?.examples).toHaveLength(5);
  });

  it('gives nothing for nothing', () => {
    expect(cluster([])).toEqual({ clusters: [], unclustered: 0 });
  });
});

describe('suggestGroup', () => {
  const groups = [
    group('logistics', '物流', ['快递', '物流', '发货']),
    group('refund', '退款', ['退款', '退货', '退费']),
    group('password', '密码', ['密码'], { combos: [{ all: [['忘记'], ['密码']] }] }),
  ];

  it('picks the refund group for the 退钱 cluster, through the synonym source and by characters alone', () => {
    const [refund] = cluster(['退钱', '钱退回来', '退钱吗']).clusters;
    expect(refund).toBeDefined();
    const words = refund?.words ?? [];
    // 退钱 is in the shipped 退款 synonym set.
    expect(suggestGroup(words, groupVocabularies(groups, KEYWORD_SYNONYMS))).toEqual({
      id: 'refund',
      name: '退款',
      score: 0.9,
    });
    // Without synonyms: 退钱 shares 退 with 退款 (Dice 0.5).
    expect(suggestGroup(words, groupVocabularies(groups, NO_SYNONYMS))).toEqual({
      id: 'refund',
      name: '退款',
      score: 0.5,
    });
  });

  it('scores 1 for a word the group already has (combo words count) and suggests nothing when no group is close', () => {
    expect(suggestGroup([{ word: '忘记', share: 1 }], groupVocabularies(groups, NO_SYNONYMS))).toEqual({
      id: 'password',
      name: '密码',
      score: 1,
    });
    expect(
      suggestGroup(
        [
          { word: '下班', share: 1 },
          { word: '几点', share: 1 },
        ],
        groupVocabularies(groups, KEYWORD_SYNONYMS),
      ),
    ).toBeNull();
  });

  it('never suggests a group that excludes the word', () => {
    const invoice = [{ word: '发票', share: 1 }];
    expect(suggestGroup(invoice, groupVocabularies(groups, NO_SYNONYMS))).toEqual({
      id: 'logistics',
      name: '物流',
      score: 0.5,
    });
    const excluding = groups.map((g) => (g.id === 'logistics' ? { ...g, exclusions: ['发票'] } : g));
    expect(suggestGroup(invoice, groupVocabularies(excluding, NO_SYNONYMS))).toBeNull();
  });

  it('weighs a word by the share of the cluster holding it', () => {
    expect(
      suggestGroup(
        [
          { word: '营业', share: 1 },
          { word: '退款', share: 0.5 },
        ],
        groupVocabularies(groups, NO_SYNONYMS),
      ),
    ).toEqual({ id: 'refund', name: '退款', score: 0.5 });
  });
});
