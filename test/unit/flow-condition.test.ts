/** Condition nodes decided in place give json-rules-engine's answer (and its errors) for every fact and operator the schema allows. */
import { describe, expect, it } from 'vitest';
import { CONDITION_FACTS, CONDITION_OPERATORS } from '../../rules-schema/schemas/flow.js';
import { compileRule } from '../../server/src/core/engine/compile-rule.js';
import { compileFlowCondition } from '../../server/src/core/engine/flow-condition.js';
import type { FlowFacts } from '../../server/src/core/engine/evaluate-flows.js';

type Data = Parameters<typeof compileFlowCondition>[0];

/** The engine as compile-workspace built it before: the reference. */
async function engineDecides(data: Data, facts: FlowFacts): Promise<boolean> {
  const conds = data.conditions.map((c) => ({
    fact: c.fact,
    operator: c.operator,
    value: c.value,
    ...(c.fact === 'topicCount' ? { params: { topic: c.topic } } : {}),
    ...(c.fact === 'preference' ? { params: { key: c.key } } : {}),
  }));
  const compiled = compileRule(data.match === 'any' ? { any: conds } : { all: conds }, { type: 'pass' }, '/c', (engine) => {
    engine.addFact('topicCount', async (params: { topic?: string }, almanac) => ((await almanac.factValue('topics')) as Record<string, number>)?.[params.topic ?? ''] ?? 0);
    engine.addFact('preference', async (params: { key?: string }, almanac) => ((await almanac.factValue('preferences')) as Record<string, string>)?.[params.key ?? ''] ?? null);
  });
  if (!compiled.ok) throw new Error('reference did not compile');
  return (await compiled.engine.run({ ...facts })).events.length > 0;
}

const outcome = async (f: () => boolean | Promise<boolean>) => {
  try {
    return { value: await f() };
  } catch (err) {
    return { error: err instanceof Error ? err.constructor.name : String(err) };
  }
};

describe('compileFlowCondition', () => {
  it('agrees with json-rules-engine on random conditions over every fact and operator', async () => {
    let seed = 11;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    const values = ['open', 'closing', 'text', 'vip', '', '3', 'g1', 0, 1, 2, 5, -1, true, false, ['vip', 'new'], ['open', 'expired'], [1, 2, 3], []];
    const factsList: FlowFacts[] = [
      { windowState: 'open', repliesSinceInteraction: 0, quotaLeft: 5, userTags: ['vip'], withinBusinessHours: true, messageType: 'text', topics: { g1: 2 }, preferences: { size: 'L' } },
      { windowState: 'expired', repliesSinceInteraction: 3, quotaLeft: 0, userTags: [], withinBusinessHours: false, messageType: 'image', topics: {}, preferences: {} },
    ];
    let checked = 0;
    for (let i = 0; i < 1500; i++) {
      const conditions = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
        const fact = pick(CONDITION_FACTS);
        return { fact, operator: pick(CONDITION_OPERATORS), value: pick(values), ...(fact === 'topicCount' ? { topic: pick(['g1', 'g2']) } : {}), ...(fact === 'preference' ? { key: pick(['size', 'color']) } : {}) };
      }) as Data['conditions'];
      const data: Data = { match: next() < 0.5 ? 'all' : 'any', conditions };
      for (const facts of factsList) {
        const test = compileFlowCondition(data);
        expect(await outcome(() => test(facts)), JSON.stringify(data)).toEqual(await outcome(() => engineDecides(data, facts)));
        checked++;
      }
    }
    expect(checked).toBe(3000);
  });
});
