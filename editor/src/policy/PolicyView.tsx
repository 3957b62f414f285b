import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_CODES, type Policy } from '../../../rules-schema/index.js';
import { SeveritySelect, type Severity } from './SeveritySelect.js';
import { publish, savePolicy } from '../documents/doc-actions.js';
import { VersionHistory } from '../documents/VersionHistory.js';
import { ChipsInput } from '../keywords/ChipsInput.js';
import { useEditorStore } from '../store/editor-store.js';
import { LexiconList } from './LexiconList.js';
import { MinutesField } from './MinutesField.js';
import { NumberField } from './NumberField.js';

type GrantKind = 'message' | 'menuClick' | 'subscribe' | 'scan';
const GRANT_DEFAULTS: Record<GrantKind, { quota: number; minutes: number }> = {
  message: { quota: 5, minutes: 2880 },
  menuClick: { quota: 3, minutes: 1 },
  subscribe: { quota: 3, minutes: 1 },
  scan: { quota: 3, minutes: 1 },
};

/** The compliance policy: window grants (§6), each content check (§7), lexicons and the link allowlist. */
export function PolicyView() {
  const { t } = useTranslation();
  const draft = useEditorStore((s) => s.policy);
  const { editPolicy, setPolicy } = useEditorStore.getState();
  const [history, setHistory] = useState(false);
  if (!draft) {
    return (
      <div className="policy-view">
        <p>{t('policy.none')}</p>
        <button
          type="button"
          className="primary"
          onClick={() =>
            setPolicy({
              doc: { schemaVersion: 1, id: 'default', name: t('policy.defaultName') },
              persisted: false,
              dirty: true,
              publishedVersion: null,
            })
          }
        >
          {t('policy.create')}
        </button>
      </div>
    );
  }
  const p = draft.doc;
  const set = (patch: Partial<Policy>) => editPolicy({ ...p, ...patch });
  const grant = (kind: GrantKind) => p.window?.[kind] ?? GRANT_DEFAULTS[kind];
  const setGrant = (kind: GrantKind, patch: Partial<{ quota: number; minutes: number }>) =>
    set({ window: { ...p.window, [kind]: { ...grant(kind), ...patch } } });
  return (
    <div className="policy-view" data-testid="policy-view">
      <div className="toolbar">
        <strong>{p.name}</strong>
        <span className={`status ${draft.dirty ? 'unsaved' : ''}`}>
          {draft.dirty ? t('doc.unsaved') : t('doc.saved')}
        </span>
        <span className="muted">
          {draft.publishedVersion ? t('doc.publishedV', { version: draft.publishedVersion }) : t('doc.notPublished')}
        </span>
        <span className="spacer" />
        <button type="button" disabled={!draft.persisted} onClick={() => setHistory(true)}>
          {t('toolbar.history')}
        </button>
        <button type="button" onClick={() => void savePolicy()} disabled={!draft.dirty}>
          {t('toolbar.save')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void (async () => {
              if (!draft.dirty || (await savePolicy({ announce: false })))
                await publish('policies', p.id, t('publish.defaultNote'));
            })()
          }
        >
          {t('toolbar.publish')}
        </button>
      </div>
      <div className="policy-grid">
        <section>
          <h3>{t('policy.window')}</h3>
          <table className="plain">
            <thead>
              <tr>
                <th>{t('policy.interaction')}</th>
                <th>{t('policy.quota')}</th>
                <th>{t('policy.minutes')}</th>
              </tr>
            </thead>
            <tbody>
              {(Object.keys(GRANT_DEFAULTS) as GrantKind[]).map((kind) => (
                <tr key={kind}>
                  <td>{t(`policy.grant.${kind}`)}</td>
                  <td>
                    <NumberField
                      label={`${t(`policy.grant.${kind}`)} ${t('policy.quota')}`}
                      value={grant(kind).quota}
                      min={0}
                      onChange={(quota) => setGrant(kind, { quota })}
                    />
                  </td>
                  <td>
                    <MinutesField
                      label={`${t(`policy.grant.${kind}`)} ${t('policy.minutes')}`}
                      minutes={grant(kind).minutes}
                      min={1}
                      onChange={(minutes) => setGrant(kind, { minutes })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <MinutesField
            label={t('policy.margin')}
            minutes={p.window?.marginMinutes ?? 15}
            onChange={(marginMinutes) => set({ window: { ...p.window, marginMinutes } })}
          />
          <div className="field">
            <span>{t('policy.nonOpening')}</span>
            <ChipsInput
              label={t('policy.nonOpening')}
              values={p.window?.nonOpeningEventKeys ?? []}
              onChange={(nonOpeningEventKeys) => set({ window: { ...p.window, nonOpeningEventKeys } })}
            />
          </div>
        </section>
        <section>
          <h3>{t('policy.etiquette')}</h3>
          <NumberField
            label={t('policy.maxReplies')}
            value={p.frequency?.maxRepliesPerInteraction ?? 3}
            min={1}
            max={100}
            onChange={(v) => set({ frequency: { maxRepliesPerInteraction: v } })}
          />
          <MinutesField
            label={t('policy.duplicates')}
            minutes={p.duplicates?.withinMinutes ?? 10}
            onChange={(v) => set({ duplicates: { withinMinutes: v } })}
          />
          <NumberField
            label={t('policy.promotions')}
            value={p.marketing?.maxPromotionsPerWindow ?? 1}
            min={0}
            onChange={(v) => set({ marketing: { maxPromotionsPerWindow: v } })}
          />
          <NumberField
            label={t('policy.maxTextBytes')}
            value={p.content?.maxTextBytes ?? 2048}
            min={1}
            onChange={(v) => set({ content: { ...p.content, maxTextBytes: v } })}
          />
          <NumberField
            label={t('policy.maxArticles')}
            value={p.content?.maxArticles ?? 1}
            min={1}
            onChange={(v) => set({ content: { ...p.content, maxArticles: v } })}
          />
          <h3>{t('policy.links')}</h3>
          <p className="hint">{t('policy.linksHint')}</p>
          <ChipsInput
            label={t('policy.links')}
            values={p.links?.allow ?? []}
            onChange={(allow) => set({ links: { allow } })}
            placeholder="example.com"
          />
        </section>
        <section>
          <h3>{t('policy.checks')}</h3>
          <table className="plain">
            <tbody>
              {CHECK_CODES.map((code) => {
                const c = p.checks?.[code] ?? {};
                const setCheck = (patch: { enabled?: boolean; severity?: Severity | undefined }) => {
                  const next = { ...c, ...patch };
                  if (next.severity === undefined) delete next.severity;
                  set({ checks: { ...p.checks, [code]: next } });
                };
                return (
                  <tr key={code}>
                    <td>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={c.enabled !== false}
                          onChange={(e) => setCheck({ enabled: e.target.checked })}
                        />
                        {t(`check.${code}`)}
                      </label>
                      <div className="muted small-code">{code}</div>
                    </td>
                    <td>
                      <SeveritySelect
                        label={`${code} ${t('policy.severity')}`}
                        value={c.severity}
                        inheritLabel={t('policy.defaultSeverity')}
                        onChange={(severity) => setCheck({ severity })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
        <section className="wide">
          <h3>{t('policy.lexicons')}</h3>
          <LexiconList lexicons={p.lexicons ?? []} onChange={(lexicons) => set({ lexicons })} />
        </section>
      </div>
      {history ? (
        <VersionHistory
          kind="policies"
          id={p.id}
          name={p.name}
          current={() => useEditorStore.getState().policy?.doc ?? null}
          onClose={() => setHistory(false)}
        />
      ) : null}
    </div>
  );
}
