import type { Flow } from '../../../rules-schema/index.js';
import { validate, type SchemaProblem } from '../../../rules-schema/validator.js';

export interface SchemaIssue extends SchemaProblem {
  /** The node the pointer falls in, when it does. */
  nodeId?: string;
}

/**
 * The flow's JSON Schema errors (the same validator as the server), each tied to
 * its node where the pointer points into `/nodes/<i>`.
 */
export function checkFlowSchema(flow: Flow): SchemaIssue[] {
  const copy = structuredClone(flow);
  const result = validate<Flow>('flow', copy);
  if (result.ok) return [];
  return result.problems.map((p) => {
    const m = /^\/nodes\/(\d+)/.exec(p.path);
    const node = m ? flow.nodes[Number(m[1])] : undefined;
    return node ? { ...p, nodeId: node.id } : { ...p };
  });
}
