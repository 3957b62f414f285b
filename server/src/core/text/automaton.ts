/**
 * Aho–Corasick multi-pattern matcher: built once per ruleset version, then each scan is
 * linear in the text length plus the hits, whatever the number of patterns.
 */
import { runToEnd, type Steps } from '../steps.js';

export interface AutomatonEntry<T> {
  /** Already normalized (see normalizeTerm); empty patterns are ignored. */
  pattern: string;
  payload: T;
}

export interface AutomatonHit<T> {
  /** UTF-16 offsets into the scanned text, `end` exclusive. */
  start: number;
  end: number;
  payload: T;
}

/**
 * @example
 * const ac = new Automaton([{ pattern: '退款', payload: 'refund' }, { pattern: '款', payload: 'x' }]);
 * ac.scan('申请退款') // [{start:2,end:4,payload:'refund'}, {start:3,end:4,payload:'x'}]
 */
export class Automaton<T> {
  /** The goto edges, filled once the trie is built: see GotoTable. */
  #goto: GotoTable = EMPTY_GOTO;
  #fail = new Int32Array(1);
  /**
   * Per state, the first state to report from: the state itself when a pattern ends there,
   * else the nearest one on its failure chain where one does (its "output link"), 0 = none.
   */
  #report = new Int32Array(1);
  /** Nearest state on the failure chain that has outputs (0 = none): the "output link". */
  #dict = new Int32Array(1);
  /** Entry indexes whose pattern ends exactly at the state. */
  readonly #outputs: Array<number[] | undefined> = [undefined];
  /** Pattern length and payload per entry index. */
  readonly #entries: Array<{ length: number; payload: T }> = [];
  /**
   * One bit per UTF-16 code unit found in some pattern (8 KB): any other char has no goto
   * edge from any state, so it sends the scan back to the root without a look-up. Most chars
   * of a message are in no keyword.
   */
  readonly #used = new Uint32Array(2048);

  constructor(entries: Iterable<AutomatonEntry<T>>) {
    runToEnd(this.#fill(entries));
  }

  /**
   * The same automaton built in steps of about STEP_CHARS pattern chars or trie states, so a
   * large one never holds the event loop (see AutomatonShards).
   */
  static *steps<T>(entries: Iterable<AutomatonEntry<T>>): Steps<Automaton<T>> {
    const automaton = new Automaton<T>([]);
    yield* automaton.#fill(entries);
    return automaton;
  }

  /** Every occurrence of every pattern, overlaps included, ordered by end offset. */
  scan(text: string): Array<AutomatonHit<T>> {
    const hits: Array<AutomatonHit<T>> = [];
    const used = this.#used;
    const report = this.#report;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // The root has no outputs (empty patterns are ignored): nothing ends here.
      if (((used[c >>> 5] ?? 0) & (1 << (c & 31))) === 0) {
        state = 0;
        continue;
      }
      state = this.#step(state, c);
      for (let out = report[state] ?? 0; out !== 0; out = this.#dict[out] ?? 0) {
        for (const index of this.#outputs[out] ?? []) {
          const entry = this.#entries[index];
          if (entry) hits.push({ start: i + 1 - entry.length, end: i + 1, payload: entry.payload });
        }
      }
    }
    return hits;
  }

  /** Number of patterns (with payloads) held. */
  get size(): number {
    return this.#entries.length;
  }

