/**
 * Turns raw automaton hits into findings: exclusions cancel the hits of their term inside
 * their span (第一次 cancels 第一), a hit that starts or ends inside a run of Latin letters is
 * part of another word or a code, not the term (lsd in a Wi-Fi password's glsdw2024), and a hit
 * inside a longer hit of the same code is dropped (第一 inside 第一品牌), so one place is reported once.
 */
import type { TermHit } from './term-hit.js';

/**
 * @param text the normalized text the hits were found in.
 * @returns the `hit` and `cue` hits that survive, ordered by start (longest first).
 */
export function liveTermHits(hits: readonly TermHit[], text: string): TermHit[] {
  let exclusions: Map<number, TermHit[]> | undefined;
  for (const hit of hits) {
    if (hit.payload.kind !== 'term' || hit.payload.role !== 'exclusion') continue;
    exclusions ??= new Map();
    const list = exclusions.get(hit.payload.termKey);
    if (list) list.push(hit);
    else exclusions.set(hit.payload.termKey, [hit]);
  }
  const live = hits.filter(
    (hit) =>
      hit.payload.kind === 'term' &&
      hit.payload.role !== 'exclusion' &&
      !isExcluded(hit, exclusions) &&
      !(hit.payload.role === 'hit' && insideLatinWord(hit, text)),
  );
  live.sort((a, b) => a.start - b.start || b.end - a.end);
  // Sorted by start then longest first: a hit is inside an earlier one of its code iff
  // the furthest end seen so far for that code reaches its end.
  const furthest = new Map<string, number>();
  return live.filter((hit) => {
    if (hit.payload.role !== 'hit') return true;
    const code = hit.payload.code;
    const end = furthest.get(code);
    if (end !== undefined && end >= hit.end) return false;
    furthest.set(code, hit.end);
    return true;
  });
}

function isExcluded(hit: TermHit, exclusions: Map<number, TermHit[]> | undefined): boolean {
  const spans = exclusions?.get(hit.payload.termKey);
  return spans !== undefined && spans.some((x) => x.start <= hit.start && x.end >= hit.end);
}

const LATIN = /[a-z]/;

function insideLatinWord(hit: TermHit, text: string): boolean {
  const at = (i: number) => LATIN.test(text[i] ?? '');
  return (at(hit.start) && at(hit.start - 1)) || (at(hit.end - 1) && at(hit.end));
}
