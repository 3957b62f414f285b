import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { CONDITION_FACTS, type FlowCondition } from '../../../rules-schema/index.js';
import type { NodePanelProps } from '../nodes/node-view.js';
import { useEditorStore } from '../store/editor-store.js';
import { FACT_CHOICES, defaultCondition, type Fact, type Operator } from './condition-choices.js';

/** Conditions as plain choices: what to test, how, and against what; never raw JSON. */
export function ConditionPanel({ data, onChange }: NodePanelProps<'condition'>) {
  const { t } = useTranslation();
  const setAt = (i: number, c: FlowCondition) =>
    onChange({ ...data, conditions: data.conditions.map((x, j) => (j === i ? c : x)) });
  return (
    <div className="panel-body">
      {data.conditions.length > 1 ? (
        <fieldset className="inline">
          <legend>{t('condition.match.label')}</legend>
          {(['all', 'any'] as const).map((m) => (
            <label key={m} className="check">
              <input
                type="radio"
                name="condition-match"
                checked={(data.match ?? 'all') === m}
                onChange={() => onChange({ ...data, match: m })}
              />
              {t(`condition.match.${m}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {data.conditions.map((c, i) => (
        <ConditionRow
          key={i}
          index={i}
          condition={c}
          onChange={(next) => setAt(i, next)}
          onRemove={
            data.conditions.length > 1
              ? () => onChange({ ...data, conditions: data.conditions.filter((_, j) => j !== i) })
              : undefined
          }
        />
      ))}
      <button
        type="button"
        disabled={data.conditions.length >= 20}
        onClick={() =>
          onChange({ ...data, conditions: [...data.conditions, defaultCondition('repliesSinceInteraction')] })
        }
      >
        + {t('condition.add')}
      </button>
      <p className="hint">{t('condition.help')}</p>
    </div>
  );
}

interface RowProps {
  index: number;
  condition: FlowCondition;
  onChange: (c: FlowCondition) => void;
  onRemove: (() => void) | undefined;
}

function ConditionRow({ index, condition: c, onChange, onRemove }: RowProps) {
  const { t } = useTranslation();
  const groups = useEditorStore((s) => s.groups);
  const choice = FACT_CHOICES[c.fact];
  return (
    <div className="condition-row" data-testid={`condition-${index}`}>
      <select
        aria-label={t('condition.fact')}
        value={c.fact}
        onChange={(e) => onChange(defaultCondition(e.target.value as Fact))}
      >
        {CONDITION_FACTS.map((f) => (
          <option key={f} value={f}>
            {t(`fact.${f}`)}
          </option>
        ))}
      </select>
      {c.fact === 'topicCount' ? (
        <select
          aria-label={t('condition.topic')}
          value={c.topic ?? ''}
          onChange={(e) => onChange({ ...c, topic: e.target.value })}
        >
          <option value="">{t('condition.pickTopic')}</option>
          {Object.values(groups).map((g) => (
            <option key={g.doc.id} value={g.doc.id}>
              {g.doc.name}
            </option>
          ))}
        </select>
      ) : null}
      {c.fact === 'preference' ? (
        <input
          aria-label={t('condition.preferenceKey')}
          placeholder={t('condition.preferenceKey')}
          maxLength={30}
          value={c.key ?? ''}
          onChange={(e) => onChange({ ...c, key: e.target.value })}
        />
      ) : null}
      {choice.operators.length > 1 ? (
        <select
          aria-label={t('condition.operator')}
          value={c.operator}
          onChange={(e) => onChange({ ...c, operator: e.target.value as Operator })}
        >
          {choice.operators.map((op) => (
            <option key={op} value={op}>
              {t(`operator.${op}`)}
            </option>
          ))}
        </select>
      ) : null}
      <ValueInput condition={c} onChange={onChange} />
      {onRemove ? (
        <button type="button" className="small danger" onClick={onRemove} aria-label={t('common.remove')}>
          <X size={13} />
        </button>
      ) : null}
    </div>
  );
}

function ValueInput({ condition: c, onChange }: { condition: FlowCondition; onChange: (c: FlowCondition) => void }) {
  const { t } = useTranslation();
  const choice = FACT_CHOICES[c.fact];
  switch (choice.value) {
    case 'number':
      return (
        <input
          type="number"
          min={0}
          aria-label={t('condition.value')}
          value={typeof c.value === 'number' ? c.value : 0}
          onChange={(e) => onChange({ ...c, value: Number(e.target.value) })}
        />
      );
    case 'boolean':
      return (
        <select
          aria-label={t('condition.value')}
          value={c.value === true ? 'yes' : 'no'}
          onChange={(e) => onChange({ ...c, value: e.target.value === 'yes' })}
        >
          <option value="yes">{t(c.fact === 'withinBusinessHours' ? 'condition.inHours' : 'common.yes')}</option>
          <option value="no">{t(c.fact === 'withinBusinessHours' ? 'condition.outOfHours' : 'common.no')}</option>
        </select>
      );
    case 'choice':
      return (
        <select
          aria-label={t('condition.value')}
          value={String(c.value)}
          onChange={(e) => onChange({ ...c, value: e.target.value })}
        >
          {(choice.choices ?? []).map((v) => (
            <option key={v} value={v}>
              {c.fact === 'messageType' ? t(`messageType.${v}`) : t(`conditionValue.${c.fact}.${v}`)}
            </option>
          ))}
        </select>
      );
    case 'text':
      return (
        <input
          aria-label={t('condition.value')}
          value={String(c.value)}
          onChange={(e) => onChange({ ...c, value: e.target.value })}
        />
      );
  }
}
