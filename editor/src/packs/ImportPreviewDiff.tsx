import { useTranslation } from 'react-i18next';
import type { ImportPreview, PackChange, PackConflict } from '../../../rules-schema/index.js';

const KINDS = ['lexicons', 'rules', 'keywordGroups', 'flows'] as const;
/** The preview's singular item kinds, keyed like `added`. */
const ITEM_KIND: Record<PackChange['kind'], (typeof KINDS)[number]> = {
  lexicon: 'lexicons',
  rule: 'rules',
  keywordGroup: 'keywordGroups',
  flow: 'flows',
};

/** An import's dry run as a diff an operator reads: what it adds, what it changes, what clashes and why. */
export function ImportPreviewDiff({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const addedKinds = KINDS.filter((k) => preview.added[k].length > 0);
  return (
    <div className="pack-preview" data-testid="import-preview" data-action={preview.action}>
      <p className="pack-preview-action">
        {t(`packs.preview.action.${preview.action}`, {
          id: preview.id,
          version: preview.version,
          installed: preview.installedVersion,
        })}
      </p>
      <section data-testid="preview-added">
        <h4>{t('packs.preview.added')}</h4>
        {addedKinds.length === 0 ? <p className="hint">{t('packs.preview.nothing')}</p> : null}
        <ul>
          {addedKinds.map((k) => (
            <li key={k} className="diff-add" data-kind={k}>
              +{' '}
              {t('packs.preview.addedLine', {
                kind: t(`packs.kind.${k}`),
                count: preview.added[k].length,
                ids: preview.added[k].join(t('packs.preview.separator')),
              })}
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="preview-changed">
        <h4>{t('packs.preview.changed')}</h4>
        {preview.changed.length === 0 ? <p className="hint">{t('packs.preview.nothing')}</p> : null}
        <ul>
          {preview.changed.map((c) => (
            <li
              key={`${c.kind}:${c.id}`}
              className={c.change === 'removed' ? 'diff-remove' : 'diff-change'}
              data-kind={ITEM_KIND[c.kind]}
              data-change={c.change}
            >
              {c.change === 'removed' ? '−' : '~'}{' '}
              {t('packs.preview.changedLine', {
                kind: t(`packs.kind.${ITEM_KIND[c.kind]}`),
                id: c.id,
                change: t(`packs.preview.${c.change}`),
              })}
            </li>
          ))}
        </ul>
      </section>
      <section data-testid="preview-conflicts">
        <h4>{t('packs.preview.conflicts')}</h4>
        {preview.conflicts.length === 0 ? <p className="hint">{t('packs.preview.noConflicts')}</p> : null}
        <ul>
          {preview.conflicts.map((c, i) => (
            <li key={i} className="diff-conflict" data-conflict={c.kind}>
              ! {conflictText(c, t)}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Each conflict in the UI language, from its fields (the server's `message` is Chinese only). */
function conflictText(c: PackConflict, t: (key: string, options: Record<string, unknown>) => string): string {
  switch (c.kind) {
    case 'keyword':
      return t('packs.conflict.keyword', { keyword: c.keyword, group: c.group, existing: c.existingGroup });
    case 'version':
      return t('packs.conflict.version', { installed: c.installedVersion, version: c.version });
    case 'rule-code':
      return t('packs.conflict.ruleCode', { code: c.code, ids: c.ids.join(t('packs.preview.separator', {})) });
  }
}
