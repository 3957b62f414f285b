/**
 * One answer per message: when a message matches several keyword-group nodes of a flow that
 * answers one group, this picks the node whose branch is walked.
 */
import type { GroupMatch } from './keyword-matcher.js';

/** A keyword-group node's standing, fixed when the flow is compiled. */
export interface GroupRank {
  /** The node's `priority` (absent: 0); higher wins. */
  priority: number;
  /** The node's index in the flow document: the last tie-break, earlier wins. */
  order: number;
}

export interface Contender {
  nodeId: string;
  match: GroupMatch;
  rank: GroupRank;
}

/**
 * The winner: the highest `priority` (the operator's explicit word), then the most specific
 * match, then document order (last, as the operator may never have thought about it).
 * @example pickWinningGroup([{ nodeId: 'kg-logistics', … }, { nodeId: 'kg-refund', … }]).nodeId
 */
export function pickWinningGroup<C extends Contender>(contenders: readonly [C, ...C[]]): C {
  let best = contenders[0];
  for (const c of contenders) if (beats(c, best)) best = c;
  return best;
}

function beats(a: Contender, b: Contender): boolean {
  if (a.rank.priority !== b.rank.priority) return a.rank.priority > b.rank.priority;
  // The more of the message a match explains, the more it says about what the user asked ("快递还没到" over "快递").
  const specificity = a.match.specificity - b.match.specificity;
  if (specificity !== 0) return specificity > 0;
  return a.rank.order < b.rank.order;
}
