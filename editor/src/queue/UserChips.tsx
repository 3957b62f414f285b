import { useTranslation } from 'react-i18next';

/** What the user asked about (keyword groups matched, with how often), their tags and preferences. */
export function UserChips({
  topics,
  tags,
  preferences,
}: {
  topics: Record<string, number>;
  tags: string[];
  preferences: Record<string, string>;
}) {
  const { t } = useTranslation();
  const topicList = Object.entries(topics).sort((a, b) => b[1] - a[1]);
  const preferenceList = Object.entries(preferences);
  if (topicList.length === 0 && tags.length === 0 && preferenceList.length === 0) return null;
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
      {preferenceList.map(([key, value]) => (
        <span
          key={`p-${key}`}
          className="queue-chip preference"
          title={t('queue.preferences')}
          data-testid="queue-preference"
        >
          {t('queue.preference', { key, value })}
        </span>
      ))}
    </div>
  );
}
