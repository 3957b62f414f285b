import type { StateCreator } from 'zustand';
import type { KeywordGroup, Policy } from '../../../rules-schema/index.js';
import type { DocSummary } from '../api/documents-api.js';
import type { EditorState } from './editor-store.js';

/** A document being edited beside its last saved state. */
export interface Draft<T> {
  doc: T;
  /** False until the first POST succeeds. */
  persisted: boolean;
  dirty: boolean;
  publishedVersion: number | null;
  /** What `publishedVersion` holds, once known: undefined until fetched or published from here. */
  published?: T | null;
}

export interface DocumentsSlice {
  flowSummaries: DocSummary[];
  groups: Record<string, Draft<KeywordGroup>>;
  /** Ids in display order. */
  groupOrder: string[];
  policy: Draft<Policy> | null;
  setFlowSummaries: (items: DocSummary[]) => void;
  setGroups: (groups: Draft<KeywordGroup>[]) => void;
  putGroup: (group: KeywordGroup, state?: Partial<Omit<Draft<KeywordGroup>, 'doc'>>) => void;
  /** Records what the group's live version holds (fetched, or just published). */
  setGroupPublished: (id: string, published: KeywordGroup | null) => void;
  editGroup: (id: string, patch: Partial<KeywordGroup>) => void;
  dropGroup: (id: string) => void;
  setPolicy: (policy: Draft<Policy> | null) => void;
  editPolicy: (policy: Policy) => void;
}

/** Keyword groups and the compliance policy, kept whole: flows are checked against them. */
export const createDocumentsSlice: StateCreator<EditorState, [], [], DocumentsSlice> = (set) => ({
  flowSummaries: [],
  groups: {},
  groupOrder: [],
  policy: null,
  setFlowSummaries: (items) => set({ flowSummaries: items }),
  setGroups: (groups) =>
    set({ groups: Object.fromEntries(groups.map((g) => [g.doc.id, g])), groupOrder: groups.map((g) => g.doc.id) }),
  putGroup: (group, state) =>
    set((s) => {
      const prev = s.groups[group.id];
      const draft: Draft<KeywordGroup> = {
        doc: group,
        persisted: state?.persisted ?? prev?.persisted ?? false,
        dirty: state?.dirty ?? prev?.dirty ?? true,
        publishedVersion:
          state?.publishedVersion !== undefined ? state.publishedVersion : (prev?.publishedVersion ?? null),
        published: state && 'published' in state ? state.published : prev?.published,
      };
      return {
        groups: { ...s.groups, [group.id]: draft },
        groupOrder: s.groupOrder.includes(group.id) ? s.groupOrder : [...s.groupOrder, group.id],
      };
    }),
  setGroupPublished: (id, published) =>
    set((s) => {
      const prev = s.groups[id];
      return prev ? { groups: { ...s.groups, [id]: { ...prev, published } } } : {};
    }),
  editGroup: (id, patch) =>
    set((s) => {
      const prev = s.groups[id];
      if (!prev) return {};
      return { groups: { ...s.groups, [id]: { ...prev, doc: { ...prev.doc, ...patch }, dirty: true } } };
    }),
  dropGroup: (id) =>
    set((s) => {
      const { [id]: _gone, ...rest } = s.groups;
      return { groups: rest, groupOrder: s.groupOrder.filter((g) => g !== id) };
    }),
  setPolicy: (policy) => set({ policy }),
  editPolicy: (doc) => set((s) => (s.policy ? { policy: { ...s.policy, doc, dirty: true } } : {})),
});
