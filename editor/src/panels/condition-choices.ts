import type { TFunction } from 'i18next';
import type { FlowCondition } from '../../../rules-schema/index.js';
import { MESSAGE_TYPES } from '../../../rules-schema/index.js';

export type Fact = FlowCondition['fact'];
export type Operator = FlowCondition['operator'];
export type ValueKind = 'number' | 'boolean' | 'choice' | 'text';

export interface FactChoice {
  operators: readonly [Operator, ...Operator[]];
  value: ValueKind;
  /** For `choice` values: the allowed values (labels under `conditionValue.<fact>.<v>`). */
  choices?: readonly string[];
  defaultValue: FlowCondition['value'];
}

const NUMBER_OPS = ['lessThan', 'lessThanInclusive', 'equal', 'greaterThanInclusive', 'greaterThan'] as const;

/** For each fact, the plain operators and the kind of value an operator picks from. */
export const FACT_CHOICES: Record<Fact, FactChoice> = {
  windowState: {
    operators: ['equal', 'notEqual'],
    value: 'choice',
    choices: ['open', 'closing', 'expired', 'none', 'unsubscribed'],
    defaultValue: 'open',
  },
  repliesSinceInteraction: { operators: NUMBER_OPS, value: 'number', defaultValue: 3 },
  quotaLeft: { operators: NUMBER_OPS, value: 'number', defaultValue: 1 },
  userTags: { operators: ['contains', 'doesNotContain'], value: 'text', defaultValue: 'vip' },
  withinBusinessHours: { operators: ['equal'], value: 'boolean', defaultValue: true },
  messageType: { operators: ['equal', 'notEqual'], value: 'choice', choices: MESSAGE_TYPES, defaultValue: 'text' },
  topicCount: { operators: NUMBER_OPS, value: 'number', defaultValue: 2 },
  preference: { operators: ['equal', 'notEqual'], value: 'text', defaultValue: '护肤成分' },
};

/** A fresh condition on `fact` with its first operator and default value. */
export function defaultCondition(fact: Fact): FlowCondition {
  const choice = FACT_CHOICES[fact];
  const base = { fact, operator: choice.operators[0], value: choice.defaultValue };
  return fact === 'preference' ? { ...base, key: '关注领域' } : base;
}

/** The value as words: 是/否, the window state's name, or the value itself. */
export function describeValue(c: FlowCondition, t: TFunction): string {
  const choice = FACT_CHOICES[c.fact];
  if (choice.value === 'boolean') return t(c.value === true ? 'common.yes' : 'common.no');
  if (choice.value === 'choice') {
    return c.fact === 'messageType'
      ? t(`messageType.${String(c.value)}`)
      : t(`conditionValue.${c.fact}.${String(c.value)}`);
  }
  return Array.isArray(c.value) ? c.value.join('、') : String(c.value);
}

/** The whole condition as a sentence, e.g. 「本次互动已回复条数 小于 3」. */
export function describeCondition(c: FlowCondition, t: TFunction): string {
  if (c.fact === 'withinBusinessHours') return t(c.value === true ? 'condition.inHours' : 'condition.outOfHours');
  const fact = c.fact === 'preference' ? `${t('fact.preference')}「${c.key ?? ''}」` : t(`fact.${c.fact}`);
  return `${fact} ${t(`operator.${c.operator}`)} ${describeValue(c, t)}`;
}
