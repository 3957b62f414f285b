import { useTranslation } from 'react-i18next';
import type { PackSource } from '../../../rules-schema/index.js';

/** The laws and platform rules a pack's rules rest on: title, then the article or a note. */
export function PackSources({ sources }: { sources: readonly PackSource[] }) {
  const { t } = useTranslation();
  if (sources.length === 0) return null;
  return (
    <details className="pack-sources" data-testid="pack-sources">
      <summary>{t('packs.sources', { count: sources.length })}</summary>
      <ul>
        {sources.map((s) => (
          <li key={s.id} data-source-id={s.id}>
            <strong>{s.title}</strong>
            {s.article ? <div className="pack-article">{s.article}</div> : null}
            {s.note ? <div className="hint">{s.note}</div> : null}
            {s.url ? (
              <a href={s.url} target="_blank" rel="noreferrer">
                {t('packs.sourceLink')}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
