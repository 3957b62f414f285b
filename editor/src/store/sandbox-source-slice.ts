import type { StateCreator } from 'zustand';
import type { SandboxResult } from '../api/sandbox-api.js';
import type { EditorState } from './editor-store.js';

/** What the sandbox runs: the drafts, what is live, or the same script on both side by side. */
export type SandboxSourceMode = 'drafts' | 'live' | 'compare';

export interface SandboxSourceSlice {
  sandboxSource: SandboxSourceMode;
  /** The live workspace version: from the last live run, else from `GET /workspace/status`. */
  liveVersion: number | null;
  /** The live run beside the drafts' `result` in 对比; null in the other modes. */
  liveResult: SandboxResult | null;
  /** Why the live side of 对比 did not run (nothing published yet), shown in its column; null when it ran. */
  liveError: string | null;
  setSandboxSource: (mode: SandboxSourceMode) => void;
  setLiveVersion: (version: number | null) => void;
  setLiveResult: (result: SandboxResult | null, error?: string | null) => void;
}

/** The sandbox's source switch (草稿 / 线上版本 / 对比) and the live side of a comparison. */
export const createSandboxSourceSlice: StateCreator<EditorState, [], [], SandboxSourceSlice> = (set) => ({
  sandboxSource: 'drafts',
  liveVersion: null,
  liveResult: null,
  liveError: null,
  setSandboxSource: (sandboxSource) => set({ sandboxSource }),
  setLiveVersion: (liveVersion) => set({ liveVersion }),
  setLiveResult: (liveResult, liveError = null) => set({ liveResult, liveError }),
});
