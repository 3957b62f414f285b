import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pack } from '../../../rules-schema/index.js';
import type { ImportPreview } from '../../../rules-schema/index.js';
import { packsApi } from '../api/packs-api.js';
import { describeApiError } from '../documents/describe-api-error.js';
import { useEditorStore } from '../store/editor-store.js';
import { ImportPreviewDiff } from './ImportPreviewDiff.js';
import { InstallRefusal } from './InstallRefusal.js';
import { readPackFile } from './read-pack-file.js';
import { packRefusal, type SelfTestFailure } from './self-test-failures.js';

interface Chosen {
  fileName: string;
  doc: unknown;
  preview: ImportPreview;
}

/** 「导入规则包」: a JSON file, its dry-run preview as a diff, then 「确认导入」 (self-tested by the server). */
export function PackImport({ canEdit, onChanged }: { canEdit: boolean; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const notify = useEditorStore((s) => s.notify);
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<SelfTestFailure[]>([]);
  const [downgradeOk, setDowngradeOk] = useState(false);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setChosen(null);
    setRefusal([]);
    setDowngradeOk(false);
    if (input.current) input.current.value = '';
  };
  const choose = async (file: File | undefined) => {
    reset();
    setProblem(null);
    if (!file) return;
    setBusy(true);
    try {
      const read = await readPackFile(file);
      if (!read.ok) {
        setProblem(t('packs.import.notJson', { file: file.name, message: read.message }));
        return;
      }
      setChosen({ fileName: file.name, doc: read.doc, preview: await packsApi.previewImport(read.doc) });
    } catch (err) {
      setProblem(describeApiError(err, t));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!chosen) return;
    setBusy(true);
    setRefusal([]);
    // Parse boundary: the server accepted this document in the dry run, so it is a pack.
    const doc = chosen.doc as Pack;
    try {
      const r = await packsApi.import(chosen.doc, chosen.preview.action === 'downgrade');
      reset();
      await onChanged();
      notify('success', t('packs.import.done', { name: doc.name, version: r.version, count: r.tests.scenarios }));
    } catch (err) {
      const { failures, text } = packRefusal(err, doc, doc.name, t);
      setRefusal(failures);
      notify('error', text);
    } finally {
      setBusy(false);
    }
  };

  const downgrade = chosen?.preview.action === 'downgrade';
  return (
    <section className="pack-import" data-testid="pack-import">
      <h3>{t('packs.import.title')}</h3>
      <p className="hint">{t('packs.import.intro')}</p>
      <label className="row">
        {t('packs.import.choose')}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          disabled={!canEdit || busy}
          onChange={(e) => void choose(e.target.files?.[0])}
          data-testid="pack-file"
        />
      </label>
      {problem ? (
        <p className="error" role="alert">
          {problem}
        </p>
      ) : null}
      {chosen ? (
        <>
          <p className="muted">{chosen.fileName}</p>
          <ImportPreviewDiff preview={chosen.preview} />
          {downgrade ? (
            <label className="check">
              <input type="checkbox" checked={downgradeOk} onChange={(e) => setDowngradeOk(e.target.checked)} />{' '}
              {t('packs.import.allowDowngrade')}
            </label>
          ) : null}
          <div className="row end">
            <button type="button" onClick={reset} disabled={busy}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={!canEdit || busy || (downgrade && !downgradeOk)}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {t('packs.import.confirm')}
            </button>
          </div>
        </>
      ) : null}
      {refusal.length > 0 ? <InstallRefusal failures={refusal} /> : null}
    </section>
  );
}
