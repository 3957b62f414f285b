import { describe, it, expect } from 'vitest';
import policyJson from '../../rules-schema/defaults/default-policy.json' with { type: 'json' };
import beautyJson from '../../examples/packs/beauty.json' with { type: 'json' };
import type { Lexicon, Pack, Policy } from '../../rules-schema/index.js';
import { validate } from '../../rules-schema/validator.js';
import { resolvePolicy } from '../../server/src/core/policy/resolve-policy.js';
import { compileContentChecks, scannerFor } from '../../server/src/core/checks/compile-content-checks.js';
import type { Reason } from '../../server/src/core/reason.js';
import { attachSuggestions, MAX_TEXT_REWRITES } from '../../server/src/core/rewrite/attach-suggestions.js';
import { MENU_ENTRY } from '../../server/src/core/rewrite/rewrite-external-link.js';
import { SEE_A_DOCTOR } from '../../server/src/core/rewrite/rewrite-medical-claim.js';
import { neutralWording } from '../../server/src/core/rewrite/neutral-wording.js';

function parsed<T>(schema: 'policy' | 'pack', doc: unknown): T {
  const v = validate<T>(schema, structuredClone(doc));
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.value;
}

// The beauty pack's lexicons under their namespaced codes, as the runtime compiles them.
const beauty = parsed<Pack>('pack', beautyJson);
const compiled = compileContentChecks(
  resolvePolicy(parsed<Policy>('policy', policyJson)),
  (beauty.lexicons ?? []) as Lexicon[],
);
const scan = scannerFor(compiled.termPatterns);

/** The real checks, then the suggestions, as /lint and /replies/check compute them. */
function lint(reply: unknown): Reason[] {
  return attachSuggestions(reply, compiled.check(reply, scan).reasons);
}
const lintText = (content: string) => lint({ type: 'text', content });

/** The first reason of `code` (the lexicons may report overlapping hits of one code, as 能治疗 and 治疗高血压). */
function firstOf(content: string, code: string): Reason {
  const found = lintText(content).filter((r) => r.code === code);
  expect(found.length, `${code} in ${content}`).toBeGreaterThan(0);
  return found[0]!;
}

describe('rewrite suggestions per code', () => {
  it.each([
    // [content, code, rewritten text]
    ['活动详情见 https://shop.example.com/a', 'EXTERNAL_LINK', `活动详情见 ${MENU_ENTRY}`],
    ['领券请点 <a href="https://shop.example.com/c">这里</a>。', 'EXTERNAL_LINK', `领券请点 这里（见${MENU_ENTRY}）。`],
    ['下单口令￥AbC123dEf￥，欢迎选购', 'MARKETPLACE_CODE', '下单口令，欢迎选购'],
    ['满减券在菜单里，转发给朋友能再领一张。', 'INDUCED_SHARING', '满减券在菜单里。'],
    ['转发给朋友能再领一张，欢迎再来。', 'INDUCED_SHARING', '欢迎再来。'],
    ['我们的产品能治疗高血压', 'MEDICAL_CLAIM', SEE_A_DOCTOR],
    ['您好！本品保证治愈，放心使用。', 'MEDICAL_CLAIM', `您好！${SEE_A_DOCTOR}，放心使用。`],
    ['这是最佳选择', 'ABSOLUTE_TERM', '这是优质选择'],
    ['我们是国家级认证机构', 'ABSOLUTE_TERM', '我们是认证机构'],
    ['本店可代开发票，请联系客服', 'BANNED_TERM', '本店可，请联系客服'],
    ['这款精华七天美白，温和不刺激', 'pack:beauty/EFFICACY_GUARANTEE', '这款精华，温和不刺激'],
  ])('%s → %s', (content, code, text) => {
    const reason = firstOf(content, code);
    expect(reason.suggestion).toMatchObject({ kind: 'rewrite', field: 'content', text });
    const s = reason.suggestion!;
    if (s.kind !== 'rewrite') throw new Error('not a rewrite');
    expect(content.slice(0, s.start) + s.replacement + content.slice(s.end)).toBe(text);
    expect(s.message).toMatch(/\p{Script=Han}/u);
    // Applied, the rewrite removes this reason: no reason of the code on the same words is left.
    const after = lintText(text).filter((r) => r.code === code && r.evidence?.text === reason.evidence?.text);
    expect(after).toEqual([]);
  });

  it('gives an absolute term (a warning) neutral wording from the table', () => {
    expect(neutralWording('第一品牌')).toBe('知名品牌');
    expect(neutralWording('１００％有效')).toBe('效果因人而异');
    expect(neutralWording('最新鲜')).toBe('很新鲜');
    const reason = firstOf('我们是第一品牌', 'ABSOLUTE_TERM');
    expect(reason.severity).toBe('warn');
    expect(reason.suggestion).toMatchObject({ kind: 'rewrite', replacement: '知名品牌', text: '我们是知名品牌' });
  });

  it('rewrites each reason on its own text, leaving the others for their own suggestion', () => {
    const reasons = lintText('第一品牌，国家级认证').filter((r) => r.code === 'ABSOLUTE_TERM');
    expect(reasons.map((r) => r.suggestion && 'text' in r.suggestion && r.suggestion.text)).toEqual([
      '知名品牌，国家级认证',
      '第一品牌，认证',
    ]);
  });
});

