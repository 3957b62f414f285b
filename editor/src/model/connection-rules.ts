import type { NodeKind, SourceHandle } from './flow-types.js';

/** Which source handles each kind offers; `[null]` is the single default way out, `[]` none. */
export const SOURCE_HANDLES: Record<NodeKind, readonly SourceHandle[]> = {
  trigger: [null],
  keywordGroup: ['match', 'else'],
  condition: ['true', 'false'],
  reply: [null],
  recordTag: [null],
  recordPreference: [null],
  followUp: [null],
  handoff: [],
};

export interface ConnectionLike {
  source: string | null;
  target: string | null;
  sourceHandle?: string | null;
}

export interface GraphLike {
  nodes: ReadonlyArray<{ id: string; type?: string }>;
  edges: ReadonlyArray<{ source: string; target: string; sourceHandle?: string | null }>;
}

/** Why a connection is refused; `null` when it is allowed. Codes map to `connect.<code>` messages. */
export type ConnectionRefusal = 'self' | 'intoTrigger' | 'noOutput' | 'badHandle' | 'duplicate' | 'cycle' | 'unknown';

/**
 * Decides whether a new edge makes sense: nothing feeds a trigger, a handoff ends the path,
 * handles must be the kind's own, no duplicates and no loops.
 * @example checkConnection({ source: 'r1', target: 't1' }, graph) // 'intoTrigger'
 */
export function checkConnection(conn: ConnectionLike, graph: GraphLike): ConnectionRefusal | null {
  const { source, target } = conn;
  if (!source || !target) return 'unknown';
  if (source === target) return 'self';
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.type as NodeKind | undefined]));
  const sourceKind = kinds.get(source);
  const targetKind = kinds.get(target);
  if (!sourceKind || !targetKind) return 'unknown';
  if (targetKind === 'trigger') return 'intoTrigger';
  const handles = SOURCE_HANDLES[sourceKind];
  if (handles.length === 0) return 'noOutput';
  const handle = conn.sourceHandle ?? null;
  if (!handles.includes(handle as SourceHandle)) return 'badHandle';
  if (graph.edges.some((e) => e.source === source && e.target === target && (e.sourceHandle ?? null) === handle)) {
    return 'duplicate';
  }
  if (reaches(target, source, graph.edges)) return 'cycle';
  return null;
}

function reaches(from: string, to: string, edges: GraphLike['edges']): boolean {
  const seen = new Set<string>([from]);
  const stack = [from];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (id === to) return true;
    for (const e of edges) {
      if (e.source === id && !seen.has(e.target)) {
        seen.add(e.target);
        stack.push(e.target);
      }
    }
  }
  return false;
}
