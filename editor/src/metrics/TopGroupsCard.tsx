import { useTranslation } from 'react-i18next';
import type { MetricsResponse } from '../../../rules-schema/index.js';

/** 热门关键词组: the groups users' messages matched most, with their message counts. */
export function TopGroupsCard({ groups }: { groups: MetricsResponse['topGroups'] }) {
  const { t } = useTranslation();
  return (
    <section className="metric-card wide" data-testid="metric-top-groups" aria-label={t('metrics.topGroups')}>
      <h3>{t('metrics.topGroups')}</h3>
      {groups.length === 0 ? (
        <div className="metric-detail">{t('metrics.none')}</div>
      ) : (
        <ol className="metric-list">
          {groups.map((g) => (
            <li key={g.group}>
              <span>{g.group}</span>
              <strong>{t('metrics.messages', { count: g.messages })}</strong>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
