import type { TFunction } from 'i18next';
import type { KeywordCombo, KeywordGroup } from '../../../rules-schema/index.js';
import type { ChangeLine } from './change-line.js';
import { settingChange } from './setting-change.js';

/**
 * What changed from one version of a keyword group to another: keywords, exclusions and combos
 * added or removed, the match mode and each option (整词匹配, 拼音) in words.
 * @example keywordGroupDiff(v1, draft, t) // [{ tone: 'add', text: '新增关键词：退货、退钱' }]
 */
export function keywordGroupDiff(before: KeywordGroup, after: KeywordGroup, t: TFunction): ChangeLine[] {
  const onOff = (on: boolean | undefined) => t(on === true ? 'diff.on' : 'diff.off');
  const describeCombo = (c: KeywordCombo) =>
    `${c.all.map((slot) => slot.join('|')).join(' + ')}（${t(`keywords.withinOption.${c.within ?? 'clause'}`)}）`;
  return [
    ...settingChange(t('keywords.groupName'), before.name, after.name),
    ...settingChange(t('diff.description'), before.description ?? '', after.description ?? ''),
    ...settingChange(t('diff.groupEnabled'), onOff(before.enabled !== false), onOff(after.enabled !== false)),
    ...settingChange(
      t('keywords.mode'),
      t(`matchMode.${before.mode ?? 'contains'}`),
      t(`matchMode.${after.mode ?? 'contains'}`),
    ),
    ...settingChange(t('keywords.wholeWords'), onOff(before.wholeWords), onOff(after.wholeWords)),
    ...settingChange(t('keywords.pinyin'), onOff(before.pinyin), onOff(after.pinyin)),
    ...settingChange(t('keywords.skipSettled'), onOff(before.skipSettled), onOff(after.skipSettled)),
    ...listChange(before.keywords, after.keywords, 'diff.keywordsAdded', 'diff.keywordsRemoved', t),
    ...listChange(before.exclusions ?? [], after.exclusions ?? [], 'diff.exclusionsAdded', 'diff.exclusionsRemoved', t),
    ...listChange(
      (before.combos ?? []).map(describeCombo),
      (after.combos ?? []).map(describeCombo),
      'diff.combosAdded',
      'diff.combosRemoved',
      t,
    ),
  ];
}

/** Words only in `before` and only in `after`, each set as one line (order and duplicates do not matter). */
function listChange(
  before: string[],
  after: string[],
  addedKey: string,
  removedKey: string,
  t: TFunction,
): ChangeLine[] {
  const had = new Set(before);
  const has = new Set(after);
  const removed = [...had].filter((w) => !has.has(w));
  const added = [...has].filter((w) => !had.has(w));
  const lines: ChangeLine[] = [];
  if (added.length > 0) lines.push({ tone: 'add', text: t(addedKey, { words: added.join('、') }) });
  if (removed.length > 0) lines.push({ tone: 'remove', text: t(removedKey, { words: removed.join('、') }) });
  return lines;
}
