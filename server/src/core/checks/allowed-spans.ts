/**
 * Allowances (reviewed false positives, `policy.allowances`): where an allowance phrase
 * occurs, hits and reasons of its code lying inside the occurrence are not reported. The
 * phrases ride in the lexicon automaton as `exclusion` patterns carrying `allowance: code`.
 */
import type { NormalizedText } from '../text/normalize-text.js';
import { fieldEvidence } from './field-evidence.js';
import type { TermHit } from './term-hit.js';

/** One occurrence of an allowance phrase: normalized offsets for hits, original offsets for reasons. */
export interface AllowedSpan {
  code: string;
  /** Offsets in the NORMALIZED text. */
  nStart: number;
  nEnd: number;
  /** UTF-16 offsets in the original field text. */
  start: number;
  end: number;
}

/**
 * @param original the field's text (reasons' evidence offsets index into it).
 * @param flowId the flow proposing the reply; an allowance scoped to another flow (or to any flow, when none is known) does not apply.
 */
export function allowedSpans(
  hits: readonly TermHit[],
  original: string,
  normalized: NormalizedText,
  flowId: string | undefined,
): AllowedSpan[] {
  const spans: AllowedSpan[] = [];
  for (const h of hits) {
    const code = h.payload.allowance;
    if (code === undefined) continue;
    const scope = h.payload.allowanceFlowId;
    if (scope !== undefined && scope !== flowId) continue;
    const { start, end } = fieldEvidence('', original, normalized, h.start, h.end);
    spans.push({ code, nStart: h.start, nEnd: h.end, start, end });
  }
  return spans;
}

/** The hits no allowance of their code covers. */
export function withoutAllowed(hits: TermHit[], allowed: readonly AllowedSpan[]): TermHit[] {
  if (allowed.length === 0) return hits;
  return hits.filter((h) => !allowed.some((a) => a.code === h.payload.code && a.nStart <= h.start && a.nEnd >= h.end));
}
