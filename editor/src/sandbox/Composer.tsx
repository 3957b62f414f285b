import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxStep } from '../../../rules-schema/index.js';
import { LintedText } from '../lint/LintedText.js';
import { useEditorStore } from '../store/editor-store.js';

/** What the operator can do next in the simulator. */
export type ComposeKind = 'text' | 'subscribe' | 'CLICK' | 'unsubscribe' | 'reply';
const KINDS: ComposeKind[] = ['text', 'subscribe', 'CLICK', 'unsubscribe', 'reply'];

/**
 * Builds the next step: the active user sends a message or an event, or the agent types a
 * reply to them (checked live as it is typed, then sent and counted).
 */
export function Composer({ onStep }: { onStep: (step: SandboxStep) => void }) {
  const { t } = useTranslation();
  const activeUser = useEditorStore((s) => s.activeUser);
  const nickname = useEditorStore((s) => s.session.users[s.activeUser]?.nickname?.trim());
  const [kind, setKind] = useState<ComposeKind>('text');
  const [text, setText] = useState('');
  const [key, setKey] = useState('');
  const [reply, setReply] = useState('');
  const step = buildStep(kind, activeUser, { text, key, reply });
  const send = () => {
    if (!step) return;
    onStep(step);
    if (kind === 'text') setText('');
    if (kind === 'reply') setReply('');
  };
  return (
    <div className="composer" data-testid="composer">
      <div className="row">
        <span className="muted">{kind === 'reply' ? t('sandbox.compose.toUser', { who: nickname || activeUser }) : t('sandbox.compose.asUser', { who: nickname || activeUser })}</span>
        <span className="spacer" />
        <select value={kind} onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'text')} aria-label={t('sandbox.compose.kind')} data-testid="compose-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`sandbox.compose.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'text' ? (
        <input
          value={text}
          placeholder={t('sandbox.compose.textPlaceholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && !e.nativeEvent.isComposing && send()}
          aria-label={t('sandbox.compose.text')}
          data-testid="compose-text"
          className="wide"
        />
      ) : null}
      {kind === 'CLICK' ? <input value={key} placeholder="FAQ" onChange={(e) => setKey(e.target.value)} aria-label={t('sandbox.compose.menuKey')} className="wide" /> : null}
      {kind === 'reply' ? <LintedText label={t('sandbox.compose.reply')} value={reply} onChange={setReply} testId="compose-reply" rows={2} /> : null}
      <div className="row end">
        <button type="button" className="primary" disabled={!step} onClick={send} data-testid="compose-send">
          {kind === 'reply' ? t('sandbox.compose.sendReply') : t('sandbox.compose.send')}
        </button>
      </div>
    </div>
  );
}

/** The step for what is typed, or null while it is incomplete. */
export function buildStep(kind: ComposeKind, from: string, input: { text: string; key: string; reply: string }): SandboxStep | null {
  switch (kind) {
    case 'text':
      return input.text.trim() ? { inbound: { from, type: 'text', content: input.text.trim() } } : null;
    case 'CLICK':
      return input.key.trim() ? { inbound: { from, type: 'event', event: 'CLICK', eventKey: input.key.trim() } } : null;
    case 'reply':
      return input.reply.trim() ? { reply: { type: 'text', content: input.reply }, to: from, commit: true } : null;
    default:
      return { inbound: { from, type: 'event', event: kind } };
  }
}
