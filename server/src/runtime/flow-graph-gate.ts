/**
 * The graph problems that stop a flow's publish (E-codes of rules-schema/graph-checks.ts: a
 * dangling edge, a keyword group that does not exist …), judged against the keyword groups it
 * will run with and the reply limits of the policy it will run under.
 */
import type { Flow, KeywordGroup, Policy } from '../../../rules-schema/index.js';
import { checkFlowGraph } from '../../../rules-schema/graph-checks.js';
import { describeGraphProblem } from '../../../rules-schema/graph-problem-messages.js';
import { resolvePolicy } from '../core/policy/resolve-policy.js';
import type { ErrorDetail } from '../errors.js';

/**
 * @param prefix put before each pointer (`/flows/<id>` in a workspace publish).
 * @example flowGraphErrors(flow, groups, policy) // [{ path: '/nodes/1/data/groupId', message: 'E004: …' }]
 */
export function flowGraphErrors(
  flow: Flow,
  groups: readonly KeywordGroup[],
  policy: Policy | undefined,
  prefix = '',
): ErrorDetail[] {
  const resolved = resolvePolicy(policy);
  const limits = { grant: resolved.window.message.quota, maxReplies: resolved.frequency.maxRepliesPerInteraction };
  return checkFlowGraph(flow, groups, limits)
    .filter((p) => p.severity === 'error')
    .map((e) => ({ path: `${prefix}${e.path}`, message: `${e.code}: ${describeGraphProblem(e)}` }));
}
