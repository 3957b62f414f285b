/**
 * Aho–Corasick multi-pattern matcher: built once per ruleset version, then each scan is
 * linear in the text length plus the hits, whatever the number of patterns.
 */

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
  /**
   * All goto edges in one Map keyed by `state * 65536 + charCode`: one Map instead of one
   * per node keeps a 50k-pattern build fast and small.
   */
  readonly #edges = new Map<number, number>();
  readonly #fail: number[] = [0];
  /** Entry indexes whose pattern ends exactly at the state. */
  readonly #outputs: Array<number[] | undefined> = [undefined];
  /** Nearest state on the failure chain that has outputs (0 = none): the "output link". */
  readonly #dict: number[] = [0];
  /** Pattern length and payload per entry index. */
  readonly #entries: Array<{ length: number; payload: T }> = [];
  /**
   * One bit per UTF-16 code unit found in some pattern (8 KB): any other char has no goto
   * edge from any state, so it sends the scan back to the root without a look-up. Most chars
   * of a message are in no keyword.
   */
  readonly #used = new Uint32Array(2048);

  constructor(entries: Iterable<AutomatonEntry<T>>) {
    const parent: number[] = [0];
    const label: number[] = [0];
    const depth: number[] = [0];
    for (const { pattern, payload } of entries) {
      if (pattern.length === 0) continue;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        this.#used[c >>> 5] = (this.#used[c >>> 5] ?? 0) | (1 << (c & 31));
        const key = state * 65536 + c;
        let next = this.#edges.get(key);
        if (next === undefined) {
          next = parent.length;
          this.#edges.set(key, next);
          parent.push(state);
          label.push(c);
          depth.push(i + 1);
          this.#fail.push(0);
          this.#outputs.push(undefined);
          this.#dict.push(0);
        }
        state = next;
      }
      const index = this.#entries.length;
      this.#entries.push({ length: pattern.length, payload });
      const outs = this.#outputs[state];
      if (outs) outs.push(index);
      else this.#outputs[state] = [index];
    }
    this.#link(byDepth(depth), parent, label);
  }

  /** Every occurrence of every pattern, overlaps included, ordered by end offset. */
  scan(text: string): Array<AutomatonHit<T>> {
    const hits: Array<AutomatonHit<T>> = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // The root has no outputs (empty patterns are ignored): nothing ends here.
      if (((this.#used[c >>> 5] ?? 0) & (1 << (c & 31))) === 0) {
        state = 0;
        continue;
      }
      state = this.#step(state, c);
      let out = this.#outputs[state] ? state : (this.#dict[state] ?? 0);
      while (out !== 0) {
        for (const index of this.#outputs[out] ?? []) {
          const entry = this.#entries[index];
          if (entry) hits.push({ start: i + 1 - entry.length, end: i + 1, payload: entry.payload });
        }
        out = this.#dict[out] ?? 0;
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
    for (;;) {
      const next = this.#edges.get(state * 65536 + c);
      if (next !== undefined) return next;
      if (state === 0) return 0;
      state = this.#fail[state] ?? 0;
    }
  }

  /** Failure and output links, in breadth-first order so every shallower state is done first. */
  #link(order: number[], parent: number[], label: number[]): void {
    for (const state of order) {
      const p = parent[state] ?? 0;
      if (p === 0) continue; // depth 1: fail to root
      const f = this.#step(this.#fail[p] ?? 0, label[state] ?? 0);
      this.#fail[state] = f;
      this.#dict[state] = this.#outputs[f] ? f : (this.#dict[f] ?? 0);
    }
  }
}

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
