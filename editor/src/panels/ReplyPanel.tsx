import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../rules-schema/index.js';
import type { NodePanelProps } from '../nodes/node-view.js';
import { ReplyEditor } from './ReplyEditor.js';
import { defaultReply } from './reply-defaults.js';

const MAX_REPLIES = 5;

/** The messages a reply node sends: all in order, or one picked at random. */
export function ReplyPanel({ data, onChange }: NodePanelProps<'reply'>) {
  const { t } = useTranslation();
  const setReply = (i: number, reply: Reply) =>
    onChange({ ...data, replies: data.replies.map((r, j) => (j === i ? reply : r)) });
  const remove = (i: number) => onChange({ ...data, replies: data.replies.filter((_, j) => j !== i) });
  const move = (i: number, by: number) => {
    const list = [...data.replies];
    const [item] = list.splice(i, 1);
    if (!item) return;
    list.splice(i + by, 0, item);
    onChange({ ...data, replies: list });
  };
  return (
    <div className="panel-body">
      <fieldset className="inline">
        <legend>{t('reply.mode.label')}</legend>
        {(['all', 'random'] as const).map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name="reply-mode"
              checked={(data.mode ?? 'all') === m}
              onChange={() => onChange({ ...data, mode: m })}
            />
            {t(`reply.mode.${m}`)}
          </label>
        ))}
      </fieldset>
      {data.replies.map((reply, i) => (
        <section key={i} className="reply-card" data-testid={`reply-${i}`}>
          <header>
            <span>{t('reply.number', { n: i + 1 })}</span>
            <span className="spacer" />
            <button
              type="button"
              className="small"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={t('common.moveUp')}
            >
              <ArrowUp size={13} />
            </button>
            <button
              type="button"
              className="small"
              disabled={i === data.replies.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('common.moveDown')}
            >
              <ArrowDown size={13} />
            </button>
            <button
              type="button"
              className="small danger"
              disabled={data.replies.length <= 1}
              onClick={() => remove(i)}
            >
              {t('common.remove')}
            </button>
          </header>
          <ReplyEditor reply={reply} onChange={(r) => setReply(i, r)} />
        </section>
      ))}
      <button
        type="button"
        disabled={data.replies.length >= MAX_REPLIES}
        onClick={() => onChange({ ...data, replies: [...data.replies, defaultReply('text')] })}
      >
        + {t('reply.add')}
      </button>
      {data.mode !== 'random' && data.replies.length > 1 ? (
        <p className="hint">{t('reply.costHint', { n: data.replies.length })}</p>
      ) : null}
    </div>
  );
}
