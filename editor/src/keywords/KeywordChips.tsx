import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { crossGroupDuplicates } from '../model/keywords.js';
import { useEditorStore } from '../store/editor-store.js';
import { ChipsInput } from './ChipsInput.js';

export interface KeywordChipsProps {
  groupId: string;
  keywords: readonly string[];
  onChange: (keywords: string[]) => void;
}

/** The keywords of one group as chips; a keyword another group also holds is flagged with that group's name. */
export function KeywordChips({ groupId, keywords, onChange }: KeywordChipsProps) {
  const { t } = useTranslation();
  const groups = useEditorStore((s) => s.groups);
  const flagged = useMemo(() => {
    const all = Object.values(groups).map((g) => ({ id: g.doc.id, name: g.doc.name, keywords: g.doc.keywords }));
    const dup = crossGroupDuplicates(groupId, keywords, all);
    return new Map([...dup].map(([kw, names]) => [kw, t('keywords.alsoIn', { groups: names.join('、') })]));
  }, [groups, groupId, keywords, t]);
  return (
    <>
      <ChipsInput
        values={keywords}
        onChange={onChange}
        label={t('keywords.label')}
        placeholder={t('keywords.placeholder')}
        flagged={flagged}
        testId="keyword-chips"
      />
      {flagged.size > 0 ? (
        <div className="hint warn" data-testid="keyword-duplicates">
          {t('keywords.duplicatesSummary', { count: flagged.size })}
        </div>
      ) : null}
    </>
  );
}
