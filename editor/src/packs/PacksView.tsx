import { RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { PackCard } from './PackCard.js';
import { PackImport } from './PackImport.js';
import { usePackCatalog } from './use-pack-catalog.js';
import './packs.css';

/**
 * 「规则包」: the industry rule packs this account can install (built-in and imported), each with
 * its sources, install / upgrade / uninstall / enable, a self-test run, and importing a new one.
 * An installed, enabled pack applies at once to the live lint, the sandbox and the runtime: all
 * three read the installed set on the server, so reading the catalog again is all the editor does.
 */
export function PacksView() {
  const { t } = useTranslation();
  const role = useEditorStore((s) => s.me?.role);
  const canEdit = role === 'admin' || role === 'editor';
  const { items, docs, error, reload } = usePackCatalog();
  return (
    <div className="packs-view" data-testid="packs-view">
      <div className="toolbar">
        <strong>{t('packs.title')}</strong>
        <span className="spacer" />
        <button type="button" onClick={() => void reload()}>
          <RefreshCw size={13} className="icon" /> {t('packs.refresh')}
        </button>
      </div>
      <p className="hint">{t('packs.intro')}</p>
      {!canEdit ? <p className="hint">{t('packs.readOnly')}</p> : null}
      {error ? (
        <p className="error" role="alert">
          {describeApiError(error, t)}
        </p>
      ) : null}
      {items === null ? (
        error ? null : (
          <div className="splash">{t('common.loading')}</div>
        )
      ) : items.length === 0 ? (
        <p className="hint">{t('packs.empty')}</p>
      ) : (
        <ul className="pack-list">
          {items.map((p) => (
            <PackCard key={p.id} pack={p} doc={docs[p.id]} canEdit={canEdit} onChanged={reload} />
          ))}
        </ul>
      )}
      <PackImport canEdit={canEdit} onChanged={reload} />
    </div>
  );
}
