import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/editor-store.js';
import { describeApiError } from './describe-api-error.js';
import { newFlow, openFlow } from './doc-actions.js';

/** The account's flows: open one, or start a new one. */
export function FlowList() {
  const { t } = useTranslation();
  const flows = useEditorStore((s) => s.flowSummaries);
  const openId = useEditorStore((s) => s.meta?.id);
  const openName = useEditorStore((s) => s.meta?.name);
  const persisted = useEditorStore((s) => s.persisted);
  const dirty = useEditorStore((s) => s.dirty);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  const notify = useEditorStore((s) => s.notify);
  const [name, setName] = useState('');

  const guard = (action: () => void) => {
    if (dirty) askConfirm({ message: t('confirm.discard'), onConfirm: action });
    else action();
  };
  const open = (id: string) =>
    guard(() => void openFlow(id).catch((err: unknown) => notify('error', describeApiError(err, t))));
  const create = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    guard(() => newFlow(trimmed));
    setName('');
  };
  return (
    <nav className="flow-list" aria-label={t('flows.title')}>
      <h3>{t('flows.title')}</h3>
      <ul>
        {flows.map((f) => (
          <li key={f.id} className={f.id === openId ? 'active' : ''}>
            <button type="button" className="link" onClick={() => open(f.id)}>
              {f.name}
            </button>
            <span className="muted">{f.publishedVersion ? ` v${f.publishedVersion}` : ` ${t('doc.draft')}`}</span>
          </li>
        ))}
        {openId && !persisted ? (
          <li className="active">
            {openName} <span className="muted">{t('doc.new')}</span>
          </li>
        ) : null}
      </ul>
      <div className="row">
        <input
          aria-label={t('flows.newName')}
          placeholder={t('flows.newName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && create()}
        />
        <button type="button" onClick={create} disabled={!name.trim()} data-testid="new-flow">
          {t('flows.create')}
        </button>
      </div>
    </nav>
  );
}
