import {
  Download,
  FlaskConical,
  History,
  Maximize,
  OctagonX,
  Redo2,
  Rocket,
  Save,
  Trash2,
  Undo2,
  Upload,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { currentFlow, deleteFlow, publishFlow, saveAll } from '../documents/doc-actions.js';
import { PublishDialog } from '../documents/PublishDialog.js';
import { VersionHistory } from '../documents/VersionHistory.js';
import { downloadJson, parseFlowFile } from '../documents/flow-file.js';
import { FIT_OPTIONS } from './fit-padding.js';
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
  const { errorCount, blockedCount } = useFlowInsights();
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

  const fit = () => void fitView({ ...FIT_OPTIONS, duration: 300 });
  const unsaved = dirty || !persisted;
  return (
    <div className="toolbar canvas-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      {/* Fixed-width status: the buttons after it never move as the status text changes. */}
      <div className="toolbar-status">
        <strong className="flow-name" title={meta.name}>
          {meta.name}
        </strong>
        <span
          className={`status ${unsaved ? 'unsaved' : ''}`}
          data-testid="save-status"
          title={unsaved ? t('doc.unsaved') : t('doc.saved')}
        >
          {unsaved ? t('doc.unsaved') : t('doc.saved')}
        </span>
        <span className="muted" data-testid="publish-status">
          {summary?.publishedVersion
            ? t('doc.publishedV', { version: summary.publishedVersion })
            : t('doc.notPublished')}
        </span>
      </div>
      <span className="spacer" />
      <ToolButton icon={Undo2} label={t('toolbar.undo')} shortcut="Ctrl+Z" onClick={undo} disabled={!canUndo} />
      <ToolButton icon={Redo2} label={t('toolbar.redo')} shortcut="Ctrl+Y" onClick={redo} disabled={!canRedo} />
      <ToolButton
        icon={Workflow}
        label={t('toolbar.layout')}
        onClick={() => {
          layout();
          requestAnimationFrame(fit);
        }}
      />
      <ToolButton icon={Maximize} label={t('toolbar.fit')} onClick={fit} />
      <ToolButton
        icon={Download}
        label={t('toolbar.export')}
        onClick={() => {
          const f = currentFlow();
          if (f) downloadJson(`${f.id}.json`, f);
        }}
      />
      <ToolButton icon={Upload} label={t('toolbar.import')} onClick={() => fileRef.current?.click()} />
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importFile(f);
          e.target.value = '';
        }}
      />
      <ToolButton icon={History} label={t('toolbar.history')} onClick={() => setHistory(true)} disabled={!persisted} />
      <ToolButton
        icon={Trash2}
        label={t('toolbar.deleteFlow')}
        danger
        onClick={() =>
          askConfirm({ message: t('confirm.deleteFlow', { name: meta.name }), onConfirm: () => void deleteFlow() })
        }
      />
      <span className="toolbar-sep" />
      <button
        type="button"
        className={sandboxOpen ? 'active' : ''}
        aria-pressed={sandboxOpen}
        onClick={() => {
          setSandboxOpen(!sandboxOpen);
          setTimeout(fit, 60);
        }}
        data-testid="toggle-sandbox"
      >
        <FlaskConical size={14} className="icon" /> {t('sandbox.toggle')}
      </button>
      <button type="button" onClick={() => void saveAll()} disabled={busy} title="Ctrl+S" data-testid="save-flow">
        <Save size={14} className="icon" /> {t('toolbar.save')}
      </button>
      <button
        type="button"
        className="primary"
        disabled={errorCount > 0 || busy}
        // Blocked replies leave 发布 on: the refusal that follows offers the audited override.
        title={
          errorCount > 0
            ? t('publish.blocked', { count: errorCount })
            : blockedCount > 0
              ? t('publish.contentBlocked', { count: blockedCount })
              : ''
        }
        onClick={() => setPublishing(true)}
        data-testid="publish-flow"
      >
        {blockedCount > 0 ? <OctagonX size={14} className="icon" /> : <Rocket size={14} className="icon" />}{' '}
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
        <VersionHistory
          kind="flows"
          id={meta.id}
          name={meta.name}
          current={currentFlow}
          onClose={() => setHistory(false)}
        />
      ) : null}
    </div>
  );
}

/** A secondary action as an icon: named by `aria-label` and its tooltip, so the row stays short. */
function ToolButton({
  icon: Icon,
  label,
  shortcut,
  onClick,
  disabled,
  danger,
}: {
  icon: LucideIcon;
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <button
      type="button"
      className={`icon-button${danger ? ' danger' : ''}`}
      onClick={onClick}
      disabled={disabled}
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
    >
      <Icon size={16} />
    </button>
  );
}
