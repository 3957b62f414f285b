/**
 * The example workspace's keyword groups after the dev5/dev6 tuning round: each construction added
 * for that round, with a message it exists for and the near misses it must still refuse.
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

describe('退款: the money asked back in other words, not the money already back', () => {
  it('hears 款/钱 + 什么时候退 / 先退, 退 + 行不行 across a comma, and 款退我', () => {
    expect(groupsOf('货都寄回去三天了，款什么时候退')).toEqual(['refund']);
    expect(groupsOf('钱可以先退我吗')).toEqual(['refund']);
    expect(groupsOf('这件外套，退了，行吗')).toEqual(['refund']);
    expect(groupsOf('款退我')).toEqual(['refund']);
  });

  it('refuses statements after the fact and other meanings', () => {
    expect(groupsOf('退款已经退到卡上了，不用查了')).toEqual([]);
    expect(groupsOf('退款我撤销了，衣服挺好的')).toEqual([]);
    expect(groupsOf('这个精华能退红吗')).toEqual([]);
    expect(groupsOf('钱已经退回来了，辛苦你们')).toEqual([]);
    expect(groupsOf('钱收到了，比我想的快多了')).toEqual([]);
  });
});

describe('改密码: the account in trouble, not other locks', () => {
  it('hears 密码 + 怎么改 across a comma, 不一致, and 账号 + 找回 / 被盗 / 冻结', () => {
    expect(groupsOf('支付密码，怎么改')).toEqual(['password']);
    expect(groupsOf('两次输的密码一样还提示不一致')).toEqual(['password']);
    expect(groupsOf('账号被盗了怎么办')).toEqual(['password']);
    expect(groupsOf('会员账号被冻结了')).toEqual(['password']);
  });

  it('refuses a combination lock, a padlock and a tablet', () => {
    expect(groupsOf('密码锁怎么改密码')).toEqual([]);
    expect(groupsOf('挂锁的密码忘了')).toEqual([]);
    expect(groupsOf('给平板设个密码怎么弄')).toEqual([]);
    expect(groupsOf('密码锁定了怎么解除')).toEqual(['password']);
  });
});

describe('转人工: a person by other names, not other 人工', () => {
  it('hears 工作人员, 换人, a phone call, and 真人 + 有吗 across a comma', () => {
    expect(groupsOf('能找工作人员处理吗')).toEqual(['human']);
    expect(groupsOf('别回复了，换人')).toEqual(['human']);
    expect(groupsOf('能电话沟通吗')).toEqual(['human']);
    expect(groupsOf('客服，真人，有吗')).toEqual(['human']);
  });

  it('refuses eye drops, lab-grown diamonds, job seekers and a hand-off already done', () => {
    expect(groupsOf('人工泪液有卖吗')).toEqual([]);
    expect(groupsOf('人工培育钻石保值吗')).toEqual([]);
    expect(groupsOf('你们招客服吗')).toEqual([]);
    expect(groupsOf('刚才转过人工了，已经说好了')).toEqual([]);
  });
});

describe('物流: a missing parcel, not a parcel that arrived', () => {
  it('hears an order not received and a parcel signed for by someone else', () => {
    expect(groupsOf('我的订单还没收到')).toEqual(['logistics']);
    expect(groupsOf('显示已签收，可是我没收到')).toEqual(['logistics']);
  });

  it('refuses thanks after arrival, the courier’s manners and a box type', () => {
    expect(groupsOf('包裹已经拿到了，谢谢')).toEqual([]);
    expect(groupsOf('快递员说话太凶了')).toEqual([]);
    expect(groupsOf('到货了，比想象中大')).toEqual([]);
    expect(groupsOf('物流箱和收纳箱哪个结实')).toEqual([]);
  });
});
