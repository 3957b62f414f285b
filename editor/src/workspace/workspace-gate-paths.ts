/**
 * Reads the workspace pointers of a workspace publish's gates (`/flows/<id>/nodes/<i>/…`) back
 * into the flow and the node index they name, so an entry can open its flow and select the node.
 */
export interface FlowPointer {
  flowId: string;
  /** The pointer inside the flow, as a per-flow publish reports it (`/nodes/2/data/…`). */
  path: string;
  nodeIndex: number | null;
}

/**
 * @example flowPointer('/flows/invoice-flow/nodes/2/data/replies/0/content') // { flowId: 'invoice-flow', path: '/nodes/2/data/replies/0/content', nodeIndex: 2 }
 */
export function flowPointer(path: string): FlowPointer | null {
  const m = /^\/flows\/([^/]+)(\/.*)?$/.exec(path);
  if (!m?.[1]) return null;
  // RFC 6901: ~1 is '/', ~0 is '~' (server/src/core/engine/compile-problem.ts escapes ids so).
  const flowId = m[1].replace(/~1/g, '/').replace(/~0/g, '~');
  const inner = m[2] ?? '/';
  const node = /^\/nodes\/(\d+)(\/|$)/.exec(inner);
  return { flowId, path: inner, nodeIndex: node ? Number(node[1]) : null };
}

/** Details grouped by the flow they point into, in first-seen order; others under null. */
export function byFlow<D extends { path: string }>(
  details: readonly D[],
): Array<{ flowId: string | null; details: D[] }> {
  const groups = new Map<string | null, D[]>();
  for (const d of details) {
    const key = flowPointer(d.path)?.flowId ?? null;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups].map(([flowId, list]) => ({ flowId, details: list }));
}
