/**
 * `skipSettled`: a mention of a group's matter in a clause that closes it (a thanks, a report,
 * praise) is not a question for that group, through the real compiler and scan; a clause that
 * still asks, lacks or turns (吗, 还没, 但是) keeps the group.
 */
import { describe, expect, it } from 'vitest';
import type { KeywordGroup } from '../../rules-schema/index.js';
import { compileWorkspace } from '../../server/src/core/engine/compile-workspace.js';
import { keywordMatches, keywordScan } from '../../server/src/core/engine/scan-message.js';

function matched(groups: KeywordGroup[], content: string): string[] {
  const compiled = compileWorkspace({ flows: [], groups });
  return [...keywordMatches(compiled, content).values()].map((m) => m.groupId).sort();
}

const refund: KeywordGroup = {
  id: 'refund',
  name: '退款',
  mode: 'fuzzy',
  keywords: ['退款', '退货', '退钱'],
  combos: [{ all: [['钱'], ['到账', '退回']] }],
  skipSettled: true,
};
const ship: KeywordGroup = { id: 'ship', name: '物流', mode: 'fuzzy', keywords: ['快递', '物流'], skipSettled: true };
const human: KeywordGroup = { id: 'human', name: '转人工', keywords: ['转人工', '人工客服'], skipSettled: true };
const password: KeywordGroup = {
  id: 'pw',
  name: '改密码',
  keywords: ['改密码'],
  combos: [{ all: [['密码'], ['重设', '设置', '忘', '唔记得']] }],
  skipSettled: true,
};

describe('skipSettled', () => {
  it('a clause that closes the matter does not trigger the group', () => {
    expect(matched([refund], '退款已经到账了，谢谢')).toEqual([]);
    expect(matched([refund], '上次退款很顺利，这次再来买')).toEqual([]);
    expect(matched([refund], '退款已經收到，多謝')).toEqual([]);
    expect(matched([refund], '退款收到喇，唔該晒')).toEqual([]);
    expect(matched([ship], '快递到咗，多谢')).toEqual([]);
    expect(matched([ship], '快递已经签收了，东西挺好用')).toEqual([]);
    expect(matched([ship], '快递小哥把东西送上楼了，太贴心了')).toEqual([]);
    expect(matched([human], '唔使轉人工喇，我自己搞掂')).toEqual([]);
    expect(matched([human], '我看懂说明了，人工客服就不用了')).toEqual([]);
    expect(matched([password], '密码已经重设成功，可以登录了')).toEqual([]);
  });

  it('a clause that still asks, lacks, fails or turns keeps the group', () => {
    expect(matched([refund], '退款已经到账了吗')).toEqual(['refund']);
    expect(matched([refund], '卖家已经退款但钱没到')).toEqual(['refund']);
    expect(matched([refund], '退款收到了，但是金额不对')).toEqual(['refund']);
    expect(matched([refund], '退錢啦！等咗成個月')).toEqual(['refund']);
    // Done by the user, waiting on the shop: still open.
    expect(matched([refund], '退货已经寄回了')).toEqual(['refund']);
    expect(matched([refund], '已经提交退款了')).toEqual(['refund']);
    expect(matched([refund], '退货已经寄回去了，麻烦尽快处理')).toEqual(['refund']);
    expect(matched([ship], '快递被别人签收了')).toEqual(['ship']);
    expect(matched([ship], '快递到了没')).toEqual(['ship']);
    expect(matched([ship], '快递到咗未呀')).toEqual(['ship']);
    expect(matched([password], '新密码设置不成功')).toEqual(['pw']);
    expect(matched([password], '我唔記得咗密碼，點樣重設？')).toEqual(['pw']);
  });

  it('a combo across clauses is settled only when all its words are: 已签收了，我没收到 still asks', () => {
    const signed: KeywordGroup = {
      id: 'ship',
      name: '物流',
      keywords: ['物流'],
      combos: [
        {
          all: [
            ['签收', '已签收'],
            ['没收到', '包裹'],
          ],
          within: 'message',
        },
      ],
      skipSettled: true,
    };
    expect(matched([signed], '包裹显示已签收了，我没收到')).toEqual(['ship']);
    const compiled = compileWorkspace({ flows: [], groups: [signed] });
    expect(keywordScan(compiled, '包裹到了，已签收了').settled).toEqual([
      { groupId: 'ship', group: '物流', keyword: '已签收+包裹', cue: '到了' },
    ]);
  });

  it('a polite request is no thanks: 转人工谢谢, 唔該轉人工', () => {
    expect(matched([human], '转人工谢谢')).toEqual(['human']);
    expect(matched([human], '唔該轉人工')).toEqual(['human']);
  });

  it('reads clause by clause: a thanks for one matter, a question about another', () => {
    expect(matched([refund, ship], '退款已经到账了，谢谢。另外我的快递到哪了')).toEqual(['ship']);
  });

  it('absent or false, a group answers as before', () => {
    expect(matched([{ ...refund, skipSettled: undefined }], '退款已经到账了，谢谢')).toEqual(['refund']);
    expect(matched([{ ...ship, skipSettled: false }], '快递已经签收了，东西挺好用')).toEqual(['ship']);
  });

  it('names the groups it kept quiet, with the settling word, never silently', () => {
    const compiled = compileWorkspace({ flows: [], groups: [refund, ship, password] });
    expect(keywordScan(compiled, '上次退款很顺利，这次再来买').settled).toEqual([
      { groupId: 'refund', group: '退款', keyword: '退款', cue: '上次' },
    ]);
    // A combo reached only in a settled clause is named with its words.
    expect(keywordScan(compiled, '密码已经重设成功，可以登录了').settled).toEqual([
      { groupId: 'pw', group: '改密码', keyword: '密码+重设', cue: '已经' },
    ]);
    // A group that also matched elsewhere in the message is a match, not a settled group.
    const both = keywordScan(compiled, '上次退款很顺利。这次退货怎么弄');
    expect([...both.matches.keys()]).toEqual(['refund']);
    expect(both.settled).toEqual([]);
  });
});
