import i18n, { type TFunction } from 'i18next';
import { describeReason } from '../lint/describe-reason.js';
import type { FlowIssue } from './flow-insights.js';

/** The issue in plain words; graph problems keep their number (E00x), block reasons their code, for support. */
export function describeIssue(issue: FlowIssue, t: TFunction): string {
  if (issue.source === 'schema') return t('problems.schema', { path: issue.issue.path, message: issue.issue.message });
  if (issue.source === 'content') {
    const reasons = issue.reasons
      .map((r) => t('problems.reasonCode', { reason: describeReason(r, i18n.language), code: r.code }))
      .join(t('problems.reasonSeparator'));
    return t('problems.blockedReply', { reasons });
  }
  return `${t(`problems.${issue.problem.code}`, issue.problem.params ?? {})} (${issue.problem.code})`;
}
