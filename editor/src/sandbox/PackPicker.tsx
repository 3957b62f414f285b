import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { packsApi, type PackSummary } from '../api/packs-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';

/**
 * Which rule packs the run applies, chosen from the account's pack catalog. Until the operator
 * picks, the run uses the account's enabled packs (shown ticked); a pick sends exactly the
 * ticked ids as `packs` and is saved with the scenario.
 */
export function PackPicker() {
  const { t } = useTranslation();
  const chosen = useEditorStore((s) => s.session.packs);
  const setPacks = useEditorStore((s) => s.setPacks);
  const [catalog, setCatalog] = useState<PackSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    packsApi.list().then(
      (r) => live && setCatalog(r.items),
      (err: unknown) => live && setError(describeApiError(err, t)),
    );
    return () => {
      live = false;
    };
  }, [t]);
  const accountPacks = (catalog ?? []).filter((p) => p.installed && p.enabled !== false).map((p) => p.id);
  const ticked = chosen ?? accountPacks;
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...ticked, id] : ticked.filter((p) => p !== id);
    // Catalog order, so the saved list does not depend on the order of clicks.
    setPacks((catalog ?? []).map((p) => p.id).filter((p) => next.includes(p)));
  };
  return (
    <fieldset className="pack-picker" data-testid="pack-picker">
      <legend>
        {t('sandbox.packs.title')} ·{' '}
        {chosen ? t('sandbox.packs.chosen', { count: chosen.length }) : t('sandbox.packs.accountDefault')}
      </legend>
      {error ? <p className="error">{`${t('sandbox.packs.loadFailed')} ${error}`}</p> : null}
      {catalog && catalog.length === 0 ? <p className="hint">{t('sandbox.packs.none')}</p> : null}
      {(catalog ?? []).map((p) => (
        <label key={p.id} className="check" title={p.industry}>
          <input
            type="checkbox"
            checked={ticked.includes(p.id)}
            onChange={(e) => toggle(p.id, e.target.checked)}
            data-pack-id={p.id}
          />
          {p.name}
          {p.installed ? (
            <span className="muted">
              （{p.enabled === false ? t('sandbox.packs.installedOff') : t('sandbox.packs.installed')}）
            </span>
          ) : null}
        </label>
      ))}
      {chosen ? (
        <div className="row">
          <span className="hint">{t('sandbox.packs.hint')}</span>
          <span className="spacer" />
          <button type="button" className="small" onClick={() => setPacks(null)}>
            {t('sandbox.packs.reset')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
