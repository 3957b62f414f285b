import type { StateCreator } from 'zustand';
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import type { Flow } from '../../../rules-schema/index.js';
import { flowToEditor } from '../model/flow-mapping.js';
import type { EditorEdge, EditorNode, FlowMeta, NodeKind } from '../model/flow-types.js';
import { newId } from '../model/new-id.js';
import { autoLayout } from '../model/auto-layout.js';
import { checkConnection } from '../model/connection-rules.js';
import { nodeSpecs } from '../nodes/node-specs.js';
import type { EditorState } from './editor-store.js';

interface Snapshot {
  meta: FlowMeta;
  nodes: EditorNode[];
  edges: EditorEdge[];
}

export interface FlowSlice {
  /** The open flow: its document fields, React Flow's graph and the revision it was loaded at. */
  meta: FlowMeta | null;
  nodes: EditorNode[];
  edges: EditorEdge[];
  persisted: boolean;
  dirty: boolean;
  past: Snapshot[];
  future: Snapshot[];
  clipboard: { nodes: EditorNode[]; edges: EditorEdge[] } | null;
  lastRecord: { key: string; at: number } | null;
  loadFlow: (flow: Flow, persisted: boolean) => void;
  closeFlow: () => void;
  /** Call before a change that undo should revert; `coalesceKey` merges a burst of typing into one step. */
  record: (coalesceKey?: string) => void;
  onNodesChange: (changes: NodeChange<EditorNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<EditorEdge>[]) => void;
  connect: (connection: Connection) => void;
  addNode: (kind: NodeKind, position: { x: number; y: number }) => string;
  /** A new node wired to an exit in one undo step (an edge dropped on empty canvas); null when that exit may not lead to it. */
  addConnectedNode: (
    kind: NodeKind,
    position: { x: number; y: number },
    from: { source: string; sourceHandle: string | null },
  ) => string | null;
  updateNodeData: (id: string, data: Record<string, unknown>) => void;
  setMeta: (patch: Partial<FlowMeta>) => void;
  markSaved: (flow: Flow) => void;
  deleteSelected: () => void;
  selectNode: (id: string) => void;
  copySelection: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
  layout: () => void;
}

const HISTORY = 100;

