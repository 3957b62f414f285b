import { ChevronDown, ChevronRight, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEXICON_CATEGORIES, type Lexicon } from '../../../rules-schema/index.js';
import { SeveritySelect } from './SeveritySelect.js';
import { mergeKeywords, splitKeywords } from '../model/keywords.js';
import { newId } from '../model/new-id.js';

/** Lexicons as searchable lists: category and severity per lexicon, severity per term, paste many terms. */
export function LexiconList({ lexicons, onChange }: { lexicons: Lexicon[]; onChange: (l: Lexicon[]) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(lexicons[0]?.id ?? null);
  const setAt = (id: string, patch: Partial<Lexicon>) =>
    onChange(lexicons.map((l) => (l.id === id ? { ...l, ...patch } : l)));
  const q = query.trim().toLowerCase();
  return (
    <div className="lexicons">
      <div className="toolbar">
        <input
          type="search"
          placeholder={t('lexicon.search')}
          aria-label={t('lexicon.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          onClick={() => {
            const id = newId('lex');
            onChange([
              ...lexicons,
              { id, name: t('lexicon.newName'), category: 'banned', severity: 'block', enabled: true, terms: [] },
            ]);
            setOpen(id);
          }}
        >
          + {t('lexicon.add')}
        </button>
      </div>
      {lexicons.map((lex) => {
        const terms = lex.terms.filter((term) => !q || term.term.toLowerCase().includes(q));
        if (q && terms.length === 0 && !lex.name.toLowerCase().includes(q)) return null;
        const expanded = open === lex.id || Boolean(q);
        return (
          <div key={lex.id} className="lexicon">
            <div className="row">
              <button type="button" className="link" onClick={() => setOpen(expanded && !q ? null : lex.id)}>
                {expanded ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
              </button>
              <input
                aria-label={t('lexicon.name')}
                value={lex.name}
                onChange={(e) => setAt(lex.id, { name: e.target.value })}
              />
              <select
                aria-label={t('lexicon.category')}
                value={lex.category}
                onChange={(e) => setAt(lex.id, { category: e.target.value as Lexicon['category'] })}
              >
                {LEXICON_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`lexiconCategory.${c}`)}
                  </option>
                ))}
              </select>
              <SeveritySelect
                label={t('policy.severity')}
                value={lex.severity}
                inheritLabel={t('policy.defaultSeverity')}
                onChange={(severity) => setAt(lex.id, { severity })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={lex.enabled !== false}
                  onChange={(e) => setAt(lex.id, { enabled: e.target.checked })}
                />
                {t('common.enabled')}
              </label>
              <label className="check" title={t('lexicon.classifierReviewHint')}>
                <input
                  type="checkbox"
                  checked={lex.classifierReview === true}
                  onChange={(e) => setAt(lex.id, { classifierReview: e.target.checked })}
                />
                {t('lexicon.classifierReview')}
              </label>
              <span className="muted">{t('lexicon.termCount', { count: lex.terms.length })}</span>
              <span className="spacer" />
              <button
                type="button"
                className="small danger"
                onClick={() => onChange(lexicons.filter((l) => l.id !== lex.id))}
              >
                {t('common.remove')}
              </button>
            </div>
            {expanded ? (
              <TermEditor lex={lex} terms={terms} onChange={(next) => setAt(lex.id, { terms: next })} />
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function TermEditor({
  lex,
  terms,
  onChange,
}: {
  lex: Lexicon;
  terms: Lexicon['terms'];
  onChange: (terms: Lexicon['terms']) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const add = () => {
    const { keywords } = mergeKeywords(
      lex.terms.map((x) => x.term),
      splitKeywords(text),
    );
    const known = new Set(lex.terms.map((x) => x.term));
    onChange([...lex.terms, ...keywords.filter((k) => !known.has(k)).map((term) => ({ term }))]);
    setText('');
  };
  return (
    <div className="terms">
      <div className="row">
        <textarea
          rows={2}
          placeholder={t('lexicon.pasteTerms')}
          aria-label={t('lexicon.pasteTerms')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" onClick={add} disabled={!text.trim()}>
          {t('lexicon.addTerms')}
        </button>
      </div>
      <ul className="term-list">
        {terms.slice(0, 300).map((term) => (
          <li key={term.term}>
            <span>{term.term}</span>
            <SeveritySelect
              label={`${term.term} ${t('policy.severity')}`}
              value={term.severity}
              inheritLabel={t('lexicon.inherit')}
              onChange={(severity) => onChange(lex.terms.map((x) => (x.term === term.term ? { ...x, severity } : x)))}
            />
            {term.exclusions?.length ? (
              <span className="muted">{t('lexicon.exclusions', { list: term.exclusions.join('、') })}</span>
            ) : null}
            <button
              type="button"
              className="small danger"
              aria-label={t('chips.remove', { value: term.term })}
              onClick={() => onChange(lex.terms.filter((x) => x.term !== term.term))}
            >
              <X size={13} />
            </button>
          </li>
        ))}
      </ul>
      {terms.length > 300 ? <p className="muted">{t('lexicon.more', { count: terms.length - 300 })}</p> : null}
    </div>
  );
}
