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

describe('every group: a statement that the matter is settled, or praise, is not a question', () => {
  it('skips 已经解决 / 没事了 / 下次还来 / 好评 in each group', () => {
    expect(groupsOf('上次物流的问题已经解决了 谢谢')).toEqual([]);
    expect(groupsOf('没事了 快递到了')).toEqual([]);
    expect(groupsOf('密码的事已经解决了')).toEqual([]);
    expect(groupsOf('退款成功了 下次还来')).toEqual([]);
    expect(groupsOf('商家退款速度很快 五星好评')).toEqual([]);
  });

  it('still hears the unresolved: 解决不了, 还没到', () => {
    expect(groupsOf('快递丢了 机器人解决不了 转人工')).toContain('human');
    expect(groupsOf('退了三天了还没到账')).toEqual(['refund']);
  });
});

describe('物流: who is asking, and what comes with the goods', () => {
  it('skips the trade asking for business (做物流的, 谈合作, 你们招) and accessories (原装)', () => {
    expect(groupsOf('我是做物流的 想问下批发价')).toEqual([]);
    expect(groupsOf('我是快递公司的 想谈合作')).toEqual([]);
    expect(groupsOf('你们招快递员吗')).toEqual([]);
    expect(groupsOf('配送的电池是原装的吗')).toEqual([]);
  });

  it('skips praise of the courier and a user who will wait, but hears a complaint about them', () => {
    expect(groupsOf('配送员送货的时候很有礼貌')).toEqual([]);
    expect(groupsOf('好的 那我等快递吧')).toEqual([]);
    expect(groupsOf('快递员很不礼貌 把件扔门口')).toEqual(['logistics']);
    expect(groupsOf('那我等多久才能到')).toEqual(['logistics']);
  });

  it('hears 怎么还 + 不到, a day of the week + 送, and a parcel 卡在 a transit hub', () => {
    expect(groupsOf('怎么还不到')).toEqual(['logistics']);
    expect(groupsOf('周末能送吗')).toEqual(['logistics']);
    expect(groupsOf('我的件是不是卡在中转站了')).toEqual(['logistics']);
  });
});

describe('改密码: login trouble, and passwords of things', () => {
  it('hears 登录 + 没反应 / 打不开 / 转圈 and a verification code that never comes', () => {
    expect(groupsOf('点登录没反应')).toEqual(['password']);
    expect(groupsOf('登录页面打不开')).toEqual(['password']);
    expect(groupsOf('登录的时候一直转圈')).toEqual(['password']);
    expect(groupsOf('绑定的手机收不到验证码 没法登录')).toEqual(['password']);
    expect(groupsOf('登錄不上去')).toEqual(['password']);
  });

  it('refuses a lock or notebook that has 密码 in its name, even typed by sound, and a manual', () => {
    expect(groupsOf('密马锁有黑色的吗')).toEqual([]);
    expect(groupsOf('我老是忘记密码 有没有卖密码本的')).toEqual([]);
    expect(groupsOf('密码锁怎么改密码 说明书丢了')).toEqual([]);
    expect(groupsOf('我记得密码 就是想问怎么换头像')).toEqual([]);
  });

  it('still hears a locked account and a forgotten password', () => {
    expect(groupsOf('密码锁定怎么解除')).toEqual(['password']);
    expect(groupsOf('密码输错三次被锁了')).toEqual(['password']);
    expect(groupsOf('我不记得密码了')).toEqual(['password']);
  });
});

describe('退款: where the money goes, return pickup, and words that only sound like 退货', () => {
  it('hears 退到 + a payment account, 退货运费, 退了没有', () => {
    expect(groupsOf('退到花呗还是银行卡啊')).toEqual(['refund']);
    expect(groupsOf('退货运费谁出')).toEqual(['refund']);
    expect(groupsOf('款退了没有')).toEqual(['refund']);
  });

  it('a return pickup or a refund after a long wait outweighs the delivery words in it', () => {
    const scan = (content: string) =>
      [...keywordMatches(compiled, content).values()].sort((a, b) => b.specificity - a.specificity)[0]?.groupId;
    expect(scan('要退货 快递员会上门取件吗')).toBe('refund');
    expect(scan('一直没发货 不想等了 能退款吗')).toBe('refund');
  });

  it('refuses 退火, 退货率 and a review of a refunded order', () => {
    expect(groupsOf('退火玻璃和钢化的区别是啥')).toEqual([]);
    expect(groupsOf('退货率高吗这款')).toEqual([]);
    expect(groupsOf('已退款的订单还能评价吗')).toEqual([]);
  });
});
