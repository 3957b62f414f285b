/**
 * The publish gate on content: every text a flow can send (each reply of a reply node, in
 * `random` mode too, and each follow-up question) checked as the runtime will check it, with
 * `{{nickname}}`-style variables filled with a neutral sample. Only content findings count
 * here: the window, frequency and duplicate codes depend on the conversation, not the text.
 */
import type { Flow, Reply } from '../../../../rules-schema/index.js';
import { flowNodeName } from '../../../../rules-schema/flow-node-name.js';
import { fillVariables, type Variables } from '../engine/fill-variables.js';
import type { Reason } from '../reason.js';
import type { CompiledContentChecks, TermScanner } from './compile-content-checks.js';

/** One field of one reply that the content checks would block. */
export interface BlockedReplyField {
  nodeId: string;
  /** The node as the operator knows it (its label, else kind and words). */
  nodeName: string;
  /** JSON pointer into the flow: `/nodes/3/data/replies/0/content`, `/nodes/5/data/question`. */
  path: string;
  reasons: Reason[];
}

/** Stands in for the values only a real conversation has, so the words around them are checked. */
export const SAMPLE_VARIABLES: Variables = { nickname: '用户', openid: 'oSAMPLE_OPENID' };

/**
 * @example blockedFlowReplies(flow, compiled.content, termScanner(compiled))[0]?.path // '/nodes/3/data/replies/0/content'
 */
export function blockedFlowReplies(
  flow: Flow,
  checks: CompiledContentChecks,
  scan: TermScanner,
  groupName: (id: string) => string | undefined = () => undefined,
): BlockedReplyField[] {
  const found: BlockedReplyField[] = [];
  flow.nodes.forEach((node, i) => {
    const sent: Array<{ reply: Reply; base: string; fieldPath: (field: string) => string }> = [];
    if (node.type === 'reply') {
      node.data.replies.forEach((reply, j) => {
        const base = `/nodes/${i}/data/replies/${j}`;
        sent.push({ reply, base, fieldPath: (field) => `${base}/${field}` });
      });
    } else if (node.type === 'followUp') {
      // The runtime sends a question as a text reply: its one field is the question.
      const base = `/nodes/${i}/data/question`;
      sent.push({ reply: { type: 'text', content: node.data.question }, base, fieldPath: () => base });
    }
    for (const { reply, base, fieldPath } of sent) {
      const reasons = checks
        .check(fillVariables(reply, SAMPLE_VARIABLES), scan, { flowId: flow.id })
        .reasons.filter((r) => r.severity === 'block');
      const byPath = new Map<string, Reason[]>();
      for (const r of reasons) {
        const path = r.evidence ? fieldPath(r.evidence.field) : base;
        byPath.set(path, [...(byPath.get(path) ?? []), r]);
      }
      for (const [path, list] of byPath)
        found.push({ nodeId: node.id, nodeName: flowNodeName(node, groupName), path, reasons: list });
    }
  });
  return found;
}
