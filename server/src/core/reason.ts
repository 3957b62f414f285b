import type { RewriteSuggestion } from './rewrite/rewrite-suggestion.js';

/** A reply check's finding (CONTRACT §7): every reason is reported, with evidence where text caused it. */
export type Severity = 'block' | 'warn';
/**
 * A reason's severity: besides `block` and `warn`, an `info` note explains a hit that was not
 * reported (denied, refused, warned against or a legal use); it never changes the verdict.
 */
export type ReasonSeverity = Severity | 'info';
export type Verdict = 'allow' | 'warn' | 'block';

export interface Evidence {
  /** JSON pointer-ish field name inside the reply: `content`, `articles/0/url`, … */
  field: string;
  text: string;
  /** UTF-16 offsets into the field's (variable-filled) text. */
  start: number;
  end: number;
}

export interface Reason {
  code: string;
  severity: ReasonSeverity;
  /** Plain Chinese for operators. */
  message: string;
  ruleId: string;
  evidence?: Evidence;
  /** A compliant rewrite of the field, or a plain hint when none exists (added to §7's fields). */
  suggestion?: RewriteSuggestion;
}

/** `block` if any reason blocks, else `warn` if any warns, else `allow` (`info` notes never count). */
export function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((r) => r.severity === 'block')) return 'block';
  return reasons.some((r) => r.severity === 'warn') ? 'warn' : 'allow';
}

/** The reasons that are findings: all but the `info` notes. */
export function findingsOf<R extends Pick<Reason, 'severity'>>(reasons: readonly R[]): R[] {
  return reasons.filter((r) => r.severity !== 'info');
}
