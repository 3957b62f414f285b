import { Plus, X } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeywordSuggestion } from '../../../rules-schema/index.js';
import { normalizeKeyword } from '../../../rules-schema/normalize-keyword.js';
import { ApiError } from '../api/api-error.js';
import { fetchKeywordSuggestions } from '../api/keyword-suggestions-api.js';
import { useEditorStore } from '../store/editor-store.js';

export interface KeywordSuggestionsProps {
  groupId: string;
  keywords: readonly string[];
  exclusions: readonly string[];
  onChange: (keywords: string[]) => void;
}

/**
 * 「建议添加」 under a group's keyword chips: related words from the shipped synonym source. Each
 * is added only when the operator presses its +, one at a time; × hides it for this session.
 * The server reads the saved draft, so words typed since are filtered out here, and the list is
 * asked for again after each save.
 */
export function KeywordSuggestions({ groupId, keywords, exclusions, onChange }: KeywordSuggestionsProps) {
  const { t } = useTranslation();
  const persisted = useEditorStore((s) => s.groups[groupId]?.persisted === true);
  const revision = useEditorStore((s) => s.groups[groupId]?.doc.revision);
  const [suggestions, setSuggestions] = useState<KeywordSuggestion[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    // An unsaved group has nothing on the server to suggest from yet.
    if (!persisted) return;
    let stale = false;
    fetchKeywordSuggestions(groupId)
      .then((list) => {
        if (stale) return;
        setSuggestions(list);
        setFailure(null);
      })
      .catch((err: unknown) => {
        if (stale) return;
        setSuggestions([]);
        // A role that may not edit has no use for suggestions: say nothing rather than an error.
        setFailure(
          err instanceof ApiError && err.status === 403 ? null : err instanceof Error ? err.message : String(err),
        );
      });
    return () => {
      stale = true;
    };
  }, [groupId, persisted, revision]);

  const shown = useMemo(() => {
    const taken = new Set([...keywords, ...exclusions].map(normalizeKeyword));
    return suggestions.filter((s) => !taken.has(normalizeKeyword(s.word)) && !dismissed.has(s.word));
  }, [suggestions, keywords, exclusions, dismissed]);

  if (failure) return <div className="hint muted">{t('suggestions.failed', { message: failure })}</div>;
  if (shown.length === 0) return null;
  return (
    <div className="keyword-suggestions" data-testid="keyword-suggestions">
      <span className="hint">{t('suggestions.title')}</span>
      <div className="chips" role="list" aria-label={t('suggestions.title')}>
        {shown.map((s) => (
          <span
            key={s.word}
            role="listitem"
            className="chip"
            title={`${t('suggestions.because', { word: s.because })}\n${s.source}`}
          >
            {s.word}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('suggestions.accept', { word: s.word })}
              onClick={() => onChange([...keywords, s.word])}
            >
              <Plus size={12} />
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('suggestions.dismiss', { word: s.word })}
              onClick={() => setDismissed((d) => new Set([...d, s.word]))}
            >
              <X size={12} />
            </button>
          </span>
        ))}
      </div>
      <span className="hint muted">{t('suggestions.hint')}</span>
    </div>
  );
}
