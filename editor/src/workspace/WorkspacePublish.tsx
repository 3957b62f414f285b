import { Rocket } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { workspaceApi } from './workspace-api.js';
import { WorkspacePublishDialog } from './WorkspacePublishDialog.js';

/**
 * The header's 「线上版本 vN」 marker, how many documents differ from it, and 「发布工作区」.
 * It reads the live version again whenever any published version the editor knows of moves
 * (a workspace publish, a flow's or group's publish, a rollback), a draft is saved or the view
 * changes (leaving 扩展包 after an install, which moves the version too), so it never shows a
 * stale one. It reads the status, not the changes: those run every gate.
 */
export function WorkspacePublish() {
  const { t } = useTranslation();
  const canPublish = useEditorStore((s) => s.me?.role === 'editor' || s.me?.role === 'admin');
  const fingerprint = useEditorStore(publishedFingerprint);
  const [live, setLive] = useState<{ version: number; pending: number } | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let current = true;
    workspaceApi
      .status()
      .then(
        (s) =>
          current &&
          setLive({ version: s.workspaceVersion, pending: s.changes.filter((c) => c.change !== 'unchanged').length }),
      )
      // The marker is a convenience: a failed read leaves the last known version shown.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [fingerprint]);

  return (
    <span className="workspace-publish">
      <span className="muted" data-testid="workspace-version">
        {live === null
          ? ''
          : live.version > 0
            ? t('workspace.live', { version: live.version })
            : t('workspace.notLive')}
        {live && live.pending > 0 ? ` · ${t('workspace.pending', { count: live.pending })}` : ''}
      </span>
      {canPublish ? (
        <button type="button" onClick={() => setOpen(true)} data-testid="workspace-publish">
          <Rocket size={14} className="icon" /> {t('workspace.publish')}
        </button>
      ) : null}
      {open ? (
        <WorkspacePublishDialog
          onClose={() => setOpen(false)}
          onPublished={(result) => {
            setOpen(false);
            setLive({ version: result.workspaceVersion, pending: 0 });
          }}
        />
      ) : null}
    </span>
  );
}

/**
 * The view, every published version the editor holds and whether each draft was saved since,
 * as one string: it changes when any of them moves (a publish, a rollback, a save), not on every edit.
 */
function publishedFingerprint(s: ReturnType<typeof useEditorStore.getState>): string {
  const flows = s.flowSummaries.map((f) => `${f.id}:${f.publishedVersion ?? ''}:${f.revision}`);
  const groups = s.groupOrder.map(
    (id) => `${id}:${s.groups[id]?.publishedVersion ?? ''}:${s.groups[id]?.dirty ? 1 : 0}`,
  );
  return [s.tab, ...flows, ...groups, `policy:${s.policy?.publishedVersion ?? ''}:${s.policy?.dirty ? 1 : 0}`].join(
    ',',
  );
}
