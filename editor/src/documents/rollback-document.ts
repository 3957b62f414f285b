import i18n from 'i18next';
import { documentsApi, type DocKind } from '../api/documents-api.js';
import { useEditorStore } from '../store/editor-store.js';
import { describeApiError } from './describe-api-error.js';
import { refreshFlowList } from './doc-actions.js';

const store = () => useEditorStore.getState();

/**
 * Rolls a document back to `version` and refreshes everything that shows it: the flow list's
 * badge and the toolbar (both read the flow summaries), a group's or the policy's published
 * version, and the open draft, which the server replaced by the old version. A draft with
 * unsaved edits keeps them, on the new revision so the next save is not refused as a conflict,
 * and the notice says so. Returns the new version, or null when the rollback failed.
 */
export async function rollbackDocument(kind: DocKind, id: string, version: number): Promise<number | null> {
  const t = i18n.t.bind(i18n);
  try {
    const v = await documentsApi.rollback(kind, id, version, t('history.rollbackNote', { version }));
    const kept = await refreshDraft(kind, id, v.version);
    const done = t('history.rolledBack', { version, newVersion: v.version });
    store().notify('success', kept ? `${done} ${t('history.keptDraft', { version })}` : done);
    return v.version;
  } catch (err) {
    store().notify('error', describeApiError(err, i18n.t));
    return null;
  }
}

/** Loads the rolled-back draft into the store; true when unsaved edits were kept instead. */
async function refreshDraft(kind: DocKind, id: string, published: number): Promise<boolean> {
  if (kind === 'flows') {
    await refreshFlowList();
    if (store().meta?.id !== id) return false;
    const doc = await documentsApi.get('flows', id);
    const s = store();
    if (!s.meta || s.meta.id !== id) return false;
    if (!s.dirty) {
      s.loadFlow(doc, true);
      return false;
    }
    useEditorStore.setState({ meta: { ...s.meta, revision: doc.revision } });
    return true;
  }
  if (kind === 'keyword-groups') {
    const doc = await documentsApi.get('keyword-groups', id);
    const g = store().groups[id];
    const kept = g?.dirty === true;
    store().putGroup(kept ? { ...g.doc, revision: doc.revision } : doc, {
      persisted: true,
      dirty: kept,
      publishedVersion: published,
      published: doc,
    });
    return kept;
  }
  const doc = await documentsApi.get('policies', id);
  const p = store().policy;
  const kept = p?.dirty === true;
  store().setPolicy({
    doc: kept ? { ...p.doc, revision: doc.revision } : doc,
    persisted: true,
    dirty: kept,
    publishedVersion: published,
    published: doc,
  });
  return kept;
}
