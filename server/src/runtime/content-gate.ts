/**
 * Publishing a flow refuses replies the runtime is certain to block (CONTRACT §7 content
 * codes, from the published policy and every installed, enabled pack), each with a pointer to
 * the field and the node named as the operator knows it. A reviewed case passes with
 * `overrideContent` and a note (audited by the caller); an allowance covering the text passes
 * on its own, as the checks honour it. The runtime still checks every reply at send time.
 */
import type { Flow } from '../../../rules-schema/index.js';
import { blockedFlowReplies, type BlockedReplyField } from '../core/checks/blocked-flow-replies.js';
import type { CompiledWorkspace } from '../core/engine/compile-workspace.js';
import { termScanner } from '../core/engine/scan-message.js';
import { invalid, type ErrorDetail } from '../errors.js';

/**
 * @returns the blocked fields that `override` lets through (none when the flow is clean).
 * @example gateFlowContent(flow, compiled, false) // throws VALIDATION_FAILED, `/nodes/3/data/replies/0/content`
 */
export function gateFlowContent(flow: Flow, compiled: CompiledWorkspace, override: boolean): BlockedReplyField[] {
  const blocked = blockedReplies(flow, compiled);
  if (blocked.length > 0 && !override) throw invalid(contentGateMessage(blocked), contentGateDetails(blocked));
  return blocked;
}

/** The replies of `flow` the compiled workspace's content checks would block. */
export function blockedReplies(flow: Flow, compiled: CompiledWorkspace): BlockedReplyField[] {
  const groupName = (id: string) => compiled.groups.find((g) => g.id === id)?.name;
  return blockedFlowReplies(flow, compiled.content, termScanner(compiled), groupName);
}

/** The refusal's message: how many nodes, and what lets a reviewed case through. */
export function contentGateMessage(blocked: readonly BlockedReplyField[]): string {
  return `有 ${new Set(blocked.map((b) => b.nodeId)).size} 个节点的回复会被内容检查拦截：修改后再发布，或人工审核后填写说明仍然发布（overrideContent）`;
}

/** One detail per blocked field: its pointer (under `prefix`), the node's label and the codes. */
export function contentGateDetails(blocked: readonly BlockedReplyField[], prefix = ''): ErrorDetail[] {
  return blocked.map((b) => ({
    path: `${prefix}${b.path}`,
    message: `“${b.nodeName}”会被拦截：${b.reasons.map((r) => `${r.code}（${r.message}）`).join('；')}`,
  }));
}

/** The distinct codes of blocked fields, for the audit of an override. */
export function blockedCodes(blocked: readonly BlockedReplyField[]): string[] {
  return [...new Set(blocked.flatMap((b) => b.reasons.map((r) => r.code)))];
}
