import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pack } from '../../../rules-schema/index.js';
import { packsApi, type PackSummary, type PackTestReport } from '../api/packs-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { compareVersions } from './compare-versions.js';
import { InstallRefusal } from './InstallRefusal.js';
import { PackSources } from './PackSources.js';
import { packRefusal, type SelfTestFailure } from './self-test-failures.js';
import { SelfTestReport } from './SelfTestReport.js';

interface Props {
  pack: PackSummary;
  doc: Pack | undefined;
  canEdit: boolean;
  /** Called after a change, to read the catalog again. */
  onChanged: () => Promise<void>;
}

/** One pack of the catalog: what it is, what this account runs, and the buttons that change it. */
export function PackCard({ pack, doc, canEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const notify = useEditorStore((s) => s.notify);
  const askConfirm = useEditorStore((s) => s.askConfirm);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<SelfTestFailure[]>([]);
  const [report, setReport] = useState<PackTestReport | null>(null);
  const name = pack.name;
  const installed = pack.installed ? (pack.installedVersion ?? pack.version) : null;
  const upgradable = installed !== null && compareVersions(pack.version, installed) > 0;

  const change = async (action: () => Promise<string>) => {
    setBusy(true);
    setRefusal([]);
    try {
      const done = await action();
      await onChanged();
      notify('success', done);
    } catch (err) {
      const { failures, text } = packRefusal(err, doc, name, t);
      setRefusal(failures);
      notify('error', text);
    } finally {
      setBusy(false);
    }
  };
  const install = () =>
    change(async () => {
      const r = await packsApi.install(pack.id);
      return t(r.action === 'upgrade' ? 'packs.upgraded' : 'packs.installed', {
        name,
        version: r.version,
        count: r.tests.scenarios,
      });
    });
  const setEnabled = (on: boolean) =>
    change(async () => {
      await packsApi.setEnabled(pack.id, on);
      return t(on ? 'packs.enabledDone' : 'packs.disabledDone', { name });
    });
  const uninstall = () =>
    askConfirm({
      message: t('packs.confirmUninstall', { name }),
      onConfirm: () =>
        void change(async () => {
          await packsApi.uninstall(pack.id);
          return t('packs.uninstalled', { name });
        }),
    });
  const selfTest = async () => {
    setBusy(true);
    try {
      setReport(await packsApi.test(pack.id));
    } catch (err) {
      notify('error', describeApiError(err, t));
    } finally {
      setBusy(false);
    }
  };

  const state = !installed ? 'absent' : pack.enabled === false ? 'disabled' : 'enabled';
  return (
    <li
      className={`pack-card pack-${state}`}
      data-testid="pack-card"
      data-pack-id={pack.id}
      data-state={state}
      aria-busy={busy}
    >
      <div className="pack-head">
        <strong className="pack-name">{name}</strong>
        {pack.industry ? <span className="pack-tag">{pack.industry}</span> : null}
        <span className="muted">{t('packs.version', { version: pack.version })}</span>
        {pack.origin === 'imported' ? <span className="pack-tag">{t('packs.imported')}</span> : null}
        <span className="spacer" />
        <span className={`pack-state pack-state-${state}`} data-testid="pack-state">
          {installed
            ? t(state === 'enabled' ? 'packs.stateEnabled' : 'packs.stateDisabled', { version: installed })
            : t('packs.stateAbsent')}
        </span>
      </div>
      {doc?.description ? <p className="pack-description">{doc.description}</p> : null}
      {doc ? <PackSources sources={doc.sources} /> : null}
      <div className="pack-actions">
        {!installed ? (
          <button type="button" className="primary" disabled={!canEdit || busy} onClick={() => void install()}>
            {t('packs.install')}
          </button>
        ) : (
          <>
            {upgradable ? (
              <button type="button" className="primary" disabled={!canEdit || busy} onClick={() => void install()}>
                {t('packs.upgrade', { version: pack.version })}
              </button>
            ) : null}
            <button type="button" disabled={!canEdit || busy} onClick={() => void setEnabled(state !== 'enabled')}>
              {state === 'enabled' ? t('packs.disable') : t('packs.enable')}
            </button>
            <button type="button" className="danger" disabled={!canEdit || busy} onClick={uninstall}>
              {t('packs.uninstall')}
            </button>
          </>
        )}
        <span className="spacer" />
        <button type="button" disabled={!canEdit || busy} onClick={() => void selfTest()}>
          {t('packs.selfTest.run')}
        </button>
      </div>
      {refusal.length > 0 ? <InstallRefusal failures={refusal} /> : null}
      {report ? <SelfTestReport report={report} /> : null}
    </li>
  );
}
