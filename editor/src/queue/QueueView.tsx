import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshCw } from 'lucide-react';
import { useEditorStore } from '../store/editor-store.js';
import { detectReplyMode, loadMoreQueue, loadQueue } from './queue-actions.js';
import { QueueRow } from './QueueRow.js';
import { ReplyBox } from './ReplyBox.js';
import './queue.css';

/** New users arrive while an agent works: the queue is read again this often. */
export const QUEUE_REFRESH_MS = 30_000;

/**
 * 「客服待回复」: the users waiting for a human, soonest window close first (the server's order),
 * beside the reply box of the one selected.
 */
export function QueueView() {
  const { t } = useTranslation();
  const queue = useEditorStore((s) => s.queue);
  const next = useEditorStore((s) => s.queueNext);
  const loading = useEditorStore((s) => s.queueLoading);
  const loaded = useEditorStore((s) => s.queueLoaded);
  const selected = useEditorStore((s) => s.queueSelected);
  const select = useEditorStore((s) => s.selectQueueUser);
  const selectedUser = queue.find((u) => u.openid === selected) ?? null;

  useEffect(() => {
    void loadQueue();
    void detectReplyMode();
    const timer = setInterval(() => void loadQueue(), QUEUE_REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div className="queue-view" data-testid="queue-view">
      <section className="queue-list-pane" aria-label={t('queue.title')}>
        <div className="toolbar">
          <strong>{t('queue.title')}</strong>
          {loaded ? (
            <span className="muted" data-testid="queue-count">
              {t('queue.count', { count: queue.length })}
              {next ? '+' : ''}
            </span>
          ) : null}
          <span className="spacer" />
          <button type="button" onClick={() => void loadQueue()} disabled={loading} data-testid="queue-refresh">
            <RefreshCw size={13} className="icon" /> {t('queue.refresh')}
          </button>
        </div>
        {!loaded ? (
          <div className="splash">{t('common.loading')}</div>
        ) : queue.length === 0 ? (
          <div className="empty" data-testid="queue-empty">
            <p>{t('queue.empty')}</p>
            <p className="hint">{t('queue.emptyHint')}</p>
          </div>
        ) : (
          <ul className="queue-list" data-testid="queue-list">
            {queue.map((user) => (
              <QueueRow key={user.openid} user={user} selected={user.openid === selected} onSelect={select} />
            ))}
          </ul>
        )}
        {next ? (
          <button
            type="button"
            className="queue-more"
            onClick={() => void loadMoreQueue()}
            disabled={loading}
            data-testid="queue-more"
          >
            {t('queue.more')}
          </button>
        ) : null}
      </section>
      <section className="queue-reply-pane">
        {selectedUser ? (
          <ReplyBox key={selectedUser.openid} user={selectedUser} />
        ) : (
          <div className="empty">{t('queue.pick')}</div>
        )}
      </section>
    </div>
  );
}
