/**
 * The example workspace's keyword groups after the dev4 tuning round: each construction added
 * for that round, with the message it exists for and the near misses it must still refuse.
 * Runs the shipped group documents through the real compiler and scan.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { keywordMatches } from '../../server/src/core/engine/scan-message.js';
import { readWorkspaceDir } from '../../server/src/runtime/seed-workspace.js';

const { groups } = readWorkspaceDir(fileURLToPath(new URL('../../examples/workspace', import.meta.url)));
const compiled = compileWorkspace({ flows: [], groups });

/** The ids of the groups a message matches, sorted. */
function groupsOf(content: string): string[] {
  return [...keywordMatches(compiled, content).keys()].sort();
}

describe('转人工: complaints about the bot and asks for someone who can decide', () => {
  it('hears a complaint about the answer itself (回复 + 没用 / 什么玩意) and 答非所问', () => {
    expect(groupsOf('这个回复没用')).toEqual(['human']);
    expect(groupsOf('你回复的都是什么玩意')).toEqual(['human']);
    expect(groupsOf('问了半天你一直答非所问')).toEqual(['human']);
  });

  it('hears 找个 + someone who can handle it, and 跳过 / 能不能不要 + the bot', () => {
    expect(groupsOf('说了你也不懂 找个能处理的人')).toEqual(['human']);
    expect(groupsOf('跳过机器人')).toEqual(['human']);
    expect(groupsOf('能不能不要自动回复了')).toEqual(['human']);
  });

  it('hears the seller in person (卖家 + 本人 / 电话), not a past contact with the seller', () => {
    expect(groupsOf('怎么联系卖家本人')).toEqual(['human']);
    expect(groupsOf('联系了商家说让我自己找售后')).toEqual([]);
  });

  it('refuses other help, other products and praise of the agent', () => {
    expect(groupsOf('帮我找个适合老人的')).toEqual([]);
    expect(groupsOf('说明书是人工翻译的吗 英文看不懂')).toEqual([]);
    expect(groupsOf('人工客服态度很好 谢谢')).toEqual([]);
    expect(groupsOf('扫地机器人有吗')).toEqual([]);
  });
});
