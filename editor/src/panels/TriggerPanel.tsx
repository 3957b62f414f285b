import { useTranslation } from 'react-i18next';
import { MESSAGE_TYPES, KNOWN_EVENTS } from '../../../rules-schema/index.js';
import type { NodePanelProps } from '../nodes/node-view.js';
import { ChipsInput } from '../keywords/ChipsInput.js';

type UserMessageType = Exclude<(typeof MESSAGE_TYPES)[number], 'event'>;
const USER_TYPES = MESSAGE_TYPES.filter((m): m is UserMessageType => m !== 'event');

/** When the flow starts: which messages, events and menu items, in plain choices. */
export function TriggerPanel({ data, onChange }: NodePanelProps<'trigger'>) {
  const { t } = useTranslation();
  const toggle = <T extends string>(list: readonly T[] | undefined, value: T): T[] =>
    list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return (
    <div className="panel-body">
      <fieldset>
        <legend>{t('trigger.messageTypes')}</legend>
        {USER_TYPES.map((m) => (
          <label key={m} className="check">
            <input
              type="checkbox"
              checked={data.messageTypes?.includes(m) ?? false}
              onChange={() => onChange({ ...data, messageTypes: toggle(data.messageTypes, m) })}
            />
            {t(`messageType.${m}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('trigger.events')}</legend>
        {KNOWN_EVENTS.map((ev) => (
          <label key={ev} className="check">
            <input
              type="checkbox"
              checked={data.events?.includes(ev) ?? false}
              onChange={() => onChange({ ...data, events: toggle(data.events, ev) })}
            />
            {t(`event.${ev}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('trigger.menuKeys')}</span>
        <ChipsInput
          values={data.menuKeys ?? []}
          onChange={(menuKeys) => onChange({ ...data, menuKeys })}
          label={t('trigger.menuKeys')}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={data.onlyIfUnmatched ?? false}
          onChange={(e) => onChange({ ...data, onlyIfUnmatched: e.target.checked })}
        />
        {t('trigger.onlyIfUnmatched')}
      </label>
      <p className="hint">{t('trigger.help')}</p>
    </div>
  );
}
