/**
 * From a field's live automaton and regex hits to its findings: constructions are completed
 * (paired-hits.ts, induced-sharing-hits.ts), hits the context takes back are set aside as suppressions
 * (context-scopes.ts), and reviewed false positives are dropped (allowed-spans.ts).
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { withoutAllowed, type AllowedSpan } from './allowed-spans.js';
import { suppressionOf, type Suppression } from './context-scopes.js';
import { inducedSharingHits } from './induced-sharing-hits.js';
import { pairedHits } from './paired-hits.js';
import type { CueKind, TermHit } from './term-hit.js';

/** Cues that instruct by themselves (打开淘宝, 淘口令, 淘宝搜索直接打开, a share text's 点击链接直接打开): judged by their context like hits. */
const INSTRUCTING_CUES: ReadonlySet<CueKind> = new Set(['open-app', 'code-name', 'code-search', 'share-text']);

export interface SuppressedHit {
  hit: TermHit;
  suppression: Suppression;
}

export interface JudgedHits {
  /** Findings (`role: 'hit'`) and the cues other checks pair up, ordered by start. */
  hits: TermHit[];
  /** Hits their context took back, for `info` notes. */
  suppressed: SuppressedHit[];
}

/**
 * @param live the field's hits after exclusions (liveTermHits), ordered by start.
 * @param original the field's text (clause and sentence ends are read there).
 */
export function judgeTermHits(
  live: readonly TermHit[],
  original: string,
  normalized: NormalizedText,
  allowed: readonly AllowedSpan[],
): JudgedHits {
  const paired = [...pairedHits(live, original, normalized), ...inducedSharingHits(live, original, normalized)];
  const all = paired.length === 0 ? live : [...live, ...paired].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TermHit[] = [];
  const suppressed: SuppressedHit[] = [];
  for (const hit of all) {
    // Quoted in a warning, an instruction instructs nobody.
    const suppression =
      hit.payload.role === 'hit' || (hit.payload.cue !== undefined && INSTRUCTING_CUES.has(hit.payload.cue))
        ? suppressionOf(original, normalized, hit)
        : undefined;
    if (suppression) suppressed.push({ hit, suppression });
    else kept.push(hit);
  }
  return { hits: withoutAllowed(kept, allowed), suppressed };
}
