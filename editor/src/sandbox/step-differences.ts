import type { StepReport } from '../api/sandbox-api.js';

/** What can differ between a step run on the drafts and on what is live. */
export type StepDifference = 'replies' | 'verdicts' | 'group';

/**
 * What differs between one step's two runs (drafts and live): the replies sent back (their
 * whole content, in order), the verdicts, or the keyword groups matched. Empty when the runs
 * agree, or when either has not run yet.
 *
 * @example stepDifferences(draftReport, liveReport) // ['replies']
 */
export function stepDifferences(drafts: StepReport | undefined, live: StepReport | undefined): StepDifference[] {
  if (!drafts || !live) return [];
  const a = summaryOf(drafts);
  const b = summaryOf(live);
  const out: StepDifference[] = [];
  if (a.replies !== b.replies) out.push('replies');
  if (a.verdicts !== b.verdicts) out.push('verdicts');
  if (a.groups !== b.groups) out.push('group');
  return out;
}

/** Each side as comparable strings; an agent reply step's reply is the script's, so only its verdict can differ. */
function summaryOf(report: StepReport): { replies: string; verdicts: string; groups: string } {
  if (report.kind === 'reply') return { replies: '', verdicts: report.result.verdict, groups: '' };
  const { replies, matches } = report.result;
  return {
    replies: JSON.stringify(replies.map((r) => r.reply)),
    verdicts: replies.map((r) => r.verdict).join(','),
    groups: [...new Set(matches.map((m) => m.group))].sort().join(','),
  };
}
