import type { RewriteSuggestion } from './rewrite/rewrite-suggestion.js';

/** A reply check's finding (CONTRACT §7): every reason is reported, with evidence where text caused it. */
export type Severity = 'block' | 'warn';
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
  severity: Severity;
  /** Plain Chinese for operators. */
  message: string;
  ruleId: string;
  evidence?: Evidence;
  /** A compliant rewrite of the field, or a plain hint when none exists (added to §7's fields). */
  suggestion?: RewriteSuggestion;
}

/** `block` if any reason blocks, else `warn` if any warns, else `allow`. */
export function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((r) => r.severity === 'block')) return 'block';
  return reasons.length > 0 ? 'warn' : 'allow';
}
