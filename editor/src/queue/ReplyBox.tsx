import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageCircleQuestion, Send } from 'lucide-react';
import type { AwaitingUser, SendResult } from '../api/conversations-api.js';
import type { ReplyStepResult } from '../api/sandbox-api.js';
import { LintedText } from '../lint/LintedText.js';
import { LintReasons } from '../lint/LintReasons.js';
import { sendableLeft } from '../sandbox/sendable-left.js';
import { useEditorStore } from '../store/editor-store.js';
import { useTickingNow } from './use-ticking-now.js';
import { DeadlineCountdown } from './DeadlineCountdown.js';
import { messageText } from './message-text.js';
import { submitReply } from './queue-actions.js';

/** Roles the reply routes accept (CONTRACT §2): the others may look at the queue only. */
const REPLYING_ROLES = new Set(['admin', 'runtime']);

/**
 * Answering one waiting user: their last messages, the reply box with the live compliance check
 * the canvas uses, the agent's name, and 「发送」 (or 「记录为已回复」 when no WeChat account is
 * connected). A blocked reply stays here with its reasons; a committed one takes the user out
 * of the queue.
 */
export function ReplyBox({ user }: { user: AwaitingUser }) {
  const { t } = useTranslation();
  const agentId = useId();
  const draft = useEditorStore((s) => s.queueDrafts[user.openid] ?? '');
  const setDraft = useEditorStore((s) => s.setQueueDraft);
  const agent = useEditorStore((s) => s.agentName);
  const setAgent = useEditorStore((s) => s.setAgentName);
  const mode = useEditorStore((s) => s.replyMode);
  const role = useEditorStore((s) => s.me?.role ?? 'viewer');
  // The policy's follow-up question, suggested in the window's last stretch (from the server's `followUp.from`).
  const followUp = user.followUp ?? null;
  const followUpDue = useTickingNow((now) => followUp !== null && now >= Date.parse(followUp.from));
  const [outcome, setOutcome] = useState<ReplyStepResult | SendResult | null>(null);
  const [sending, setSending] = useState(false);
  const mayReply = REPLYING_ROLES.has(role);
  const ready = mayReply && agent.trim() !== '' && draft.trim() !== '' && !sending;

  const edit = (text: string) => {
    setDraft(user.openid, text);
    // The verdict belonged to the text that was submitted.
    setOutcome(null);
  };
  const suggestFollowUp = () => {
    if (!followUp || draft.includes(followUp.text)) return;
    edit(draft.trim() ? `${draft.trimEnd()}${followUp.text}` : followUp.text);
  };
  const submit = async () => {
    setSending(true);
    const result = await submitReply(user, draft, agent.trim());
    // Committed: the queue was read again and this box is gone; otherwise show why not.
    setSending(false);
    setOutcome(result && !result.committed ? result : null);
  };

  return (
    <div className="reply-box" data-testid="reply-box" data-openid={user.openid}>
      <div className="queue-row-head">
        <strong>{user.nickname ?? user.openid}</strong>
        {user.nickname ? <span className="muted small-code">{user.openid}</span> : null}
        {user.handoff ? <span className="queue-badge handoff">{t('queue.handoff')}</span> : null}
        <span className="spacer" />
        <DeadlineCountdown deadline={user.deadline} />
        <span
          className="quota"
          title={t('sandbox.window.quotaWhy', {
            platform: user.window.quota.left,
            etiquette: Math.max(
              0,
              user.window.counters.maxRepliesPerInteraction - user.window.counters.repliesSinceInteraction,
            ),
          })}
        >
          {t('sandbox.window.quota', { count: sendableLeft(user.window, user.window.counters) })}
        </span>
      </div>
      <h4>{t('queue.lastMessages')}</h4>
      <ul className="queue-messages full" data-testid="reply-box-messages">
        {user.lastMessages.map((m, i) => (
          <li key={m.msgId ?? i}>{messageText(m, t)}</li>
        ))}
      </ul>

      <div className="field">
        <label htmlFor={agentId}>{t('queue.agent')}</label>
        <input
          id={agentId}
          value={agent}
          maxLength={64}
          onChange={(e) => setAgent(e.target.value)}
          data-testid="agent-name"
        />
        <span className="hint">{t('queue.agentHint')}</span>
      </div>

      <LintedText label={t('queue.replyLabel')} value={draft} onChange={edit} testId="queue-reply-text" />

      {followUp && followUpDue ? (
        <div className="queue-follow-up">
          <button type="button" className="small" onClick={suggestFollowUp} data-testid="suggest-follow-up">
            <MessageCircleQuestion size={13} className="icon" /> {t('queue.followUp', { text: followUp.text })}
          </button>
          <span className="hint">{t('queue.followUpHint')}</span>
        </div>
      ) : null}

      {!mayReply ? (
        <p className="hint" data-testid="reply-read-only">
          {t('queue.readOnly', { role: t(`role.${role}`, { defaultValue: role }) })}
        </p>
      ) : null}
      {mayReply && mode === 'record' ? (
        <p className="hint" data-testid="record-why">
          {t('queue.recordWhy')}
        </p>
      ) : null}
      <div className="row">
        <button
          type="button"
          className="primary"
          disabled={!ready}
          onClick={() => void submit()}
          data-testid="reply-submit"
        >
          <Send size={13} className="icon" />{' '}
          {sending ? t('queue.sending') : t(mode === 'record' ? 'queue.record' : 'queue.send')}
        </button>
        {mayReply && !agent.trim() ? <span className="hint">{t('queue.agentMissing')}</span> : null}
      </div>

      {outcome ? (
        <div className="reply-outcome" data-testid="reply-outcome" data-verdict={outcome.verdict}>
          <p>{t('queue.notSent')}</p>
          {'errcode' in outcome && outcome.errcode != null ? (
            <p className="error">
              {t('queue.platformRefused', { errcode: outcome.errcode, errmsg: outcome.errmsg ?? '' })}
            </p>
          ) : null}
          <LintReasons lint={{ result: outcome, pending: false, failed: false }} />
        </div>
      ) : null}
    </div>
  );
}
