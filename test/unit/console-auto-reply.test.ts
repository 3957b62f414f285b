/**
 * One mapping between the console's auto-reply and ReplyFlow documents: what the console import
 * builds from get_current_autoreply_info, the editor's 简单模式 reads back as the same rules, with
 * the same 半匹配 / 全匹配; and a group using what the console cannot say is no console rule.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KeywordGroup } from '../../rules-schema/index.js';
import {
  consoleKeywordGroup,
  consoleMatchModeOf,
  groupModeOf,
  isKeywordTrigger,
  replyModeOf,
} from '../../rules-schema/console-auto-reply.js';
import { consoleRulesToDrafts } from '../../server/src/wechat/console-rules-to-drafts.js';
import { readConsoleRules } from '../../editor/src/simple/read-console-rules.js';

const SAMPLE: unknown = JSON.parse(
  readFileSync(path.join(import.meta.dirname, '../wechat/fixtures/get_current_autoreply_info.json'), 'utf8'),
);
const group = (patch: Partial<KeywordGroup>): KeywordGroup => ({ id: 'g', name: 'g', keywords: ['退款'], ...patch });

describe('console auto-reply mapping', () => {
  it('reads the imported drafts back as the console rules they came from', () => {
    const drafts = consoleRulesToDrafts(SAMPLE, (_kind, base) => base);
    const rules = readConsoleRules(drafts.flows);
    expect(rules.welcome.map((r) => r.flowId)).toEqual(['wx-welcome']);
    expect(rules.fallback.map((r) => r.flowId)).toEqual(['wx-default-reply']);
    const groups = new Map(drafts.groups.map((g) => [g.id, g]));
    // The sample's text rule (contain) and the news rule (contain) import; voice and video need media.
    const read = rules.keyword.map((r) => ({
      flow: r.flowId,
      match: consoleMatchModeOf(groups.get(r.groupId)!),
      keywords: groups.get(r.groupId)?.keywords,
    }));
    expect(read).toEqual([
      { flow: 'wx-autoreply-news', match: 'contain', keywords: ['news测试'] },
      { flow: 'wx-autoreply-voice', match: 'contain', keywords: ['voice测试'] },
      { flow: 'wx-autoreply-text', match: 'contain', keywords: ['text测试'] },
    ]);
  });

  it('says 半匹配 / 全匹配 only for plain contains / exact groups', () => {
    expect(consoleMatchModeOf(group({}))).toBe('contain');
    expect(consoleMatchModeOf(group({ mode: 'exact' }))).toBe('equal');
    expect(consoleMatchModeOf(group({ mode: 'fuzzy' }))).toBeNull();
    expect(consoleMatchModeOf(group({ mode: 'regex', keywords: ['^退'] }))).toBeNull();
    expect(consoleMatchModeOf(group({ wholeWords: true }))).toBeNull();
    expect(consoleMatchModeOf(group({ pinyin: true }))).toBeNull();
    expect(consoleMatchModeOf(group({ combos: [{ all: [['钱'], ['退']] }] }))).toBeNull();
    expect(consoleMatchModeOf(group({ exclusions: ['退出'] }))).toBeNull();
    expect(consoleMatchModeOf(group({ wholeWords: false, pinyin: false, combos: [], exclusions: [] }))).toBe('contain');
  });

  it('maps the console words both ways and builds groups that keep the console meaning', () => {
    expect([groupModeOf('equal'), groupModeOf('contain'), groupModeOf(undefined)]).toEqual([
      'exact',
      'contains',
      'contains',
    ]);
    expect([replyModeOf('random_one'), replyModeOf('reply_all')]).toEqual(['random', 'all']);
    const g = consoleKeywordGroup('kg', '很长'.repeat(40), ['发票'], 'exact');
    expect(g.name).toHaveLength(60);
    expect(consoleMatchModeOf(g)).toBe('equal');
    expect(isKeywordTrigger({ messageTypes: ['text'] })).toBe(true);
    expect(isKeywordTrigger({ events: ['subscribe'] })).toBe(false);
    expect(isKeywordTrigger({ messageTypes: ['text'], onlyIfUnmatched: true })).toBe(false);
    expect(isKeywordTrigger({ messageTypes: ['image'] })).toBe(false);
  });
});