  /** Follows goto, falling back along failure links; the root absorbs unknown chars. */
  #step(from: number, c: number): number {
    let state = from;
    const { slots, mask } = this.#goto;
    for (;;) {
      // Linear probing; a slot whose target is 0 is empty (the root is nobody's goto target).
      for (let slot = gotoHash(state, c) & mask; ; slot = (slot + 1) & mask) {
        const at = slot * 3;
        const next = slots[at + 2] ?? 0;
        if (next === 0) break;
        if (slots[at] === state && slots[at + 1] === c) return next;
      }
      if (state === 0) return 0;
      state = this.#fail[state] ?? 0;
    }
  }

  /** Trie, goto table, then failure and output links; yields every STEP_CHARS chars or states. */
  *#fill(entries: Iterable<AutomatonEntry<T>>): Steps<void> {
    const parent: number[] = [0];
    const label: number[] = [0];
    const depth: number[] = [0];
    // Goto edges while building, keyed by `state * 65536 + charCode` (one Map, not one per node).
    const edges = new Map<number, number>();
    let work = 0;
    for (const { pattern, payload } of entries) {
      if (pattern.length === 0) continue;
      if ((work += pattern.length) >= STEP_CHARS) {
        work = 0;
        yield;
      }
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        this.#used[c >>> 5] = (this.#used[c >>> 5] ?? 0) | (1 << (c & 31));
        const key = state * 65536 + c;
        let next = edges.get(key);
        if (next === undefined) {
          next = parent.length;
          edges.set(key, next);
          parent.push(state);
          label.push(c);
          depth.push(i + 1);
          this.#outputs.push(undefined);
        }
        state = next;
      }
      const index = this.#entries.length;
      this.#entries.push({ length: pattern.length, payload });
      const outs = this.#outputs[state];
      if (outs) outs.push(index);
      else this.#outputs[state] = [index];
    }
    yield;
    this.#goto = freezeGoto(edges);
    edges.clear();
    yield;
    const states = parent.length;
    this.#fail = new Int32Array(states);
    this.#dict = new Int32Array(states);
    this.#report = new Int32Array(states);
    // Breadth-first, so every shallower state is linked first.
    const order = byDepth(depth);
    for (let k = 0; k < order.length; k++) {
      if (k % STEP_CHARS === STEP_CHARS - 1) yield;
      const state = order[k] ?? 0;
      const p = parent[state] ?? 0;
      if (p !== 0) {
        // depth 1 fails to the root
        const f = this.#step(this.#fail[p] ?? 0, label[state] ?? 0);
        this.#fail[state] = f;
        this.#dict[state] = this.#outputs[f] ? f : (this.#dict[f] ?? 0);
      }
      this.#report[state] = this.#outputs[state] ? state : (this.#dict[state] ?? 0);
    }
  }
}

/** Pattern chars inserted, or trie states linked, per build step: a few milliseconds. */
const STEP_CHARS = 4096;

/** Non-root states ordered by depth (counting sort: linear in the trie size). */
function byDepth(depth: number[]): number[] {
  let max = 0;
  for (const d of depth) if (d > max) max = d;
  const counts = new Array<number>(max + 2).fill(0);
  for (const d of depth) counts[d + 1] = (counts[d + 1] ?? 0) + 1;
  for (let d = 1; d < counts.length; d++) counts[d] = (counts[d] ?? 0) + (counts[d - 1] ?? 0);
  const order = new Array<number>(depth.length);
  for (let state = 0; state < depth.length; state++) {
    const d = depth[state] ?? 0;
    const at = counts[d] ?? 0;
    order[at] = state;
    counts[d] = at + 1;
  }
  return order.slice(1); // order[0] is the root
}

/**
 * Goto edges in open addressing over one typed array (load ≤ 1/2), each slot `state, char,
 * target` side by side so a probe reads one cache line: no allocation per look-up, where a
 * Map keyed by `state * 65536 + char` boxes every key past 2^30 (a large shard's states) and
 * hashes a double. A scan's time is mostly cache misses on these tables.
 */
interface GotoTable {
  /** Three ints per slot: source state, char code, target state (0 = empty slot). */
  slots: Int32Array;
  mask: number;
}

const EMPTY_GOTO: GotoTable = { slots: new Int32Array(3), mask: 0 };

function gotoHash(state: number, c: number): number {
  const h = Math.imul(state, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
  return h ^ (h >>> 15);
}

function freezeGoto(edges: Map<number, number>): GotoTable {
  let size = 2;
  while (size < edges.size * 2) size *= 2;
  const slots = new Int32Array(size * 3);
  const mask = size - 1;
  for (const [key, target] of edges) {
    const state = Math.floor(key / 65536);
    const c = key % 65536;
    let slot = gotoHash(state, c) & mask;
    while (slots[slot * 3 + 2] !== 0) slot = (slot + 1) & mask;
    slots[slot * 3] = state;
    slots[slot * 3 + 1] = c;
    slots[slot * 3 + 2] = target;
  }
  return { slots, mask };
}
