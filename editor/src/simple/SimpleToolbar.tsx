import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publishFlow, saveAll } from '../documents/doc-actions.js';
import { PublishDialog } from '../documents/PublishDialog.js';
import { useEditorStore } from '../store/editor-store.js';

/**
 * Save and publish for the simple view, through the same actions as the canvas: 保存 saves the
 * changed keyword groups and the open flow as drafts; 发布 publishes the open flow, past the
 * same gates (failing scenarios, blocked replies, groups not live).
 */
export function SimpleToolbar({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const meta = useEditorStore((s) => s.meta);
  const busy = useEditorStore((s) => s.busy);
  const unsaved = useEditorStore((s) => s.dirty || !s.persisted || Object.values(s.groups).some((g) => g.dirty));
  const summary = useEditorStore((s) => s.flowSummaries.find((f) => f.id === s.meta?.id));
  const [publishing, setPublishing] = useState(false);
  return (
    <div className="simple-toolbar">
      <span data-testid="simple-open-flow">
        {meta ? t('simple.openFlow', { name: meta.name }) : t('simple.noFlow')}
      </span>
      <span className="muted">
        {unsaved
          ? t('doc.unsaved')
          : summary?.publishedVersion
            ? t('doc.publishedV', { version: summary.publishedVersion })
            : t('doc.notPublished')}
      </span>
      <span className="spacer" />
      {canEdit && meta ? (
        <>
          <button type="button" disabled={busy} onClick={() => void saveAll()} data-testid="simple-save">
            {t('toolbar.save')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => setPublishing(true)}
            data-testid="simple-publish"
          >
            {t('toolbar.publish')}
          </button>
        </>
      ) : null}
      {publishing && meta ? (
        <PublishDialog
          name={meta.name}
          onClose={() => setPublishing(false)}
          onPublish={(note) => {
            setPublishing(false);
            void publishFlow(note);
          }}
        />
      ) : null}
    </div>
  );
}
