import { useTranslation } from 'react-i18next';

/** What the user asked about (keyword groups matched, with how often) and their tags. */
export function UserChips({ topics, tags }: { topics: Record<string, number>; tags: string[] }) {
  const { t } = useTranslation();
  const topicList = Object.entries(topics).sort((a, b) => b[1] - a[1]);
  if (topicList.length === 0 && tags.length === 0) return null;
  return (
    <div className="queue-chips">
      {topicList.map(([topic, count]) => (
        <span key={`t-${topic}`} className="queue-chip topic" title={t('queue.topics')} data-testid="queue-topic">
          {count > 1 ? t('queue.topicCount', { topic, count }) : topic}
        </span>
      ))}
      {tags.map((tag) => (
        <span key={`g-${tag}`} className="queue-chip tag" title={t('queue.tags')} data-testid="queue-tag">
          #{tag}
        </span>
      ))}
    </div>
  );
}
