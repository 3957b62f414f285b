import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session-slice.js';
import { createFlowSlice, type FlowSlice } from './flow-slice.js';
import { createDocumentsSlice, type DocumentsSlice } from './documents-slice.js';
import { createUiSlice, type UiSlice } from './ui-slice.js';
import { createSandboxSlice, type SandboxSlice } from './sandbox-slice.js';
import { createSandboxSourceSlice, type SandboxSourceSlice } from './sandbox-source-slice.js';
import { createQueueSlice, type QueueSlice } from './queue-slice.js';

export type EditorState = SessionSlice &
  FlowSlice &
  DocumentsSlice &
  UiSlice &
  SandboxSlice &
  SandboxSourceSlice &
  QueueSlice;

/**
 * The one editor store, assembled from slices.
 * @example const nodes = useEditorStore((s) => s.nodes);
 */
export const useEditorStore = create<EditorState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createFlowSlice(...a),
  ...createDocumentsSlice(...a),
  ...createUiSlice(...a),
  ...createSandboxSlice(...a),
  ...createSandboxSourceSlice(...a),
  ...createQueueSlice(...a),
}));
