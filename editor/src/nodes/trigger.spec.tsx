import { Zap } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { NodeSpec } from './node-spec.js';
import { TriggerPanel } from '../panels/TriggerPanel.js';

export const triggerSpec: NodeSpec<'trigger'> = {
  kind: 'trigger',
  label: 'kind.trigger',
  hint: 'kindHint.trigger',
  icon: Zap,
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
  Render: function TriggerRender({ data }) {
    const { t } = useTranslation();
    return (
      <>
        <div>{triggerSpec.summary(data, { t, groupName: () => undefined })}</div>
        {data.onlyIfUnmatched ? <div className="muted">{t('trigger.onlyIfUnmatched')}</div> : null}
      </>
    );
  },
  Panel: TriggerPanel,
};
