/**
 * Constructions: a head word that is a finding only with a partner word beside it in the same
 * clause, whatever lies between (降 + 血压 in 有效降低餐后血压, 血糖 + 正常 in 吃了当天血糖就
 * 正常, 囊肿 + 没有了 in 囊肿也没有了). Heads and partners are automaton cues of lexicons
 * joined by `pairs`; each completed pair becomes one `hit` spanning both words, reported
 * with the head's code and severity, and judged by negation and scopes like any other hit.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { crossesClause, crossesSentence } from './clause-bounds.js';
import { isNegated } from './negated-hits.js';
import type { PairRule, TermHit } from './term-hit.js';

/**
 * @param hits live term hits ordered by start.
 * @example pairedHits(hits of '吃了当天血糖就正常', …) // [{ start: 4, end: 9, payload: { role: 'hit', code: 'MEDICAL_CLAIM', … } }]
 */
export function pairedHits(hits: readonly TermHit[], original: string, normalized: NormalizedText): TermHit[] {
  const partners = new Map<number, TermHit[]>();
  for (const h of hits) {
    const key = h.payload.pairKey;
    if (h.payload.cue !== 'pair-partner' || key === undefined) continue;
    const list = partners.get(key);
    if (list) list.push(h);
    else partners.set(key, [h]);
  }
  if (partners.size === 0) return [];
  const found: TermHit[] = [];
  let lastEnd = -1;
  for (const head of hits) {
    if (head.payload.cue !== 'pair-head' || head.start < lastEnd) continue;
    const partner = firstPartner(head, head.payload.pairs ?? [], partners, original, normalized);
    if (!partner) continue;
    const start = Math.min(head.start, partner.start);
    const end = Math.max(head.end, partner.end);
    lastEnd = end; // one finding per construction, not one per overlapping head
    found.push({
      start,
      end,
      payload: { ...head.payload, role: 'hit', term: `${head.payload.term}+${partner.payload.term}` },
    });
  }
  return found;
}

function firstPartner(
  head: TermHit,
  rules: readonly PairRule[],
  partners: ReadonlyMap<number, TermHit[]>,
  original: string,
  normalized: NormalizedText,
): TermHit | undefined {
  // A denied head (不含象牙) completes nothing with a partner before it either (手串，不含象牙): the
  // finding would start at the partner, out of reach of the head's own negation.
  const headDenied = head.payload.negatable === true && isNegated(normalized.text, head.start);
  for (const rule of rules) {
    const list = partners.get(rule.pairKey);
    if (!list) continue;
    // Partners are sorted by start: begin at the first that could lie within the window.
    let deniedUntil = -1;
    for (let k = lowerBound(list, head.start - rule.maxGap - MAX_PARTNER); k < list.length; k++) {
      const p = list[k];
      if (!p || p.start > head.end + rule.maxGap) break;
      const before = p.end <= head.start && head.start - p.end <= rule.maxGap;
      const after = p.start >= head.end && p.start - head.end <= rule.maxGap;
      const ok = rule.side === 'before' ? before : rule.side === 'after' ? after : before || after;
      if (!ok || (before && headDenied)) continue;
      // A denied outcome completes nothing (慢性病无法根治), nor does a word inside it (the 正常 of 没有恢复正常);
      // the head's own negation is judged later, like any hit's.
      if (after && (p.start < deniedUntil || isNegated(normalized.text, p.start))) {
        deniedUntil = Math.max(deniedUntil, p.end);
        continue;
      }
      const [from, to] = before ? [p.end, head.start] : [head.end, p.start];
      const crosses = rule.within === 'sentence' ? crossesSentence : crossesClause;
      if (!crosses(original, normalized, from, to)) return p;
    }
  }
  return undefined;
}

/** Longest partner term considered when looking back (the window is on the gap, not on the start). */
const MAX_PARTNER = 20;

function lowerBound(list: readonly TermHit[], start: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.start ?? 0) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
