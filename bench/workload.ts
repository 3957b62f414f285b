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
    const nodes: Flow['nodes'] = [
      { id: 't', type: 'trigger', position: { x: 0, y: 0 }, data: { messageTypes: ['text'] } },
    ];
    const edges: Flow['edges'] = [];
    mine.forEach((g, i) => {
      nodes.push({ id: `k${i}`, type: 'keywordGroup', position: { x: 200, y: i * 100 }, data: { groupId: g.id } });
      nodes.push({
        id: `c${i}`,
        type: 'condition',
        position: { x: 400, y: i * 100 },
        data: { match: 'all', conditions: [{ fact: 'withinBusinessHours', operator: 'equal', value: true }] },
      });
      nodes.push({
        id: `r${i}`,
        type: 'reply',
        position: { x: 600, y: i * 100 },
        data: {
          mode: 'all',
          replies: [{ type: 'text', content: `{{nickname}}，关于${g.name}的回答。如果还有其他问题，可以继续问我哦` }],
        },
      });
      edges.push(
        { id: `a${i}`, source: 't', target: `k${i}` },
        { id: `b${i}`, source: `k${i}`, target: `c${i}`, sourceHandle: 'match' },
        { id: `c${i}`, source: `c${i}`, target: `r${i}`, sourceHandle: 'true' },
      );
    });
    return { id: `f${f}`, name: `流程${f}`, nodes, edges };
  });
}

export function lexicon(terms: number, rand: () => number): Lexicon {
  return {
    id: 'bench',
    name: '基准词库',
    category: 'banned',
    severity: 'block',
    terms: Array.from({ length: terms }, () => ({ term: word(rand, 3, 5) })),
  };
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

/**
 * What customers type (refund, delivery, password, a human, and everything else; Traditional
 * script, pinyin and typos among them), for workspaces whose groups need real words: whole-word
 * segmentation and combos do their work only on text a segmenter can read.
 */
const CUSTOMER_PHRASES = [
  '我想退款',
  '钱多久退给我',
  '能退吗',
  '退款还没到账',
  '卖家已经退款但钱没到',
  'tk怎么弄',
  '退宽多久到账',
  '退貨的運費可以退嗎',
  '快递到哪了',
  '什么时候发货',
  '物流一直不更新',
  '能送到公司吗',
  '我嘅貨幾時到',
  'kd单号多少',
  '显示签收了我没拿到',
  '麻烦催一下',
  '密码忘了',
  '改登录密码',
  '密码输错登不上',
  '支付密碼忘咗',
  'mm错误登不上',
  '账号被锁了怎么解锁',
  '怎么找回支付密码',
  '转人工',
  '有人在吗',
  '叫你们负责人来',
  '别机器人回复',
  '轉接真人客服',
  '客服电话多少',
  '收到货了质量不错',
  '密码箱怎么用',
  '退出登录在哪',
  '发票什么时候开',
  '有优惠券吗',
  '尺码偏大还是偏小',
  '已经退款了，谢谢',
  '这个有几个颜色',
  '快递小哥人很好',
  '你好',
  '在吗',
];
const OPENERS = ['', '', '亲，', '你好，', '请问', '麻烦问下，', '急！'];
const TAILS = [
  (n: number) => `，订单尾号${n}`,
  (n: number) => `（问了第${n}遍）`,
  (n: number) => `，等了${n}分钟了`,
  (n: number) => ` ${n}`,
];

/** Distinct customer messages: a phrase with an opener and a tail that carries a number, so no two are the same. */
export function customerMessages(count: number, rand: () => number): string[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => `${pick(OPENERS)}${pick(CUSTOMER_PHRASES)}${pick(TAILS)(1000 + i)}`);
}
