/** Synthetic workspaces and message pools for the benchmark, deterministic by seed. */
import type { Flow, KeywordGroup, Lexicon, Policy } from '../rules-schema/index.js';
import { DEFAULT_POLICY } from '../server/src/runtime/default-policy.js';

/** A small deterministic PRNG so every run measures the same workload. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 2 ** 32;
  };
}

const CJK_START = 0x4e00;
export function word(rand: () => number, min = 2, max = 4): string {
  const n = min + Math.floor(rand() * (max - min + 1));
  let w = '';
  for (let i = 0; i < n; i++) w += String.fromCharCode(CJK_START + Math.floor(rand() * 6000));
  return w;
}

export function groups(count: number, perGroup: number, rand: () => number): KeywordGroup[] {
  return Array.from({ length: count }, (_, g) => ({
    id: `g${g}`,
    name: `组${g}`,
    mode: 'contains' as const,
    keywords: Array.from({ length: perGroup }, () => word(rand)),
  }));
}

/** Flows of a trigger fanning out to keyword groups, each with a condition and a reply. */
export function flows(count: number, groupList: KeywordGroup[]): Flow[] {
  const per = Math.max(1, Math.floor(groupList.length / count));
  return Array.from({ length: count }, (_, f) => {
    const mine = groupList.slice(f * per, f * per + per);
    const nodes: Flow['nodes'] = [{ id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } }];
    const edges: Flow['edges'] = [];
    mine.forEach((g, i) => {
      nodes.push({ id: `k${i}`, type: 'keywordGroup', position: { x: 200, y: i * 100 }, data: { groupId: g.id } });
      nodes.push({ id: `c${i}`, type: 'condition', position: { x: 400, y: i * 100 }, data: { match: 'all', conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] } });
      nodes.push({ id: `r${i}`, type: 'reply', position: { x: 600, y: i * 100 }, data: { mode: 'all', replies: [{ type: 'text', content: `{{nickname}}，关于${g.name}的回答。如果还有其他问题，可以继续问我哦` }] } });
      edges.push({ id: `a${i}`, source: 't', target: `k${i}` }, { id: `b${i}`, source: `k${i}`, target: `c${i}`, sourceHandle: 'match' }, { id: `c${i}`, source: `c${i}`, target: `r${i}`, sourceHandle: 'true' });
    });
    return { id: `f${f}`, name: `流程${f}`, nodes, edges };
  });
}

export function lexicon(terms: number, rand: () => number): Lexicon {
  return { id: 'bench', name: '基准词库', category: 'banned', severity: 'block', terms: Array.from({ length: terms }, () => ({ term: word(rand, 3, 5) })) };
}

export function policyWith(extra: Lexicon): Policy {
  return { ...DEFAULT_POLICY, lexicons: [...(DEFAULT_POLICY.lexicons ?? []), extra] };
}

/** Distinct messages, a tenth of them containing a real keyword, so branch predictors cannot learn a few inputs. */
export function messages(count: number, groupList: KeywordGroup[], rand: () => number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const g = groupList[Math.floor(rand() * groupList.length)] as KeywordGroup;
    const kw = i % 10 === 0 ? (g.keywords[Math.floor(rand() * g.keywords.length)] as string) : '';
    return `您好${word(rand, 4, 12)}${kw}${word(rand, 2, 10)}请问`;
  });
}
