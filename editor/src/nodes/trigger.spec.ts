import type { NodeSpec } from './node-spec.js';

export const triggerSpec: NodeSpec<'trigger'> = {
  kind: 'trigger',
  label: 'kind.trigger',
  hint: 'kindHint.trigger',
  color: '#2f7d32',
  defaults: () => ({ messageTypes: ['text'] }),
  summary: (data, { t }) => {
    const parts = [
      ...(data.messageTypes ?? []).map((m) => t(`messageType.${m}`)),
      ...(data.events ?? []).map((e) => t(`event.${e}`, { defaultValue: e })),
      ...(data.menuKeys ?? []).map((k) => `${t('trigger.menuKey')} ${k}`),
    ];
    return parts.length ? parts.join('、') : t('trigger.any');
  },
};
