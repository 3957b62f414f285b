import { useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveLint } from './use-live-lint.js';
import { highlightSegments } from './highlight-segments.js';
import { LintReasons } from './LintReasons.js';
import { HighlightedText } from './HighlightedText.js';
import { startUndoStep } from './start-undo-step.js';
import type { LintRewrite } from '../api/documents-api.js';

export interface LintedTextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength?: number;
  /** Test id of the text box; the property panel's is `reply-text`. */
  testId?: string;
  rows?: number;
}

export const NICKNAME = '{{nickname}}';

/**
 * A text reply box with a 「插入昵称」 button and the live compliance check: the
 * words the check objects to are highlighted in a copy of the text below the box, and a
 * reason with a rewrite offers 「一键改写」, which replaces the text as one undoable change.
 */
export function LintedText({ label, value, onChange, maxLength, testId = 'reply-text', rows = 4 }: LintedTextProps) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const reply = useMemo(() => (value.trim() ? { type: 'text' as const, content: value } : null), [value]);
  const lint = useLiveLint(reply);
  // Offsets belong to the text that was checked; while a newer text waits, keep the old marks off.
  const checked = lint.result && !lint.pending ? lint.result.reasons : [];
  const segments = highlightSegments(value, checked, 'content');

  // The box is the `content` of the reply that was linted; rewrites of other fields do not apply here.
  const rewriteFor = (rewrite: LintRewrite) =>
    rewrite.field === 'content'
      ? () => {
          startUndoStep();
          onChange(rewrite.text);
        }
      : undefined;

  const insertNickname = () => {
    const el = ref.current;
    const at = el ? el.selectionStart : value.length;
    const end = el ? el.selectionEnd : value.length;
    onChange(value.slice(0, at) + NICKNAME + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + NICKNAME.length, at + NICKNAME.length);
    });
  };

  return (
    <div className="linted-text">
      <div className="field-head">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="small" onClick={insertNickname}>
          {t('reply.insertNickname')}
        </button>
      </div>
      <textarea
        id={id}
        ref={ref}
        rows={rows}
        value={value}
        maxLength={maxLength}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {segments.some((s) => s.severity) ? (
        <HighlightedText
          className="lint-preview"
          testId="lint-preview"
          label={t('lint.preview')}
          text={value}
          reasons={checked}
        />
      ) : null}
      <LintReasons lint={lint} rewriteFor={rewriteFor} />
    </div>
  );
}
