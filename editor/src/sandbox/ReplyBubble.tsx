import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../rules-schema/index.js';
import type { LintReason } from '../api/documents-api.js';
import type { Verdict } from '../api/sandbox-api.js';
import { HighlightedText } from '../lint/HighlightedText.js';
import { LintReasons } from '../lint/LintReasons.js';
import { summarizeReply } from '../panels/reply-defaults.js';

export interface ReplyBubbleProps {
  reply: Reply;
  verdict: Verdict;
  reasons: LintReason[];
  committed: boolean;
  /** Who sends it: the automatic flow or the agent typing in the panel. */
  by: 'bot' | 'agent';
}

/** One message the account sends, as a chat bubble: evidence marked in the text, the verdict and each reason below. */
export function ReplyBubble({ reply, verdict, reasons, committed, by }: ReplyBubbleProps) {
  const { t } = useTranslation();
  return (
    <div
      className={`bubble-row out ${by}`}
      data-testid="reply-bubble"
      data-verdict={verdict}
      data-committed={committed}
    >
      <div className={`bubble bubble-out verdict-${verdict}${committed ? '' : ' not-sent'}`}>
        <div className="bubble-by muted">{t(`sandbox.by.${by}`)}</div>
        {reply.type === 'text' ? (
          <HighlightedText className="bubble-text" text={reply.content} reasons={reasons} />
        ) : (
          <div className="bubble-text">{summarizeReply(reply, t)}</div>
        )}
        <div className="bubble-status">{committed ? t('sandbox.sent') : t('sandbox.notSent')}</div>
      </div>
      <LintReasons lint={{ result: { verdict, reasons }, pending: false, failed: false }} />
    </div>
  );
}
