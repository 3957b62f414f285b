/**
 * The editor's side of one workspace publish: save what is unsaved (a workspace publish takes
 * the saved drafts), read the summary, publish, and refresh every "published" indicator the
 * per-document publish refreshes, so nothing shows a stale version afterwards.
 */
import i18n from 'i18next';
import type { WorkspaceChanges, WorkspacePublishBody, WorkspacePublishResult } from '../../../rules-schema/index.js';
import { openFlow, refreshFlowList, saveAll, savePolicy } from '../documents/doc-actions.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { workspaceApi } from './workspace-api.js';

const store = () => useEditorStore.getState();

/** Saves unsaved drafts, then reads what a workspace publish would change; null when a save failed. */
export async function saveAndReadChanges(): Promise<WorkspaceChanges | null> {
  if (!(await saveAll({ announce: false }))) return null;
  if (store().policy?.dirty && !(await savePolicy({ announce: false }))) return null;
  return workspaceApi.changes();
}

/**
 * Publishes the workspace; one notice says what went live. Throws the API error (a gate's 400
 * when the drafts changed since the summary was read) for the dialog to show.
 */
export async function publishWorkspace(body: WorkspacePublishBody): Promise<WorkspacePublishResult> {
  const result = await workspaceApi.publish(body);
  const count = result.published.length + result.unpublished.length;
  if (count === 0) {
    store().notify('success', i18n.t('workspace.unchangedDone', { version: result.workspaceVersion }));
    return result;
  }
  for (const p of result.published) {
    if (p.kind === 'keyword-group') {
      const g = store().groups[p.id];
      if (g) store().putGroup(g.doc, { publishedVersion: p.version, published: g.doc });
    } else if (p.kind === 'policy') {
      const policy = store().policy;
      if (policy?.doc.id === p.id) store().setPolicy({ ...policy, publishedVersion: p.version });
    }
  }
  await refreshFlowList().catch((err: unknown) => store().notify('error', describeApiError(err, i18n.t)));
  store().notify('success', i18n.t('workspace.done', { version: result.workspaceVersion, count }));
  return result;
}

/** Opens `flowId` when another flow is open, then selects and centres its node at `nodeIndex`. */
export async function showFlowNode(flowId: string, nodeIndex: number): Promise<void> {
  if (store().meta?.id !== flowId) await openFlow(flowId);
  const node = store().nodes[nodeIndex];
  if (node) store().requestNodeFocus(node.id);
}