/** The open flow, with undo/redo as whole-graph snapshots (flows are small). */
export const createFlowSlice: StateCreator<EditorState, [], [], FlowSlice> = (set, get) => ({
  meta: null,
  nodes: [],
  edges: [],
  persisted: false,
  dirty: false,
  past: [],
  future: [],
  clipboard: null,
  lastRecord: null,
  loadFlow: (flow, persisted) => {
    const { meta, nodes, edges } = flowToEditor(flow);
    set({ meta, nodes, edges, persisted, dirty: !persisted, past: [], future: [], lastRecord: null });
  },
  closeFlow: () => set({ meta: null, nodes: [], edges: [], past: [], future: [], dirty: false, persisted: false }),
  record: (coalesceKey) => {
    const { meta, nodes, edges, past, lastRecord } = get();
    if (!meta) return;
    const now = Date.now();
    if (coalesceKey && lastRecord?.key === coalesceKey && now - lastRecord.at < 1500) {
      set({ lastRecord: { key: coalesceKey, at: now } });
      return;
    }
    set({
      past: [...past.slice(-HISTORY + 1), { meta, nodes, edges }],
      future: [],
      lastRecord: coalesceKey ? { key: coalesceKey, at: now } : null,
    });
  },
  onNodesChange: (changes) => {
    const significant = changes.some((c) => c.type === 'remove' || c.type === 'add');
    if (significant) get().record();
    const moved = changes.some((c) => c.type === 'position' || significant);
    set((s) => ({ nodes: applyNodeChanges(changes, s.nodes), dirty: s.dirty || moved }));
  },
  onEdgesChange: (changes) => {
    const significant = changes.some((c) => c.type === 'remove' || c.type === 'add');
    if (significant) get().record();
    set((s) => ({ edges: applyEdgeChanges(changes, s.edges), dirty: s.dirty || significant }));
  },
  connect: (connection) => {
    get().record();
    const edge: EditorEdge = { ...connection, id: newId('e'), sourceHandle: connection.sourceHandle ?? null };
    set((s) => ({ edges: addEdge(edge, s.edges), dirty: true }));
  },
  addNode: (kind, position) => {
    get().record();
    const id = newId(kind);
    const node: EditorNode = {
      id,
      type: kind,
      position,
      data: nodeSpecs[kind].defaults() as Record<string, unknown>,
      selected: true,
    };
    set((s) => ({ nodes: [...s.nodes.map((n) => ({ ...n, selected: false })), node], dirty: true }));
    return id;
  },
  addConnectedNode: (kind, position, from) => {
    const id = newId(kind);
    const node: EditorNode = {
      id,
      type: kind,
      position,
      data: nodeSpecs[kind].defaults() as Record<string, unknown>,
      selected: true,
    };
    const { nodes, edges } = get();
    const connection = { source: from.source, sourceHandle: from.sourceHandle, target: id, targetHandle: null };
    if (checkConnection(connection, { nodes: [...nodes, node], edges }) !== null) return null;
    get().record();
    const edge: EditorEdge = { ...connection, id: newId('e') };
    set((s) => ({
      nodes: [...s.nodes.map((n) => ({ ...n, selected: false })), node],
      edges: addEdge(edge, s.edges),
      dirty: true,
    }));
    return id;
  },
  updateNodeData: (id, data) => {
    get().record(`data:${id}`);
    set((s) => ({ nodes: s.nodes.map((n) => (n.id === id ? { ...n, data } : n)), dirty: true }));
  },
  setMeta: (patch) => {
    const { meta } = get();
    if (!meta) return;
    get().record(`meta:${Object.keys(patch).join(',')}`);
    set({ meta: { ...meta, ...patch }, dirty: true });
  },
  markSaved: (flow) =>
    set((s) => ({ meta: s.meta ? { ...s.meta, revision: flow.revision } : s.meta, persisted: true, dirty: false })),
  deleteSelected: () => {
    const { nodes, edges } = get();
    const gone = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    if (gone.size === 0 && !edges.some((e) => e.selected)) return;
    get().record();
    set({
      nodes: nodes.filter((n) => !gone.has(n.id)),
      edges: edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)),
      dirty: true,
    });
  },
  selectNode: (id) =>
    set((s) => ({
      nodes: s.nodes.map((n) => ({ ...n, selected: n.id === id })),
      edges: s.edges.map((e) => ({ ...e, selected: false })),
    })),
  copySelection: () => {
    const { nodes, edges } = get();
    const picked = nodes.filter((n) => n.selected);
    const ids = new Set(picked.map((n) => n.id));
    if (picked.length === 0) return;
    set({
      clipboard: { nodes: structuredClone(picked), edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) },
    });
  },
  paste: () => {
    const { clipboard } = get();
    if (!clipboard || !get().meta) return;
    get().record();
    const rename = new Map(clipboard.nodes.map((n) => [n.id, newId(n.type ?? 'node')]));
    // Copied edges join copied nodes only (copy keeps no edge with an end outside the selection).
    const renamed = (id: string) => rename.get(id) ?? id;
    const nodes = clipboard.nodes.map((n) => ({
      ...structuredClone(n),
      id: renamed(n.id),
      position: { x: n.position.x + 40, y: n.position.y + 40 },
      selected: true,
    }));
    const edges = clipboard.edges.map((e) => ({
      ...e,
      id: newId('e'),
      source: renamed(e.source),
      target: renamed(e.target),
      selected: false,
    }));
    set((s) => ({
      nodes: [...s.nodes.map((n) => ({ ...n, selected: false })), ...nodes],
      edges: [...s.edges, ...edges],
      clipboard: { nodes, edges },
      dirty: true,
    }));
  },
  undo: () => {
    const { past, future, meta, nodes, edges } = get();
    const prev = past[past.length - 1];
    if (!prev || !meta) return;
    set({
      ...prev,
      meta: { ...prev.meta, revision: meta.revision },
      past: past.slice(0, -1),
      future: [{ meta, nodes, edges }, ...future],
      dirty: true,
      lastRecord: null,
    });
  },
  redo: () => {
    const { past, future, meta, nodes, edges } = get();
    const next = future[0];
    if (!next || !meta) return;
    set({
      ...next,
      meta: { ...next.meta, revision: meta.revision },
      past: [...past, { meta, nodes, edges }],
      future: future.slice(1),
      dirty: true,
      lastRecord: null,
    });
  },
  layout: () => {
    get().record();
    set((s) => ({ nodes: autoLayout(s.nodes, s.edges), dirty: true }));
  },
});
