import { useTranslation } from 'react-i18next';
import type { LintReason } from '../api/documents-api.js';
import { describeReason } from './describe-reason.js';
import { highlightSegments } from './highlight-segments.js';

export interface HighlightedTextProps {
  text: string;
  reasons: readonly LintReason[];
  /** The evidence field the text is (`content` for a text reply). */
  field?: string;
  className?: string;
  testId?: string;
  label?: string;
}

/** A text with the words the checks object to marked, each mark titled with its reasons. */
export function HighlightedText({ text, reasons, field = 'content', className, testId, label }: HighlightedTextProps) {
  const { i18n } = useTranslation();
  const segments = highlightSegments(text, reasons, field);
  return (
    <div className={className} data-testid={testId} aria-label={label}>
      {segments.map((s, i) =>
        s.severity ? (
          <mark
            key={i}
            className={`mark-${s.severity}`}
            title={s.reasons.map((r) => describeReason(r, i18n.language)).join('\n')}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </div>
  );
}
