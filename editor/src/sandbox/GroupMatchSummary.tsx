import { useTranslation } from 'react-i18next';
import type { GroupMatchView } from '../../../rules-schema/index.js';

/**
 * 匹配到：退款（采用）、物流 — the groups a message matched and the ones that answered; shown
 * only when more than one group matched (one group is already the step's match line).
 */
export function GroupMatchSummary({ groupMatches }: { groupMatches: readonly GroupMatchView[] }) {
  const { t } = useTranslation();
  const groups = byGroup(groupMatches);
  if (groups.length < 2) return null;
  const list = groups
    .map((g) => (g.won ? t('sandbox.groupWon', { group: g.group }) : g.group))
    .join(t('sandbox.listSeparator'));
  return (
    <div className="match-line muted" data-testid="group-matches">
      {t('sandbox.groupMatches', { list })}
    </div>
  );
}

/** One entry per group, in the order matched: a group that answered in any flow counts as used. */
function byGroup(matches: readonly GroupMatchView[]): Array<{ group: string; won: boolean }> {
  const groups = new Map<string, { group: string; won: boolean }>();
  for (const m of matches) {
    const seen = groups.get(m.groupId);
    if (seen) seen.won ||= m.won;
    else groups.set(m.groupId, { group: m.group, won: m.won });
  }
  return [...groups.values()];
}
