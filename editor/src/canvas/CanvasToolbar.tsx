import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { currentFlow, deleteFlow, openFlow, publishFlow, saveAll } from '../documents/doc-actions.js';
import { PublishDialog } from '../documents/PublishDialog.js';
import { VersionHistory } from '../documents/VersionHistory.js';
import { downloadJson, parseFlowFile } from '../documents/flow-file.js';
import { useFlowInsights } from './flow-insights.js';

/** Save, publish, history, undo/redo, layout, import/export and delete for the open flow. */
export function CanvasToolbar() {
  const { t } = useTranslation();
  const meta = useEditorStore((s) => s.meta);
  const dirty = useEditorStore((s) => s.dirty);
  const persisted = useEditorStore((s) => s.persisted);
  const busy = useEditorStore((s) => s.busy);
  const canUndo = useEditorStore((s) => s.past.length > 0);
  const canRedo = useEditorStore((s) => s.future.length > 0);
  const summary = useEditorStore((s) => s.flowSummaries.find((f) => f.id === s.meta?.id));
  const sandboxOpen = useEditorStore((s) => s.sandboxOpen);
  const { undo, redo, layout, askConfirm, notify, loadFlow, setSandboxOpen } = useEditorStore.getState();
  const { errorCount } = useFlowInsights();
  const { fitView } = useReactFlow();
  const [publishing, setPublishing] = useState(false);
  const [history, setHistory] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  if (!meta) return null;

  const importFile = async (file: File) => {
    const parsed = parseFlowFile(await file.text());
    if ('problems' in parsed) {
      notify('error', t('file.invalid', { problems: parsed.problems.slice(0, 3).join('；') }));
      return;
    }
    // Importing into the open flow keeps its id and revision: the import becomes a new draft of it.
    loadFlow({ ...parsed.flow, id: meta.id, revision: meta.revision }, persisted);
    useEditorStore.setState({ dirty: true });
    notify('success', t('file.imported'));
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <strong className="flow-name" title={meta.id}>
        {meta.name}
      </strong>
      <span className={`status ${dirty || !persisted ? 'unsaved' : ''}`} data-testid="save-status">
        {dirty || !persisted ? t('doc.unsaved') : t('doc.saved')}
      </span>
      <span className="muted">{summary?.publishedVersion ? t('doc.publishedV', { version: summary.publishedVersion }) : t('doc.notPublished')}</span>
      <span className="spacer" />
      <button type="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        {t('toolbar.undo')}
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} title="Ctrl+Y">
        {t('toolbar.redo')}
      </button>
      <button type="button" onClick={() => { layout(); requestAnimationFrame(() => void fitView({ duration: 300 })); }}>
        {t('toolbar.layout')}
      </button>
      <button type="button" onClick={() => void fitView({ duration: 300 })}>
        {t('toolbar.fit')}
      </button>
      <button type="button" onClick={() => { const f = currentFlow(); if (f) downloadJson(`${f.id}.json`, f); }}>
        {t('toolbar.export')}
      </button>
      <button type="button" onClick={() => fileRef.current?.click()}>
        {t('toolbar.import')}
      </button>
      <input ref={fileRef} type="file" accept="application/json,.json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
      <button type="button" onClick={() => setHistory(true)} disabled={!persisted}>
        {t('toolbar.history')}
      </button>
      <button type="button" className="danger" onClick={() => askConfirm({ message: t('confirm.deleteFlow', { name: meta.name }), onConfirm: () => void deleteFlow() })}>
        {t('toolbar.deleteFlow')}
      </button>
      <button type="button" className={sandboxOpen ? 'active' : ''} aria-pressed={sandboxOpen} onClick={() => { setSandboxOpen(!sandboxOpen); setTimeout(() => void fitView({ duration: 300 }), 60); }} data-testid="toggle-sandbox">
        {t('sandbox.toggle')}
      </button>
      <button type="button" onClick={() => void saveAll()} disabled={busy} title="Ctrl+S" data-testid="save-flow">
        {t('toolbar.save')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={errorCount > 0 || busy}
        title={errorCount > 0 ? t('publish.blocked', { count: errorCount }) : ''}
        onClick={() => setPublishing(true)}
        data-testid="publish-flow"
      >
        {t('toolbar.publish')}
      </button>
      {publishing ? (
        <PublishDialog
          name={meta.name}
          onClose={() => setPublishing(false)}
          onPublish={(note) => {
            setPublishing(false);
            void publishFlow(note);
          }}
        />
      ) : null}
      {history ? (
        <VersionHistory kind="flows" id={meta.id} name={meta.name} current={currentFlow() ?? {}} onClose={() => setHistory(false)} onRolledBack={() => void openFlow(meta.id)} />
      ) : null}
    </div>
  );
}