describe('offsets are UTF-16 code units, right after emoji and surrogate pairs', () => {
  it.each([
    ['🎉🎉👍🏻 这是最佳选择', '最佳', '🎉🎉👍🏻 这是优质选择'],
    ['𠮷野家🍜：详见 https://shop.example.com/x 哦', 'https://shop.example.com/x', `𠮷野家🍜：详见 ${MENU_ENTRY} 哦`],
  ])('%s', (content, evidence, text) => {
    const reason = lintText(content).find((r) => r.evidence?.text === evidence)!;
    expect(reason).toBeDefined();
    const s = reason.suggestion!;
    if (s.kind !== 'rewrite') throw new Error('not a rewrite');
    expect(s.start).toBe(content.indexOf(evidence));
    expect(content.slice(s.start, s.end)).toBe(evidence);
    expect(s.text).toBe(text);
    expect(lintText(s.text).some((r) => r.code === reason.code)).toBe(false);
  });
});

describe('hints where no text rewrite helps', () => {
  it('window, frequency and duplicate reasons get a plain hint, no text', () => {
    const reasons: Reason[] = ['WINDOW_EXPIRED', 'QUOTA_EXHAUSTED', 'FREQUENCY_LIMIT', 'DUPLICATE_REPLY'].map(
      (code) => ({
        code,
        severity: 'block',
        message: '…',
        ruleId: `check:${code}`,
      }),
    );
    for (const r of attachSuggestions({ type: 'text', content: '您好' }, reasons)) {
      expect(r.suggestion?.kind, r.code).toBe('hint');
      expect(r.suggestion?.message).toContain('下一条消息');
    }
  });

  it('a custom rule and a pack rule without evidence get a hint naming their owner', () => {
    const [rule, pack] = attachSuggestions({ type: 'text', content: '您好' }, [
      { code: 'rule:night', severity: 'block', message: '…', ruleId: 'rule:night' },
      {
        code: 'pack:beauty/AESTHETIC_PROMOTION',
        severity: 'block',
        message: '…',
        ruleId: 'pack:beauty/aesthetic-promotion',
      },
    ]);
    expect(rule?.suggestion).toEqual({ kind: 'hint', message: expect.stringContaining('night') });
    expect(pack?.suggestion).toEqual({ kind: 'hint', message: expect.stringContaining('beauty') });
  });

  it('a rewrite that would leave nothing becomes a hint', () => {
    const reason = firstOf('转发给朋友能再领一张', 'INDUCED_SHARING');
    expect(reason.suggestion).toEqual({ kind: 'hint', message: expect.stringContaining('整条重写') });
  });

  it('an article url gets a hint (a url field has no wording to rewrite)', () => {
    const reasons = lint({ type: 'news', articles: [{ title: '指南', url: 'https://shop.example.com/a' }] });
    const link = reasons.find((r) => r.code === 'EXTERNAL_LINK');
    expect(link?.evidence?.field).toBe('articles/0/url');
    expect(link?.suggestion?.kind).toBe('hint');
  });

  it('rewrites a title inside a structured reply by its own field', () => {
    const reasons = lint({ type: 'news', articles: [{ title: '最佳指南', url: 'https://mp.weixin.qq.com/s/1' }] });
    expect(reasons[0]?.suggestion).toMatchObject({ kind: 'rewrite', field: 'articles/0/title', text: '优质指南' });
  });

  it('evidence whose offsets do not point at its text is not trusted with a rewrite', () => {
    const [r] = attachSuggestions({ type: 'text', content: '这是最佳选择' }, [
      {
        code: 'ABSOLUTE_TERM',
        severity: 'warn',
        message: '…',
        ruleId: 'x',
        evidence: { field: 'content', text: '最佳', start: 0, end: 2 },
      },
    ]);
    expect(r?.suggestion?.kind).toBe('hint');
  });

  it(`a reply full of hits gets at most ${MAX_TEXT_REWRITES} text rewrites, hints after`, () => {
    const reasons = lintText('最佳，'.repeat(MAX_TEXT_REWRITES + 8));
    expect(reasons).toHaveLength(MAX_TEXT_REWRITES + 8);
    expect(reasons.filter((r) => r.suggestion?.kind === 'rewrite')).toHaveLength(MAX_TEXT_REWRITES);
    expect(reasons.every((r) => r.suggestion)).toBe(true);
  });

  it('every finding carries a suggestion; an info note (a hit its context took back) has nothing to change', () => {
    const reasons = lintText('本店不提供代开发票，但我们的服务是同类最佳的');
    const notes = reasons.filter((r) => r.severity === 'info');
    expect(notes.map((r) => r.code)).toEqual(['BANNED_TERM']);
    expect(notes.every((r) => r.suggestion === undefined)).toBe(true);
    const findings = reasons.filter((r) => r.severity !== 'info');
    expect(findings.map((r) => r.code)).toEqual(['ABSOLUTE_TERM']);
    expect(findings.every((r) => r.suggestion)).toBe(true);
  });
});
