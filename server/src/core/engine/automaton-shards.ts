/**
 * The workspace's literal patterns in a few Aho–Corasick automata instead of one, each built
 * in steps (Automaton.steps), so a large lexicon set never holds the event loop. Every shard
 * costs each scan a walk of the text with look-ups in its own tables (cache misses, mostly),
 * so shards are large: an account within its pattern budget has one. A scan merges their hits
 * back into the order one automaton gives (by end offset, then longer first, then pattern
 * order), so callers cannot tell the difference.
 *
 * Pattern order needs no index: hits with the same end and length are of the same pattern
 * text, which one shard reports in pattern order, and shards hold consecutive runs of
 * patterns; so the shards' hits concatenated in shard order and stably sorted by end, then
 * length, are in pattern order too.
 */
import { Automaton, type AutomatonEntry, type AutomatonHit } from '../text/automaton.js';
import type { Steps } from '../steps.js';

/** Pattern characters per shard: above the account's budget (120,000, see COMPILE_BUDGET), so a workspace scans one automaton. */
export const SHARD_CHARS = 131_072;

export class AutomatonShards<T> {
  private constructor(private readonly shards: ReadonlyArray<Automaton<T>>) {}

  /**
   * Builds one shard per step.
   * @example runToEnd(AutomatonShards.build([{ pattern: '退款', payload: 1 }])).scan('申请退款') // [{ start: 2, end: 4, payload: 1 }]
   */
  static *build<T>(entries: ReadonlyArray<AutomatonEntry<T>>): Steps<AutomatonShards<T>> {
    const shards: Array<Automaton<T>> = [];
    let from = 0;
    while (from < entries.length || shards.length === 0) {
      let to = from;
      let chars = 0;
      while (to < entries.length && (to === from || chars + (entries[to]?.pattern.length ?? 0) <= SHARD_CHARS)) {
        chars += entries[to]?.pattern.length ?? 0;
        to++;
      }
      const slice = entries.slice(from, to);
      yield;
      shards.push(yield* Automaton.steps(slice));
      from = to;
    }
    return new AutomatonShards(shards);
  }

  /** Every occurrence of every pattern, overlaps included, ordered as a single automaton orders them. */
  scan(text: string): Array<AutomatonHit<T>> {
    const only = this.shards.length === 1 ? this.shards[0] : undefined;
    if (only) return only.scan(text);
    const hits: Array<AutomatonHit<T>> = [];
    for (const shard of this.shards) for (const hit of shard.scan(text)) hits.push(hit);
    // Array.prototype.sort is stable: equal hits keep shard order, i.e. pattern order.
    return hits.sort(byEndThenLongerFirst);
  }

  /** Number of shards (the bench reports it). */
  get shardCount(): number {
    return this.shards.length;
  }
}

function byEndThenLongerFirst<T>(a: AutomatonHit<T>, b: AutomatonHit<T>): number {
  return a.end - b.end || b.end - b.start - (a.end - a.start);
}
