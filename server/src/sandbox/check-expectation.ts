/** Compares one step's result with its `expect` (CONTRACT §9); failures are plain sentences. */
import type { ReplyCheckResult, SandboxStep } from '../../../rules-schema/index.js';
import type { InboundResult } from '../core/engine/process-inbound.js';
import { findingsOf, type Verdict } from '../core/reason.js';

export type StepResult = { kind: 'inbound'; result: InboundResult } | { kind: 'reply'; result: ReplyCheckResult };

const RANK: Record<Verdict, number> = { allow: 0, warn: 1, block: 2 };

/** What an expectation reads off a step, whichever kind it was. */
function observed(step: StepResult) {
  if (step.kind === 'reply') {
    const r = step.result;
    return {
      verdict: r.verdict,
      codes: findingsOf(r.reasons).map((x) => x.code),
      sent: r.committed ? 1 : 0,
      texts: [] as string[],
      groups: [] as Array<{ group: string; groupId: string }>,
      window: r.window.state,
      handoff: false,
    };
  }
  const r = step.result;
  const sent = r.replies.filter((x) => x.committed);
  const verdict = r.replies.reduce<Verdict>((worst, x) => (RANK[x.verdict] > RANK[worst] ? x.verdict : worst), 'allow');
  return {
    verdict,
    codes: r.replies.flatMap((x) => findingsOf(x.reasons).map((y) => y.code)), // `info` notes are not findings
    sent: sent.length,
    texts: sent.map((x) => JSON.stringify(x.reply)),
    groups: r.matches,
    window: r.window.state,
    handoff: r.handoff !== null,
  };
}

export function checkExpectation(
  expect: SandboxStep['expect'],
  step: StepResult,
): { passed: boolean; failures: string[] } {
  if (!expect) return { passed: true, failures: [] };
  const o = observed(step);
  const failures: string[] = [];
  if (expect.verdict !== undefined && expect.verdict !== o.verdict)
    failures.push(`结论应为 ${expect.verdict}，实际为 ${o.verdict}`);
  for (const code of expect.codes ?? [])
    if (!o.codes.includes(code)) failures.push(`应出现 ${code}，实际原因：${o.codes.join(', ') || '无'}`);
  for (const code of expect.notCodes ?? []) if (o.codes.includes(code)) failures.push(`不应出现 ${code}`);
  if (expect.replyCount !== undefined && expect.replyCount !== o.sent)
    failures.push(`应发出 ${expect.replyCount} 条回复，实际 ${o.sent} 条`);
  if (expect.replyContains !== undefined && !o.texts.some((t) => t.includes(expect.replyContains as string))) {
    failures.push(`发出的回复中没有包含“${expect.replyContains}”的`);
  }
  // A group is named by its display name or its id.
  if (expect.group !== undefined && !o.groups.some((m) => m.group === expect.group || m.groupId === expect.group)) {
    failures.push(`应命中关键词组“${expect.group}”，实际：${o.groups.map((m) => m.group).join(', ') || '无'}`);
  }
  if (expect.windowState !== undefined && expect.windowState !== o.window)
    failures.push(`窗口状态应为 ${expect.windowState}，实际为 ${o.window}`);
  if (expect.handoff !== undefined && expect.handoff !== o.handoff)
    failures.push(expect.handoff ? '应转人工，实际没有' : '不应转人工');
  return { passed: failures.length === 0, failures };
}
