import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../rules-schema/index.js';
import { REPLY_TYPES } from '../../../rules-schema/index.js';
import { LintedText } from '../lint/LintedText.js';
import { useLiveLint } from '../lint/use-live-lint.js';
import { LintReasons } from '../lint/LintReasons.js';
import { applyRewrite } from '../lint/apply-rewrite.js';
import { startUndoStep } from '../lint/start-undo-step.js';
import { defaultReply, type ReplyType } from './reply-defaults.js';

export interface ReplyEditorProps {
  reply: Reply;
  onChange: (reply: Reply) => void;
}

/** One customer-service message of any §5 type, with plain fields for each. */
export function ReplyEditor({ reply, onChange }: ReplyEditorProps) {
  const { t } = useTranslation();
  return (
    <div className="reply-editor">
      <label className="field">
        <span>{t('reply.type')}</span>
        <select
          value={reply.type}
          onChange={(e) => onChange(defaultReply(e.target.value as ReplyType))}
          aria-label={t('reply.type')}
        >
          {REPLY_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`replyType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {reply.type === 'text' ? (
        <LintedText
          label={t('reply.content')}
          value={reply.content}
          onChange={(content) => onChange({ ...reply, content })}
        />
      ) : (
        <>
          <StructuredFields reply={reply} onChange={onChange} />
          <StructuredLint reply={reply} onChange={onChange} />
        </>
      )}
    </div>
  );
}

function StructuredLint({ reply, onChange }: ReplyEditorProps) {
  const lint = useLiveLint(reply);
  return (
    <LintReasons
      lint={lint}
      rewriteFor={(rewrite) => {
        const next = applyRewrite(reply, rewrite);
        return next
          ? () => {
              startUndoStep();
              onChange(next);
            }
          : undefined;
      }}
    />
  );
}

function Text({
  label,
  value,
  onChange,
  multiline,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string) => void;
  multiline?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      {multiline ? (
        <textarea rows={2} value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input value={value ?? ''} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

function StructuredFields({ reply, onChange }: ReplyEditorProps) {
  const { t } = useTranslation();
  switch (reply.type) {
    case 'text':
      return null;
    case 'image':
    case 'voice':
    case 'mpnews':
      return (
        <>
          <Text
            label={t('reply.mediaId')}
            value={reply.mediaId}
            onChange={(mediaId) => onChange({ ...reply, mediaId })}
          />
          <p className="hint">{t('reply.mediaHint')}</p>
        </>
      );
    case 'video':
      return (
        <>
          <Text
            label={t('reply.mediaId')}
            value={reply.mediaId}
            onChange={(mediaId) => onChange({ ...reply, mediaId })}
          />
          <Text label={t('reply.title')} value={reply.title} onChange={(title) => onChange({ ...reply, title })} />
          <Text
            label={t('reply.description')}
            value={reply.description}
            multiline
            onChange={(description) => onChange({ ...reply, description })}
          />
          <Text
            label={t('reply.thumbMediaId')}
            value={reply.thumbMediaId}
            onChange={(thumbMediaId) => onChange({ ...reply, thumbMediaId })}
          />
        </>
      );
    case 'news': {
      const a = reply.articles[0] ?? { title: '', url: '' };
      const set = (patch: Partial<typeof a>) => onChange({ ...reply, articles: [{ ...a, ...patch }] });
      return (
        <>
          <Text label={t('reply.title')} value={a.title} onChange={(title) => set({ title })} />
          <Text
            label={t('reply.description')}
            value={a.description}
            multiline
            onChange={(description) => set({ description })}
          />
          <Text label={t('reply.url')} value={a.url} onChange={(url) => set({ url })} />
          <Text label={t('reply.picUrl')} value={a.picUrl} onChange={(picUrl) => set({ picUrl })} />
          <p className="hint">{t('reply.newsHint')}</p>
        </>
      );
    }
    case 'miniprogrampage':
      return (
        <>
          <Text label={t('reply.title')} value={reply.title} onChange={(title) => onChange({ ...reply, title })} />
          <Text label={t('reply.appId')} value={reply.appId} onChange={(appId) => onChange({ ...reply, appId })} />
          <Text
            label={t('reply.pagePath')}
            value={reply.pagePath}
            onChange={(pagePath) => onChange({ ...reply, pagePath })}
          />
          <Text
            label={t('reply.thumbMediaId')}
            value={reply.thumbMediaId}
            onChange={(thumbMediaId) => onChange({ ...reply, thumbMediaId })}
          />
        </>
      );
    case 'msgmenu':
      return (
        <>
          <Text
            label={t('reply.headContent')}
            value={reply.headContent}
            multiline
            onChange={(headContent) => onChange({ ...reply, headContent })}
          />
          <fieldset>
            <legend>{t('reply.menuItems')}</legend>
            {reply.items.map((item, i) => (
              <div key={i} className="row">
                <input
                  aria-label={t('reply.menuItem', { n: i + 1 })}
                  value={item.content}
                  onChange={(e) =>
                    onChange({
                      ...reply,
                      items: reply.items.map((x, j) => (j === i ? { ...x, content: e.target.value } : x)),
                    })
                  }
                />
                <button
                  type="button"
                  className="small danger"
                  disabled={reply.items.length <= 1}
                  onClick={() => onChange({ ...reply, items: reply.items.filter((_, j) => j !== i) })}
                >
                  <X size={13} />
                </button>
              </div>
            ))}
            <button
              type="button"
              className="small"
              onClick={() =>
                onChange({
                  ...reply,
                  items: [
                    ...reply.items,
                    { id: String(Math.max(0, ...reply.items.map((x) => Number(x.id) || 0)) + 1), content: '' },
                  ],
                })
              }
            >
              + {t('reply.addMenuItem')}
            </button>
          </fieldset>
          <Text
            label={t('reply.tailContent')}
            value={reply.tailContent}
            multiline
            onChange={(tailContent) => onChange({ ...reply, tailContent })}
          />
        </>
      );
  }
}
