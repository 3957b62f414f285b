import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocByKind, type DocKind, type VersionInfo } from '../api/documents-api.js';
import { useEditorStore } from '../store/editor-store.js';
import type { ChangeLine } from './change-line.js';
import { describeApiError } from './describe-api-error.js';
import { documentDiff } from './document-diff.js';
import { Modal } from './Modal.js';
import { rollbackDocument } from './rollback-document.js';
import { textChange, type TextSegment } from './text-change.js';
import './history.css';

export interface VersionHistoryProps<K extends DocKind> {
  kind: K;
  id: string;
  name: string;
  /** The draft as it is now, to diff a picked version against (read when a version is picked). */
  current: () => DocByKind[K] | null;
  onClose: () => void;
}

/**
 * Published versions of a document, what the operator changed since one of them (in words,
 * never coordinates), and a confirmed rollback that refreshes every place showing the version.
 */
export function VersionHistory<K extends DocKind>({ kind, id, name, current, onClose }: VersionHistoryProps<K>) {
  const { t } = useTranslation();
  const notify = useEditorStore((s) => s.notify);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  const groups = useEditorStore((s) => s.groups);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [changes, setChanges] = useState<ChangeLine[] | null>(null);

  useEffect(() => {
    documentsApi
      .versions(kind, id)
      .then((r) => setVersions([...r.items].sort((a, b) => b.version - a.version)))
      .catch((err: unknown) => {
        setVersions([]);
        notify('error', describeApiError(err, t));
      });
  }, [kind, id, notify, t]);

  const show = async (version: number) => {
    setPicked(version);
    setChanges(null);
    try {
      const v = await documentsApi.version(kind, id, version);
      const draft = current();
      setChanges(draft ? documentDiff(kind, v.document, draft, { t, groupName: (g) => groups[g]?.doc.name }) : []);
    } catch (err) {
      notify('error', describeApiError(err, t));
    }
  };

  const confirmRollback = (version: number) => {
    const newVersion = (versions?.[0]?.version ?? version) + 1;
    askConfirm({
      message: t('history.confirmRollback', { version, newVersion }),
      confirmLabel: t('history.confirmButton'),
      onConfirm: () =>
        void rollbackDocument(kind, id, version).then((done) => {
          if (done !== null) onClose();
        }),
    });
  };

  return (
    <Modal title={t('history.title', { name })} onClose={onClose} testId="history-dialog">
      <div className="history-panel">
        <ul className="history-versions">
          {versions === null ? <li className="muted">{t('common.loading')}</li> : null}
          {versions?.length === 0 ? <li className="muted">{t('history.none')}</li> : null}
          {versions?.map((v) => (
            <li key={v.version} className={picked === v.version ? 'active' : ''}>
              <button type="button" className="link" onClick={() => void show(v.version)}>
                v{v.version} · {new Date(v.publishedAt).toLocaleString()} · {v.publishedBy ?? ''}
              </button>
              <div className="muted">{v.note}</div>
            </li>
          ))}
        </ul>
        {picked !== null ? (
          <section className="history-changes" aria-label={t('history.changesSince', { version: picked })}>
            {/* The action row wraps above the scrolling list, so long changes never push it away. */}
            <div className="history-actions">
              <span className="muted">{t('history.changesSince', { version: picked })}</span>
              <button type="button" className="danger" onClick={() => confirmRollback(picked)}>
                {t('history.rollback', { version: picked })}
              </button>
            </div>
            <ul className="history-diff" data-testid="version-diff">
              {changes?.length === 0 ? <li className="muted">{t('history.same')}</li> : null}
              {changes?.map((c, i) => (
                <ChangeItem key={i} change={c} />
              ))}
            </ul>
          </section>
        ) : null}
      </div>
      <div className="row end">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

/** One change; a changed text shows old and new in full, the changed part marked. */
function ChangeItem({ change }: { change: ChangeLine }) {
  const { t } = useTranslation();
  const { before, after } = change;
  const runs = before !== undefined && after !== undefined ? textChange(before, after) : null;
  return (
    <li className={`change change-${change.tone}`}>
      <div>{change.text}</div>
      {before !== undefined ? (
        <Runs label={t('history.was')} runs={runs?.before ?? [{ op: 'del', text: before }]} />
      ) : null}
      {after !== undefined ? (
        <Runs label={t('history.now')} runs={runs?.after ?? [{ op: 'ins', text: after }]} />
      ) : null}
    </li>
  );
}

function Runs({ label, runs }: { label: string; runs: TextSegment[] }) {
  return (
    <div className="change-text">
      <span className="muted">{label}：</span>
      {runs.map((r, i) =>
        r.op === 'same' ? (
          <span key={i}>{r.text}</span>
        ) : r.op === 'del' ? (
          <del key={i}>{r.text}</del>
        ) : (
          <ins key={i}>{r.text}</ins>
        ),
      )}
    </div>
  );
}
