import type { StateCreator } from 'zustand';
import type { ApiErrorDetail } from '../api/api-error.js';
import type { DocKind } from '../api/documents-api.js';
import type { EditorState } from './editor-store.js';

export type Tab = 'flows' | 'simple' | 'groups' | 'policy' | 'queue' | 'metrics' | 'missed' | 'packs';

export interface ConflictState {
  /** A document kind, or a saved sandbox scenario. */
  kind: DocKind | 'scenarios';
  id: string;
  name: string;
  theirRevision: number | null;
}

export interface Notice {
  id: number;
  tone: 'info' | 'success' | 'error';
  text: string;
}

export interface ConfirmState {
  message: string;
  onConfirm: () => void;
  /** The confirm button's words when it does not delete (确定回滚); default 确定删除. */
  confirmLabel?: string;
}

/** A publish a gate refused: failing scenarios, blocked replies, groups not live; and a way through. */
export interface PublishGate {
  kind: DocKind;
  id: string;
  name: string;
  /** Saved scenarios that fail (`/scenarios/…`). */
  failures: ApiErrorDetail[];
  /** Replies the content checks would block (`/nodes/3/data/replies/0/content`). */
  content: ApiErrorDetail[];
  /** Keyword groups the flow uses that are not live (`/nodes/1/data/groupId`). */
  groups: ApiErrorDetail[];
  /** Refused with 409: what is live moved between the server's checks and its write. */
  liveMoved?: boolean;
}

/** A node to select and centre on the canvas; `seq` makes asking twice for one node count. */
export interface NodeFocusRequest {
  nodeId: string;
  seq: number;
}

export interface UiSlice {
  tab: Tab;
  conflict: ConflictState | null;
  notices: Notice[];
  confirm: ConfirmState | null;
  busy: boolean;
  publishGate: PublishGate | null;
  focusRequest: NodeFocusRequest | null;
  setTab: (tab: Tab) => void;
  setConflict: (c: ConflictState | null) => void;
  notify: (tone: Notice['tone'], text: string) => void;
  dismiss: (id: number) => void;
  askConfirm: (c: ConfirmState | null) => void;
  setBusy: (busy: boolean) => void;
  setPublishGate: (gate: PublishGate | null) => void;
  /** Shows the flows view and asks the canvas to select and centre a node. */
  requestNodeFocus: (nodeId: string) => void;
}

let nextNotice = 1;

/** Which view is open and the dialogs and notices over it. */
export const createUiSlice: StateCreator<EditorState, [], [], UiSlice> = (set) => ({
  tab: 'flows',
  conflict: null,
  notices: [],
  confirm: null,
  busy: false,
  publishGate: null,
  focusRequest: null,
  setTab: (tab) => set({ tab }),
  setConflict: (conflict) => set({ conflict }),
  notify: (tone, text) => {
    const id = nextNotice++;
    set((s) => ({ notices: [...s.notices.slice(-3), { id, tone, text }] }));
    if (tone !== 'error') setTimeout(() => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })), 4000);
  },
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  askConfirm: (confirm) => set({ confirm }),
  setBusy: (busy) => set({ busy }),
  setPublishGate: (publishGate) => set({ publishGate }),
  requestNodeFocus: (nodeId) =>
    set((s) => ({ tab: 'flows', focusRequest: { nodeId, seq: (s.focusRequest?.seq ?? 0) + 1 } })),
});
