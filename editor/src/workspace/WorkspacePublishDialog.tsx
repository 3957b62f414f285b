import { OctagonX } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceChange, WorkspaceChanges, WorkspacePublishResult } from '../../../rules-schema/index.js';
import { ApiError, type ApiErrorDetail } from '../api/api-error.js';
import { ContentGateList } from '../documents/ContentGateList.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { Modal } from '../documents/Modal.js';
import { ScenarioGateList } from '../documents/PublishDialog.js';
import { PublishNoteActions } from '../documents/PublishNoteActions.js';
import { useEditorStore } from '../store/editor-store.js';
import { publishWorkspace, saveAndReadChanges, showFlowNode } from './workspace-actions.js';
import { byFlow, flowPointer } from './workspace-gate-paths.js';

export interface WorkspacePublishDialogProps {
  onClose: () => void;
  onPublished: (result: WorkspacePublishResult) => void;
}

const SECTIONS = ['added', 'changed', 'removed'] as const;

/**
 * What publishing the whole workspace changes against what is live (by name), what the gates
 * say, each offending node one click away, and the note; reviewed overrides as on a flow.
 */
export function WorkspacePublishDialog({ onClose, onPublished }: WorkspacePublishDialogProps) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<WorkspaceChanges | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** Reads the summary; after a refused publish its reason stays shown above the new summary. */
  const load = (reason: string | null = null) => {
    setError(reason);
    saveAndReadChanges()
      .then((s) => (s ? setSummary(s) : onClose()))
      .catch((err: unknown) => setError(describeApiError(err, t)));
  };
  useEffect(() => load(), []); // eslint-disable-line react-hooks/exhaustive-deps -- read once per opening

  const title = t('workspace.title');
  if (!summary) {
    return (
      <Modal title={title} onClose={onClose} testId="workspace-publish-dialog">
        {error ? <p className="error">{error}</p> : <p className="muted">{t('workspace.loading')}</p>}
      </Modal>
    );
  }
  const { gates } = summary;
  const pending = summary.changes.filter((c) => c.change !== 'unchanged');
  const stopped = gates.graph.length + gates.compile.length > 0;
  const submit = async (text: string) => {
    setBusy(true);
    try {
      // `reviewed`: what goes live is what this dialog shows, or nothing (409, then read again).
      const body = {
        note: text,
        reviewed: summary.digest,
        ...(gates.content.length > 0 ? { overrideContent: true } : {}),
        ...(gates.scenarios.length > 0 ? { overrideScenarios: true } : {}),
      };
      onPublished(await publishWorkspace(body));
    } catch (err) {
      // The drafts or what is live changed since the summary (a gate's 400, a 409): show what it says now.
      load(
        err instanceof ApiError && err.code === 'CONFLICT'
          ? t('workspace.conflict')
          : `${t('workspace.failed')} ${describeApiError(err, t)}`,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={title} onClose={onClose} testId="workspace-publish-dialog">
      {pending.length === 0 ? (
        <p data-testid="workspace-nothing">{t('workspace.nothing', { version: summary.workspaceVersion })}</p>
      ) : (
        <>
          <p className="hint">
            {t('workspace.intro', { version: summary.workspaceVersion, next: summary.workspaceVersion + 1 })}
          </p>
          {SECTIONS.map((section) => (
            <ChangeList key={section} section={section} changes={pending.filter((c) => c.change === section)} />
          ))}
          <p className="hint">{t('workspace.unchanged', { count: summary.changes.length - pending.length })}</p>
        </>
      )}
      {gates.graph.length > 0 ? (
        <NodeGateList
          intro={t('workspace.graph', { count: gates.graph.length })}
          details={gates.graph}
          testId="workspace-graph-gate"
          onShown={onClose}
        />
      ) : null}
      {gates.compile.length > 0 ? (
        <NodeGateList
          intro={t('workspace.compile', { count: gates.compile.length })}
          details={gates.compile}
          testId="workspace-compile-gate"
          onShown={onClose}
        />
      ) : null}
      {gates.content.length > 0 ? (
        <ContentGates details={gates.content} names={nameOfFlow(summary.changes)} onShown={onClose} />
      ) : null}
      {gates.scenarios.length > 0 ? <ScenarioGateList failures={gates.scenarios} /> : null}
      {error ? (
        <p className="error" data-testid="workspace-publish-error">
          {error}
        </p>
      ) : null}
      <PublishNoteActions
        review={gates.content.length > 0 ? 'content' : gates.scenarios.length > 0 ? 'scenarios' : null}
        confirmLabel={t('workspace.publish')}
        testIds={{ confirm: 'workspace-publish-confirm', override: 'workspace-publish-override' }}
        disabled={busy || stopped || pending.length === 0}
        onCancel={onClose}
        onSubmit={(text) => void submit(text)}
      />
    </Modal>
  );
}

/** 新增 / 修改 / 删除: each document by its kind and name, never its id. */
function ChangeList({ section, changes }: { section: (typeof SECTIONS)[number]; changes: WorkspaceChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return null;
  return (
    <div data-testid={`workspace-${section}`}>
      <strong>{t(`workspace.${section}`)}</strong>
      <ul className="gate-failures">
        {changes.map((c) => (
          <li key={`${c.kind}/${c.id}`}>
            <span className="muted">{t(`workspace.kind.${c.kind}`)}</span> {c.name}
            {c.liveVersion !== null ? <span className="muted"> · v{c.liveVersion}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Blocked replies, flow by flow: the open flow's through the per-flow list (labels from the
 * canvas), another flow's as entries that open it and select the node.
 */
function ContentGates({
  details,
  names,
  onShown,
}: {
  details: ApiErrorDetail[];
  names: (id: string) => string;
  onShown: () => void;
}) {
  const { t } = useTranslation();
  const openFlowId = useEditorStore((s) => s.meta?.id);
  const requestNodeFocus = useEditorStore((s) => s.requestNodeFocus);
  return (
    <>
      {byFlow(details).map(({ flowId, details: list }) => (
        <div key={flowId ?? ''}>
          <strong>{t('workspace.flowContent', { name: flowId ? names(flowId) : '' })}</strong>
          {flowId === openFlowId ? (
            <ContentGateList
              details={list.map((d) => ({ ...d, path: flowPointer(d.path)?.path ?? d.path }))}
              onShowNode={(nodeId) => {
                onShown();
                requestNodeFocus(nodeId);
              }}
            />
          ) : (
            <NodeGateList
              intro={t('publish.content.intro', { count: list.length })}
              details={list}
              testId="content-gate"
              onShown={onShown}
            />
          )}
        </div>
      ))}
    </>
  );
}

/** Problems pointing into flows, each a button that opens its flow and selects the node. */
function NodeGateList({
  intro,
  details,
  testId,
  onShown,
}: {
  intro: string;
  details: ApiErrorDetail[];
  testId: string;
  onShown?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="gate" data-testid={testId}>
      <p className="error">{intro}</p>
      <ul className="gate-failures">
        {details.map((d) => {
          const at = flowPointer(d.path);
          const nodeIndex = at?.nodeIndex ?? null;
          return (
            <li key={d.path}>
              <button
                type="button"
                className="link"
                disabled={!at || nodeIndex === null}
                title={t('workspace.openNode')}
                onClick={() => {
                  if (!at || nodeIndex === null) return;
                  onShown?.();
                  void showFlowNode(at.flowId, nodeIndex);
                }}
              >
                <OctagonX size={14} className="icon" /> {d.message}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function nameOfFlow(changes: readonly WorkspaceChange[]): (id: string) => string {
  return (id) => changes.find((c) => c.kind === 'flow' && c.id === id)?.name ?? id;
}
