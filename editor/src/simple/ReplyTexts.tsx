import { useTranslation } from 'react-i18next';
import type { Flow, Reply } from '../../../rules-schema/index.js';
import { CONSOLE_LIMITS } from '../../../rules-schema/console-auto-reply.js';
import { LintedText } from '../lint/LintedText.js';
import { useEditorStore } from '../store/editor-store.js';

export interface ReplyTextsProps {
  flow: Flow;
  replyNodeId: string;
  /** True only for the open flow: its reply node is the canvas's, edited through the store. */
  editable: boolean;
}

/**
 * The messages of one reply node. Text replies are edited in place with the live compliance
 * check; other kinds (图片, 图文, 小程序 …) are named and left to the canvas.
 */
export function ReplyTexts({ flow, replyNodeId, editable }: ReplyTextsProps) {
  const { t } = useTranslation();
  const node = flow.nodes.find((n) => n.id === replyNodeId);
  if (node?.type !== 'reply') return null;
  const { data } = node;
  const setText = (i: number, content: string) =>
    useEditorStore.getState().updateNodeData(replyNodeId, {
      ...data,
      replies: data.replies.map((r, j): Reply => (j === i && r.type === 'text' ? { ...r, content } : r)),
    });
  return (
    <div className="simple-replies">
      {data.replies.map((reply, i) => {
        const label = data.replies.length > 1 ? t('simple.replyN', { n: i + 1 }) : t('simple.reply');
        if (reply.type !== 'text') {
          return (
            <p key={i} className="hint" data-testid="simple-reply-other">
              {label}：
              {t('simple.otherReply', { type: t(`simple.replyType.${reply.type}`, { defaultValue: reply.type }) })}
            </p>
          );
        }
        if (!editable) {
          return (
            <p key={i} className="simple-reply-text" data-testid="simple-reply-readonly">
              {reply.content}
            </p>
          );
        }
        return (
          <div key={i}>
            <LintedText
              label={label}
              value={reply.content}
              onChange={(content) => setText(i, content)}
              testId="simple-reply-text"
              rows={3}
            />
            {[...reply.content].length > CONSOLE_LIMITS.replyLength ? (
              <p className="hint warn">{t('simple.replyTooLong', { max: CONSOLE_LIMITS.replyLength })}</p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
