import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { documentsApi, type DocKind, type VersionInfo } from '../api/documents-api.js';
import { useEditorStore } from '../store/editor-store.js';
import { describeApiError } from './describe-api-error.js';
import { diffText, lineDiff, type DiffLine } from './line-diff.js';
import { Modal } from './Modal.js';

export interface VersionHistoryProps {
  kind: DocKind;
  id: string;
  name: string;
  /** The current draft, to diff a version against. */
  current: object;
  /** Called after a rollback so the caller reloads the draft. */
  onRolledBack: () => void;
  onClose: () => void;
}

/** Published versions of a document, a diff of one against the draft, and rollback. */
export function VersionHistory({ kind, id, name, current, onRolledBack, onClose }: VersionHistoryProps) {
  const { t } = useTranslation();
  const notify = useEditorStore((s) => s.notify);
  const [versions, setVersions] = useState<VersionInfo[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [diff, setDiff] = useState<DiffLine[] | null>(null);

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
    setDiff(null);
    try {
      const v = await documentsApi.version(kind, id, version);
      setDiff(lineDiff(diffText(v.document), diffText(current)));
    } catch (err) {
      notify('error', describeApiError(err, t));
    }
  };

  const rollback = async (version: number) => {
    try {
      const v = await documentsApi.rollback(kind, id, version, t('history.rollbackNote', { version }));
      notify('success', t('history.rolledBack', { version, newVersion: v.version }));
      onRolledBack();
      onClose();
    } catch (err) {
      notify('error', describeApiError(err, t));
    }
  };

  return (
    <Modal title={t('history.title', { name })} onClose={onClose} testId="history-dialog">
      {versions === null ? <p className="muted">{t('common.loading')}</p> : null}
      {versions?.length === 0 ? <p className="muted">{t('history.none')}</p> : null}
      <div className="history">
        <ul className="history-list">
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
          <div className="history-diff">
            <div className="row">
              <span className="muted">{t('history.diffLegend', { version: picked })}</span>
              <span className="spacer" />
              <button type="button" className="danger" onClick={() => void rollback(picked)}>
                {t('history.rollback', { version: picked })}
              </button>
            </div>
            <pre className="diff" data-testid="version-diff">
              {diff?.every((d) => d.op === ' ') ? <span className="muted">{t('history.same')}</span> : null}
              {diff
                ?.filter((d, i, all) => d.op !== ' ' || all.slice(Math.max(0, i - 2), i + 3).some((x) => x.op !== ' '))
                .map((d, i) => (
                  <div key={i} className={d.op === '+' ? 'diff-add' : d.op === '-' ? 'diff-del' : ''}>
                    {d.op} {d.line}
                  </div>
                ))}
            </pre>
          </div>
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
