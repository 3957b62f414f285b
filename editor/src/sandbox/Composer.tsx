import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SandboxStep } from '../../../rules-schema/index.js';
import { LintedText } from '../lint/LintedText.js';
import { useEditorStore } from '../store/editor-store.js';

/** What the operator can do next in the simulator: user messages, user events, an agent reply. */
export type ComposeKind =
  | 'text'
  | 'image'
  | 'location'
  | 'link'
  | 'subscribe'
  | 'SCAN'
  | 'CLICK'
  | 'VIEW'
  | 'LOCATION'
  | 'unsubscribe'
  | 'reply';
const KINDS: ComposeKind[] = [
  'text',
  'image',
  'location',
  'link',
  'subscribe',
  'SCAN',
  'CLICK',
  'VIEW',
  'LOCATION',
  'unsubscribe',
  'reply',
];

/** What is typed in the composer's fields; coordinates as typed, parsed when the step is built. */
export interface ComposeInput {
  text: string;
  key: string;
  reply: string;
  url?: string;
  title?: string;
  description?: string;
  label?: string;
  latitude?: string;
  longitude?: string;
}

/**
 * A sandbox image carries no real media: these stand in for the `MediaId`/`PicUrl` WeChat
 * pushes, so the message counts as the user sending one (it opens the 48 h window).
 */
export const PLACEHOLDER_IMAGE = {
  mediaId: 'SANDBOX_MEDIA_ID',
  picUrl: 'https://mmbiz.qpic.cn/sandbox/placeholder.jpg',
} as const;
/** People's Square, Shanghai: a readable default place for location messages and events. */
const DEFAULT_PLACE = { label: '上海市黄浦区人民广场', latitude: '31.2304', longitude: '121.4737' };

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
  const [place, setPlace] = useState(DEFAULT_PLACE);
  const [link, setLink] = useState({ title: '', description: '', url: '' });
  const [viewUrl, setViewUrl] = useState('');
  const step = buildStep(kind, activeUser, {
    text,
    key,
    reply,
    ...place,
    ...link,
    url: kind === 'VIEW' ? viewUrl : link.url,
  });
  const send = () => {
    if (!step) return;
    onStep(step);
    if (kind === 'text') setText('');
    if (kind === 'reply') setReply('');
  };
  return (
    <div className="composer" data-testid="composer">
      <div className="row">
        <span className="muted">
          {kind === 'reply'
            ? t('sandbox.compose.toUser', { who: nickname || activeUser })
            : t('sandbox.compose.asUser', { who: nickname || activeUser })}
        </span>
        <span className="spacer" />
        <select
          value={kind}
          onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? 'text')}
          aria-label={t('sandbox.compose.kind')}
          data-testid="compose-kind"
        >
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
      {kind === 'CLICK' || kind === 'SCAN' ? (
        <input
          value={key}
          placeholder={kind === 'CLICK' ? 'FAQ' : '123'}
          onChange={(e) => setKey(e.target.value)}
          aria-label={t(kind === 'CLICK' ? 'sandbox.compose.menuKey' : 'sandbox.compose.sceneKey')}
          data-testid="compose-key"
          className="wide"
        />
      ) : null}
      {kind === 'VIEW' ? (
        <input
          value={viewUrl}
          placeholder="https://"
          onChange={(e) => setViewUrl(e.target.value)}
          aria-label={t('sandbox.compose.viewUrl')}
          data-testid="compose-view-url"
          className="wide"
        />
      ) : null}
      {kind === 'location' ? (
        <input
          value={place.label}
          onChange={(e) => setPlace({ ...place, label: e.target.value })}
          aria-label={t('sandbox.compose.placeLabel')}
          className="wide"
        />
      ) : null}
      {kind === 'location' || kind === 'LOCATION' ? (
        <div className="row">
          <input
            value={place.latitude}
            inputMode="decimal"
            onChange={(e) => setPlace({ ...place, latitude: e.target.value })}
            aria-label={t('sandbox.compose.latitude')}
          />
          <input
            value={place.longitude}
            inputMode="decimal"
            onChange={(e) => setPlace({ ...place, longitude: e.target.value })}
            aria-label={t('sandbox.compose.longitude')}
          />
        </div>
      ) : null}
      {kind === 'link' ? (
        <>
          <input
            value={link.title}
            onChange={(e) => setLink({ ...link, title: e.target.value })}
            aria-label={t('sandbox.compose.linkTitle')}
            className="wide"
          />
          <input
            value={link.description}
            onChange={(e) => setLink({ ...link, description: e.target.value })}
            aria-label={t('sandbox.compose.linkDescription')}
            className="wide"
          />
          <input
            value={link.url}
            placeholder="https://"
            onChange={(e) => setLink({ ...link, url: e.target.value })}
            aria-label={t('sandbox.compose.linkUrl')}
            className="wide"
          />
        </>
      ) : null}
      {kind === 'image' ? <p className="hint">{t('sandbox.compose.imageHint')}</p> : null}
      {kind === 'VIEW' || kind === 'LOCATION' ? <p className="hint">{t('sandbox.compose.noGrantHint')}</p> : null}
      {kind === 'reply' ? (
        <LintedText
          label={t('sandbox.compose.reply')}
          value={reply}
          onChange={setReply}
          testId="compose-reply"
          rows={2}
        />
      ) : null}
      <div className="row end">
        <button type="button" className="primary" disabled={!step} onClick={send} data-testid="compose-send">
          {kind === 'reply' ? t('sandbox.compose.sendReply') : t('sandbox.compose.send')}
        </button>
      </div>
    </div>
  );
}

/** The step for what is typed, or null while it is incomplete. */
export function buildStep(kind: ComposeKind, from: string, input: ComposeInput): SandboxStep | null {
  const key = input.key.trim();
  const url = input.url?.trim() ?? '';
  switch (kind) {
    case 'text':
      return input.text.trim() ? { inbound: { from, type: 'text', content: input.text.trim() } } : null;
    case 'image':
      return { inbound: { from, type: 'image', ...PLACEHOLDER_IMAGE } };
    case 'location': {
      const at = coordinates(input);
      const label = input.label?.trim();
      return at ? { inbound: { from, type: 'location', ...at, ...(label ? { label } : {}) } } : null;
    }
    case 'link': {
      const title = input.title?.trim() ?? '';
      const description = input.description?.trim();
      return title && url
        ? { inbound: { from, type: 'link', title, ...(description ? { description } : {}), url } }
        : null;
    }
    case 'CLICK':
    case 'SCAN':
      return key ? { inbound: { from, type: 'event', event: kind, eventKey: key } } : null;
    case 'VIEW':
      // WeChat pushes the page's URL as the VIEW event's EventKey.
      return url ? { inbound: { from, type: 'event', event: 'VIEW', eventKey: url } } : null;
    case 'LOCATION': {
      const at = coordinates(input);
      return at ? { inbound: { from, type: 'event', event: 'LOCATION', ...at } } : null;
    }
    case 'reply':
      return input.reply.trim() ? { reply: { type: 'text', content: input.reply }, to: from, commit: true } : null;
    default:
      return { inbound: { from, type: 'event', event: kind } };
  }
}

/** Latitude and longitude as typed, or null unless both are numbers in range. */
function coordinates(input: ComposeInput): { latitude: number; longitude: number } | null {
  const latitude = Number(input.latitude?.trim() || NaN);
  const longitude = Number(input.longitude?.trim() || NaN);
  if (!(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) return null;
  return { latitude, longitude };
}
