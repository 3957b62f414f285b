import type { NodeSpec } from './node-spec.js';

export const recordPreferenceSpec: NodeSpec<'recordPreference'> = {
  kind: 'recordPreference',
  label: 'kind.recordPreference',
  hint: 'kindHint.recordPreference',
  color: '#6a1b9a',
  defaults: () => ({ key: '关注领域', value: '护肤成分' }),
  summary: (data, { t }) => t('recordPreference.summary', { key: data.key, value: data.value }),
};
