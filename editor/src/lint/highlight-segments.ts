import type { LintReason } from '../api/documents-api.js';

export interface Segment {
  text: string;
  start: number;
  /** Reasons whose evidence covers this piece; empty for plain text. */
  reasons: LintReason[];
  /** The strongest reason on this piece: a block over a warning over a note. */
  severity: LintReason['severity'] | null;
}

/** True when the evidence points at `field` (plain name or JSON pointer). */
export function evidenceIn(
  reason: LintReason,
  field: string,
): reason is LintReason & { evidence: NonNullable<LintReason['evidence']> } {
  const f = reason.evidence?.field;
  return f !== undefined && (f === field || f === `/${field}` || f.replace(/^\//, '').replace(/\//g, '.') === field);
}

/**
 * Cuts `text` into plain and flagged pieces by the reasons' evidence offsets (UTF-16,
 * as the API gives them). Overlaps are split so each piece knows every reason on it;
 * offsets outside the text are clamped.
 * @example highlightSegments('买 taobao.com', [{…evidence:{field:'content',start:2,end:12}}], 'content')
 */
export function highlightSegments(text: string, reasons: readonly LintReason[], field: string): Segment[] {
  const ranges = reasons
    .filter((r) => evidenceIn(r, field))
    .map((r) => ({ r, start: clamp(r.evidence.start, text.length), end: clamp(r.evidence.end, text.length) }))
    .filter((x) => x.end > x.start);
  const cuts = new Set<number>([0, text.length]);
  for (const x of ranges) {
    cuts.add(x.start);
    cuts.add(x.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  // Every cut set holds 0, so the first segment starts there.
  let start = 0;
  for (const end of points.slice(1)) {
    const on = ranges.filter((x) => x.start <= start && x.end >= end).map((x) => x.r);
    const severity = strongest(on);
    const prev = segments[segments.length - 1];
    if (prev && prev.reasons.length === 0 && on.length === 0) prev.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, reasons: on, severity });
    start = end;
  }
  return segments;
}

function clamp(n: number, max: number): number {
  return Math.max(0, Math.min(max, Math.trunc(n)));
}

const RANK = { info: 0, warn: 1, block: 2 } as const;

function strongest(reasons: readonly LintReason[]): LintReason['severity'] | null {
  let top: LintReason['severity'] | null = null;
  for (const r of reasons) if (top === null || RANK[r.severity] > RANK[top]) top = r.severity;
  return top;
}
