import type { TFunction } from 'i18next';
import { CHECK_CODES, type Lexicon, type Policy } from '../../../rules-schema/index.js';
import type { ChangeLine } from './change-line.js';
import { settingChange } from './setting-change.js';

const GRANTS = ['message', 'menuClick', 'subscribe', 'scan'] as const;
/** Top-level fields compared below; any other field that changes is reported as 其他设置. */
const NAMED = new Set([
  'schemaVersion',
  'id',
  'revision',
  'name',
  'timezone',
  'businessHours',
  'window',
  'frequency',
  'duplicates',
  'marketing',
  'content',
  'queue',
  'links',
  'checks',
  'lexicons',
  'rules',
]);

/**
 * What changed from one version of the policy to another, each setting by the name the policy
 * view gives it (用户发消息 · 有效时长：48 小时 → 24 小时); an unset value reads 默认.
 * @example policyDiff(v1, draft, t) // [{ tone: 'change', text: '每次互动最多回复条数', before: '3', after: '2' }]
 */
export function policyDiff(before: Policy, after: Policy, t: TFunction): ChangeLine[] {
  const num = (v: number | undefined) => (v === undefined ? t('diff.default') : String(v));
  const span = (v: number | undefined) => (v === undefined ? t('diff.default') : minutesText(v, t));
  const list = (v: string[] | undefined) => (v && v.length > 0 ? v.join('、') : t('diff.empty'));
  const hours = (p: Policy) =>
    p.businessHours
      ? `${(p.businessHours.days ?? []).join(',')} ${p.businessHours.start}–${p.businessHours.end}`.trim()
      : t('diff.default');
  const lines: ChangeLine[] = [
    ...settingChange(t('diff.policyName'), before.name, after.name),
    ...settingChange(t('diff.timezone'), before.timezone ?? t('diff.default'), after.timezone ?? t('diff.default')),
    ...settingChange(t('diff.businessHours'), hours(before), hours(after)),
  ];
  for (const g of GRANTS) {
    const grant = t(`policy.grant.${g}`);
    lines.push(
      ...settingChange(
        `${grant} · ${t('policy.quota')}`,
        num(before.window?.[g]?.quota),
        num(after.window?.[g]?.quota),
      ),
    );
    lines.push(
      ...settingChange(
        `${grant} · ${t('policy.minutes')}`,
        span(before.window?.[g]?.minutes),
        span(after.window?.[g]?.minutes),
      ),
    );
  }
  lines.push(
    ...settingChange(t('policy.margin'), span(before.window?.marginMinutes), span(after.window?.marginMinutes)),
    ...settingChange(
      t('policy.nonOpening'),
      list(before.window?.nonOpeningEventKeys),
      list(after.window?.nonOpeningEventKeys),
    ),
    ...settingChange(
      t('policy.maxReplies'),
      num(before.frequency?.maxRepliesPerInteraction),
      num(after.frequency?.maxRepliesPerInteraction),
    ),
    ...settingChange(
      t('policy.duplicates'),
      span(before.duplicates?.withinMinutes),
      span(after.duplicates?.withinMinutes),
    ),
    ...settingChange(
      t('policy.promotions'),
      num(before.marketing?.maxPromotionsPerWindow),
      num(after.marketing?.maxPromotionsPerWindow),
    ),
    ...settingChange(t('policy.maxTextBytes'), num(before.content?.maxTextBytes), num(after.content?.maxTextBytes)),
    ...settingChange(t('policy.maxArticles'), num(before.content?.maxArticles), num(after.content?.maxArticles)),
    ...settingChange(
      t('diff.humanFollowUp'),
      list(before.queue?.humanFollowUpPhrases),
      list(after.queue?.humanFollowUpPhrases),
    ),
    ...settingChange(t('policy.links'), list(before.links?.allow), list(after.links?.allow)),
  );
  for (const code of CHECK_CODES) {
    const check = (p: Policy) => p.checks?.[code];
    const state = (p: Policy) =>
      `${t(check(p)?.enabled === false ? 'diff.off' : 'diff.on')} · ${check(p)?.severity ? t(`diff.severity.${check(p)?.severity}`) : t('diff.default')}`;
    lines.push(...settingChange(t('diff.check', { check: t(`check.${code}`) }), state(before), state(after)));
  }
  lines.push(...lexiconChanges(before.lexicons ?? [], after.lexicons ?? [], t));
  const rules = (p: Policy) => new Map((p.rules ?? []).map((r) => [r.id, r]));
  const [oldRules, newRules] = [rules(before), rules(after)];
  for (const [id, r] of oldRules)
    if (!newRules.has(id)) lines.push({ tone: 'remove', text: t('diff.ruleRemoved', { name: r.name }) });
  for (const [id, r] of newRules) {
    const was = oldRules.get(id);
    if (!was) lines.push({ tone: 'add', text: t('diff.ruleAdded', { name: r.name }) });
    else if (JSON.stringify(was) !== JSON.stringify(r))
      lines.push({ tone: 'change', text: t('diff.ruleChanged', { name: r.name }) });
  }
  const rest = (p: Policy) => JSON.stringify(Object.entries(p).filter(([k]) => !NAMED.has(k)));
  if (rest(before) !== rest(after)) lines.push({ tone: 'change', text: t('diff.otherSettings') });
  return lines;
}

/** Lexicons added, removed, or changed by their terms and settings. */
function lexiconChanges(before: Lexicon[], after: Lexicon[], t: TFunction): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const old = new Map(before.map((l) => [l.id, l]));
  const now = new Set(after.map((l) => l.id));
  for (const l of before)
    if (!now.has(l.id)) lines.push({ tone: 'remove', text: t('diff.lexiconRemoved', { name: l.name }) });
  for (const l of after) {
    const was = old.get(l.id);
    if (!was) {
      lines.push({ tone: 'add', text: t('diff.lexiconAdded', { name: l.name, count: l.terms.length }) });
      continue;
    }
    const terms = (x: Lexicon) => new Map(x.terms.map((term) => [term.term, JSON.stringify(term)]));
    const [had, has] = [terms(was), terms(l)];
    const added = [...has.keys()].filter((w) => !had.has(w));
    const removed = [...had.keys()].filter((w) => !has.has(w));
    const edited = [...has.keys()].filter((w) => had.has(w) && had.get(w) !== has.get(w));
    if (added.length > 0)
      lines.push({ tone: 'add', text: t('diff.termsAdded', { name: l.name, words: added.join('、') }) });
    if (removed.length > 0)
      lines.push({ tone: 'remove', text: t('diff.termsRemoved', { name: l.name, words: removed.join('、') }) });
    if (edited.length > 0)
      lines.push({ tone: 'change', text: t('diff.termsChanged', { name: l.name, words: edited.join('、') }) });
    const { terms: _a, ...wasRest } = was;
    const { terms: _b, ...nowRest } = l;
    if (JSON.stringify(wasRest) !== JSON.stringify(nowRest))
      lines.push({ tone: 'change', text: t('diff.lexiconSettings', { name: l.name }) });
  }
  return lines;
}

/** 2880 → 「48 小时」 (the platform states its window in hours), 90 → 「90 分」. */
function minutesText(minutes: number, t: TFunction): string {
  if (minutes >= 60 && minutes % 60 === 0) return t('sandbox.span.h', { count: minutes / 60 });
  return t('sandbox.span.m', { count: minutes });
}
