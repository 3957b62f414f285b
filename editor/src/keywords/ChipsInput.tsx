import { TriangleAlert, X } from 'lucide-react';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeKeywords, splitKeywords } from '../model/keywords.js';

export interface ChipsInputProps {
  values: readonly string[];
  onChange: (values: string[]) => void;
  label: string;
  placeholder?: string;
  /** Values to flag, with the explanation shown on the chip. */
  flagged?: ReadonlyMap<string, string>;
  testId?: string;
}

/**
 * A list of short words as chips. Typing Enter, or pasting many at once (split on new
 * lines, commas, 、 and spaces), adds them; repeats inside the list are skipped and said so.
 */
export function ChipsInput({ values, onChange, label, placeholder, flagged, testId }: ChipsInputProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [skipped, setSkipped] = useState<string[]>([]);

  const add = (raw: string) => {
    const incoming = splitKeywords(raw);
    if (incoming.length === 0) return;
    const { keywords, skipped: dup } = mergeKeywords(values, incoming);
    setSkipped(dup);
    if (keywords.length !== values.length) onChange(keywords);
    setText('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，' || e.key === '、') {
      e.preventDefault();
      add(text);
    } else if (e.key === 'Backspace' && text === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (splitKeywords(pasted).length > 1 || /[\n,，、]/u.test(pasted)) {
      e.preventDefault();
      add(text + pasted);
    }
  };

  return (
    <div className="chips-field" data-testid={testId}>
      <div className="chips" role="list" aria-label={label}>
        {values.map((v) => {
          const flag = flagged?.get(v);
          return (
            <span key={v} role="listitem" className={flag ? 'chip chip-flagged' : 'chip'} title={flag}>
              {v}
              {flag ? <TriangleAlert size={12} className="chip-flag" aria-label={flag} /> : null}
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chips.remove', { value: v })}
                onClick={() => onChange(values.filter((x) => x !== v))}
              >
                <X size={12} />
              </button>
            </span>
          );
        })}
        <input
          className="chips-input"
          aria-label={label}
          value={text}
          placeholder={placeholder ?? t('chips.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => add(text)}
        />
      </div>
      {skipped.length > 0 ? (
        <div className="hint warn" role="status">
          {t('chips.skipped', { values: skipped.join('、') })}
        </div>
      ) : null}
    </div>
  );
}
