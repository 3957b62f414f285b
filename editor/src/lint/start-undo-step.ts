import { useEditorStore } from '../store/editor-store.js';

/**
 * Ends the current burst of typing in the flow's undo history, so the change that follows
 * (an applied rewrite) is one undo step of its own and not merged into the typing before it.
 */
export function startUndoStep(): void {
  useEditorStore.setState({ lastRecord: null });
}
