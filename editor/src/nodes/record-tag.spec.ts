import type { NodeSpec } from './node-spec.js';

export const recordTagSpec: NodeSpec<'recordTag'> = {
  kind: 'recordTag',
  label: 'kind.recordTag',
  hint: 'kindHint.recordTag',
  color: '#00838f',
  defaults: () => ({ tags: ['咨询'] }),
  summary: (data, { t }) => t('recordTag.summary', { tags: data.tags.join('、') }),
};
