import { openFlow, saveFlow } from '../documents/doc-actions.js';
import { useEditorStore } from '../store/editor-store.js';

/**
 * Makes `flowId` the open flow, the one the canvas and the simple view edit. Unsaved changes
 * of the flow open before are saved as its draft first (nothing goes live); when that save
 * fails (a conflict, a refusal) the flow stays open and its notice says why.
 * @returns whether `flowId` is now open.
 */
export async function editFlow(flowId: string): Promise<boolean> {
  const s = useEditorStore.getState();
  if (s.meta?.id === flowId) return true;
  if (s.meta && (s.dirty || !s.persisted) && !(await saveFlow())) return false;
  await openFlow(flowId);
  return true;
}
