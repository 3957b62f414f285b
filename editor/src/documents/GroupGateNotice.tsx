import { useTranslation } from 'react-i18next';
import type { ApiErrorDetail } from '../api/api-error.js';

export interface GroupGateNoticeProps {
  /** The group gate's details: where the flow uses a group that is not live, and which. */
  details: ApiErrorDetail[];
  withGroups: boolean;
  onWithGroups: (on: boolean) => void;
}

/** Keyword groups the flow uses that are not live, and the choice to publish them with it. */
export function GroupGateNotice({ details, withGroups, onWithGroups }: GroupGateNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="gate" data-testid="group-gate">
      <p className="error">{t('publish.groups.intro')}</p>
      <ul className="gate-failures">
        {details.map((d) => (
          <li key={d.path}>{d.message}</li>
        ))}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={withGroups}
          onChange={(e) => onWithGroups(e.target.checked)}
          data-testid="publish-with-groups"
        />{' '}
        {t('publish.groups.withGroups')}
      </label>
    </div>
  );
}
