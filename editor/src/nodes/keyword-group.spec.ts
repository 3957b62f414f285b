import type { NodeSpec } from './node-spec.js';

export const keywordGroupSpec: NodeSpec<'keywordGroup'> = {
  kind: 'keywordGroup',
  label: 'kind.keywordGroup',
  hint: 'kindHint.keywordGroup',
  color: '#1565c0',
  defaults: () => ({ groupId: '' }),
  summary: (data, { t, groupName }) => groupName(data.groupId) ?? t('keywordGroup.none'),
};
