/** The nodes and edges of one flow that a sandbox step went through, to light up on the canvas. */
export interface LitPath {
  nodes: string[];
  edges: string[];
  /** Decisions that were tried and led nowhere (a keyword group that missed, a false condition with no way out), with the edges into them. */
  tried: string[];
  triedEdges: string[];
}

/** Kinds that decide the way on; when nothing left them, the walk stopped there. */
const DECISIONS = new Set(['keywordGroup', 'condition']);

interface GraphLike {
  nodes: readonly { id: string; type?: string }[];
  edges: readonly { id: string; source: string; target: string }[];
}

/**
 * Lights the nodes of the open flow's walk (the step's `path` filtered to that flow) and the
 * edges between them. A walk starts at a trigger, and every later node of the same walk is the
 * target of an edge from a node visited before it; a run of ids that breaks this is left dark.
 * Decisions the walk stopped at (a group that did not match, with no 「未命中」 edge) are told
 * apart as `tried`, so the lit path is the one that fired.
 * @example litPath(['trigger', 'kg-refund', 'reply-refund'], flow) // → nodes and edges e1, e4
 */
export function litPath(trace: readonly string[], graph: GraphLike): LitPath {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, { id: string; source: string }[]>();
  for (const e of graph.edges) incoming.set(e.target, [...(incoming.get(e.target) ?? []), e]);
  const hasOut = new Set(graph.edges.map((e) => e.source));
  const nodes = new Set<string>();
  const edges = new Set<string>();

  let walk: string[] | null = null;
  let walkEdges: string[] = [];
  const close = () => {
    // A trigger with ways out always goes somewhere: a lone one was another flow's trigger.
    if (walk && !(walk.length === 1 && walk[0] !== undefined && hasOut.has(walk[0]))) {
      walk.forEach((id) => nodes.add(id));
      walkEdges.forEach((id) => edges.add(id));
    }
    walk = null;
    walkEdges = [];
  };
  for (const id of trace) {
    const node = byId.get(id);
    if (node?.type === 'trigger') {
      close();
      walk = [id];
      continue;
    }
    const current: string[] | null = walk;
    if (!node || !current) {
      close();
      continue;
    }
    const via = (incoming.get(id) ?? []).filter((e) => current.includes(e.source));
    if (via.length === 0) {
      close();
      continue;
    }
    current.push(id);
    walkEdges.push(...via.map((e) => e.id));
  }
  close();
  return splitDeadEnds(nodes, edges, graph, byId);
}

/** Peels dead-end decisions off the lit path, repeatedly: a decision whose only ways on were dead ends is one too. */
function splitDeadEnds(
  nodes: Set<string>,
  edges: Set<string>,
  graph: GraphLike,
  byId: Map<string, { id: string; type?: string }>,
): LitPath {
  const edgeById = new Map(graph.edges.map((e) => [e.id, e]));
  const tried = new Set<string>();
  const triedEdges = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const id of nodes) {
      if (tried.has(id) || !DECISIONS.has(byId.get(id)?.type ?? '')) continue;
      const out = [...edges].some((e) => !triedEdges.has(e) && edgeById.get(e)?.source === id);
      if (out) continue;
      tried.add(id);
      for (const e of edges) if (edgeById.get(e)?.target === id) triedEdges.add(e);
      changed = true;
    }
  }
  return {
    nodes: [...nodes].filter((n) => !tried.has(n)),
    edges: [...edges].filter((e) => !triedEdges.has(e)),
    tried: [...tried],
    triedEdges: [...triedEdges],
  };
}
