/** Invalid characters cannot hide a term (issue 9, item 7): dropped for matching, offsets kept. */
import { describe, expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { normalizeText } from '../../server/src/core/text/normalize-text.js';

function checkText(content: string) {
  const v = validate<Policy>('policy', structuredClone(policyJson));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const compiled = compileContentChecks(resolvePolicy(v.value), []);
  return compiled.check({ type: 'text', content }, scannerFor(compiled.termPatterns));
}

describe('normalization drops chars a reader does not see as separators', () => {
  it.each([
    ['保证\ud800治愈', '保证治愈'], // lone high surrogate
    ['保证\udc00治愈', '保证治愈'], // lone low surrogate
    ['保证\ufffd治愈', '保证治愈'], // replacement character
    ['保证\ufffc治愈', '保证治愈'], // object replacement character
    ['保证\ufdd0治愈', '保证治愈'], // noncharacter block U+FDD0–FDEF
    ['保证\ufdef治愈', '保证治愈'],
    ['保证\ufffe治愈', '保证治愈'], // U+FFFE / U+FFFF
    ['保证\uffff治愈', '保证治愈'],
    ['保证\u{1fffe}治愈', '保证治愈'], // U+xFFFE of another plane
    ['保证\u{10ffff}治愈', '保证治愈'],
    ['保证\ue000治愈', '保证治愈'], // private use
    ['保证\u{f0000}治愈', '保证治愈'], // supplementary private use
  ])('%j → %j', (input, expected) => {
    expect(normalizeText(input).text).toBe(expected);
  });

  it('keeps surrogate pairs, which are real characters', () => {
    expect(normalizeText('𠀀字').text).toBe('𠀀字');
  });

  it('keeps the offset map into the original text', () => {
    const r = normalizeText('能\ud800治\ufffd疗');
    expect(r.text).toBe('能治疗');
    expect(r.map).toEqual([0, 2, 4, 5]);
  });
});

describe('the measured evasions are blocked as MEDICAL_CLAIM, with evidence in the original text', () => {
  it.each([
    ['保证\ud800治愈', '保证\ud800治愈', 0, 5],
    ['能\ud800治疗高血压', '能\ud800治疗', 0, 4],
    ['保证\ufffd治愈', '保证\ufffd治愈', 0, 5],
    ['能\ufffd治疗高血压', '能\ufffd治疗', 0, 4],
  ])('%j', (content, evidence, start, end) => {
    // Lexicons may report overlapping hits: the claim spanning the hidden char is among them.
    expect(checkText(content).reasons).toContainEqual(
      expect.objectContaining({
        code: 'MEDICAL_CLAIM',
        severity: 'block',
        evidence: { field: 'content', text: evidence, start, end },
      }),
    );
  });
});
