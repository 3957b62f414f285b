/**
 * A condition node decided in place, exactly as json-rules-engine decides it: a run of the
 * engine costs ~10 µs (an almanac, a Fact per fact, promise chains), and every keyword hit
 * walks a condition or two. The flow schema allows only what this reads: leaves of one fact
 * of CONDITION_FACTS, one operator of CONDITION_OPERATORS and a plain value, under `all` or
 * `any`. The operators are json-rules-engine's own (engine-default-operators.js), fact
 * validators included, and every leaf is evaluated before they are combined, as the engine
 * does for conditions of one priority (an operator that throws, `in` on a number, still
 * throws). compileRule still checks the conditions and reports their problems.
 */
import type { FlowNode } from '../../../../rules-schema/index.js';
import type { FlowFacts } from './evaluate-flows.js';

export type FlowConditionTest = (facts: FlowFacts) => boolean;

type ConditionData = Extract<FlowNode, { type: 'condition' }>['data'];
type Leaf = ConditionData['conditions'][number];

/**
 * @example compileFlowCondition({ match: 'all', conditions: [{ fact: 'quotaLeft', operator: 'greaterThan', value: 0 }] })(facts) // facts.quotaLeft > 0
 */
export function compileFlowCondition(data: ConditionData): FlowConditionTest {
  const leaves = data.conditions.map(compileLeaf);
  const any = data.match === 'any';
  return (facts) => {
    const results = leaves.map((leaf) => leaf(facts));
    return any ? results.some((r) => r === true) : results.every((r) => r === true);
  };
}

function compileLeaf(leaf: Leaf): FlowConditionTest {
  const factOf = factReader(leaf);
  const operator = OPERATORS[leaf.operator];
  const value: unknown = leaf.value;
  return (facts) => {
    const fact = factOf(facts);
    return operator.valid(fact) && operator.test(fact, value);
  };
}

/** What the engine's almanac gives for the leaf's fact; topicCount and preference as compile-workspace defines them. */
function factReader(leaf: Leaf): (facts: FlowFacts) => unknown {
  switch (leaf.fact) {
    case 'topicCount': {
      const topic = leaf.topic ?? '';
      return (facts) => facts.topics?.[topic] ?? 0;
    }
    case 'preference': {
      const key = leaf.key ?? '';
      return (facts) => facts.preferences?.[key] ?? null;
    }
    default: {
      const name = leaf.fact;
      return (facts) => facts[name];
    }
  }
}

/** json-rules-engine's operators take any values, and throw where it would (`in` on a number). */
interface Operator {
  valid: (fact: any) => boolean;
  test: (fact: any, value: any) => boolean;
}

const anything = (): boolean => true;
const isNumber = (fact: unknown): boolean => Number.parseFloat(fact as string).toString() !== 'NaN';

const OPERATORS: Record<Leaf['operator'], Operator> = {
  equal: { valid: anything, test: (a, b) => a === b },
  notEqual: { valid: anything, test: (a, b) => a !== b },
  in: { valid: anything, test: (a, b) => b.indexOf(a) > -1 },
  notIn: { valid: anything, test: (a, b) => b.indexOf(a) === -1 },
  contains: { valid: Array.isArray, test: (a, b) => a.indexOf(b) > -1 },
  doesNotContain: { valid: Array.isArray, test: (a, b) => a.indexOf(b) === -1 },
  lessThan: { valid: isNumber, test: (a, b) => a < b },
  lessThanInclusive: { valid: isNumber, test: (a, b) => a <= b },
  greaterThan: { valid: isNumber, test: (a, b) => a > b },
  greaterThanInclusive: { valid: isNumber, test: (a, b) => a >= b },
};
