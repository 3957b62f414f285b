/**
 * Ordinary text as a probe of the block codes: the keyword sets' customer messages (2,800 lines
 * about refunds, parcels, passwords, sizes, complaints and small talk, written from public
 * customer-service dialogue corpora) hold no offence, so a block there is an ordinary word a term
 * caught (快三 in 快三年, 包好 in 要包好, 得 in 处理得挺快). Every lexicon change is read against them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import type { Policy } from '../../rules-schema/index.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { replyClassifier } from '../../server/src/runtime/reply-classifier-model.js';

const KEYWORD_SETS = fileURLToPath(new URL('./keyword-groups/', import.meta.url));

it('blocks nothing in the keyword sets’ customer messages', () => {
  const compiled = compileContentChecks(resolvePolicy(policyJson as Policy), [], undefined, replyClassifier());
  const scan = scannerFor(compiled.termPatterns);
  const texts = new Set<string>();
  for (const file of readdirSync(KEYWORD_SETS).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(path.join(KEYWORD_SETS, file), 'utf8').split('\n'))
      if (line.trim()) texts.add((JSON.parse(line) as { text: string }).text);
  expect(texts.size).toBeGreaterThan(2500);
  const blocked = [...texts].flatMap((text) =>
    compiled
      .check({ type: 'text', content: text }, scan)
      .reasons.filter((r) => r.severity === 'block')
      .map((r) => `${r.code} «${r.evidence?.text ?? ''}» in ${text}`),
  );
  expect(blocked).toEqual([]);
});
