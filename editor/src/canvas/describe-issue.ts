import type { TFunction } from 'i18next';
import type { FlowIssue } from './flow-insights.js';

/** The issue in plain words; graph problems keep their number (E00x) for support. */
export function describeIssue(issue: FlowIssue, t: TFunction): string {
  if (issue.source === 'schema') return t('problems.schema', { path: issue.issue.path, message: issue.issue.message });
  return `${t(`problems.${issue.problem.code}`, issue.problem.params ?? {})} (${issue.problem.code})`;
}
