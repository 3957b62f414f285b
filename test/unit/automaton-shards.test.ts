/** The sharded automaton the workspace compiler builds in steps scans exactly like one automaton. */
import { describe, expect, it } from 'vitest';
import { Automaton } from '../../server/src/core/text/automaton.js';
import { AutomatonShards, SHARD_CHARS } from '../../server/src/core/engine/automaton-shards.js';
import { runToEnd } from '../../server/src/core/steps.js';

/** Deterministic patterns over a small alphabet, so they overlap, nest and repeat across shards. */
function patterns(count: number): Array<{ pattern: string; payload: number }> {
  let seed = 17;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, (_, i) => ({
    pattern: Array.from({ length: 1 + (next() % 5) }, () => '退款保证治愈第一'[next() % 8]).join(''),
    payload: i,
  }));
}

describe('AutomatonShards', () => {
  it('gives the hits of a single automaton, in the same order, across many shards', () => {
    const entries = patterns(Math.ceil((SHARD_CHARS * 3.5) / 3));
    const shards = runToEnd(AutomatonShards.build(entries));
    expect(shards.shardCount).toBeGreaterThan(2);
    const text = '申请退款保证治愈第一次退款第一保证治愈愈愈退退款款'.repeat(5);
    const expected = new Automaton(entries).scan(text);
    expect(expected.length).toBeGreaterThan(100);
    expect(shards.scan(text)).toEqual(expected);
  });

  it('yields between shards, and an empty set is one empty shard', () => {
    const steps = AutomatonShards.build(patterns(Math.ceil((SHARD_CHARS * 2.5) / 3)));
    let yields = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThanOrEqual(3);
    expect(runToEnd(AutomatonShards.build([])).scan('退款')).toEqual([]);
  });
});
