/** Rule guards skip a custom rule only when it cannot fire. */
import { describe, expect, it } from 'vitest';
import { guardOf } from '../../server/src/core/engine/rule-guard.js';

const facts = (promotional: boolean, ...codes: string[]) => ({ promotional, codes: new Set(codes) });

describe('guardOf', () => {
  it('reads promotional and code requirements off a top-level all', () => {
    const g = guardOf({
      all: [
        { fact: 'promotional', operator: 'equal', value: true },
        { fact: 'codes', operator: 'intersects', value: ['A', 'B'] },
      ],
    });
    expect(g(facts(true, 'B'))).toBe(true);
    expect(g(facts(false, 'B'))).toBe(false);
    expect(g(facts(true, 'C'))).toBe(false);
    const c = guardOf({
      all: [
        { fact: 'codes', operator: 'contains', value: 'EXTERNAL_LINK' },
        { fact: 'textLength', operator: 'greaterThan', value: 10 },
      ],
    });
    expect(c(facts(false, 'EXTERNAL_LINK'))).toBe(true);
    expect(c(facts(false))).toBe(false);
  });

  it('never skips what it cannot read: any, not, other facts', () => {
    expect(guardOf({ any: [{ fact: 'promotional', operator: 'equal', value: true }] })(facts(false))).toBe(true);
    expect(guardOf({ not: { fact: 'promotional', operator: 'equal', value: true } })(facts(false))).toBe(true);
    expect(guardOf({ all: [{ fact: 'userTags', operator: 'intersects', value: ['vip'] }] })(facts(false))).toBe(true);
  });
});
