/**
 * A reply check's findings (CONTRACT §7): every reason is reported, with evidence where text caused
 * it. The shapes are the response schemas' (`rules-schema/schemas/check-result.ts`); an `info` note
 * explains a hit that was not reported (denied, refused, warned against, a legal use).
 */
import type { Reason, ReasonSeverity, Verdict } from '../../../rules-schema/index.js';

export type { Evidence, Reason, ReasonSeverity, Verdict } from '../../../rules-schema/index.js';
/** The severities a rule can give: `info` is only ever a note the checks add. */
export type Severity = Exclude<ReasonSeverity, 'info'>;

/** `block` if any reason blocks, else `warn` if any warns, else `allow` (`info` notes never count). */
export function verdictOf(reasons: readonly Reason[]): Verdict {
  if (reasons.some((r) => r.severity === 'block')) return 'block';
  return reasons.some((r) => r.severity === 'warn') ? 'warn' : 'allow';
}

/** The reasons that are findings: all but the `info` notes. */
export function findingsOf<R extends Pick<Reason, 'severity'>>(reasons: readonly R[]): R[] {
  return reasons.filter((r) => r.severity !== 'info');
}
