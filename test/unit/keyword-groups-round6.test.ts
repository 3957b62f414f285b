/**
 * The example workspace after the round-6 tuning on the dev splits: which group answers (the one
 * answer per message), through the sandbox's production inbound path.
 */
import { describe, expect, it } from 'vitest';
import { routeLines } from '../eval/keyword-eval.js';

/** The groups that answered each message, joined by + ('' for none), one fresh user per message. */
async function answeredBy(...contents: string[]): Promise<string[]> {
  const routed = await routeLines(contents.map((text, i) => ({ id: `r6-${i}`, text, intent: '' })));
  return routed.map((groups) => groups.join('+'));
}

describe('退款 over 物流 when the delay is the reason for the refund', () => {
  it('answers the refund a late shipment ends in, also across commas', async () => {
    expect(await answeredBy('都两周了还不发货，我不要了，退款', '一直不发货，申请退款')).toEqual(['refund', 'refund']);
  });

  it('still answers a late shipment that asks for the parcel', async () => {
    expect(await answeredBy('都三天了还没发货，到底什么时候发', '还不发货吗')).toEqual(['logistics', 'logistics']);
  });
});

describe('退款 refuses a message that says it is not a refund', () => {
  it('skips 我不退款，… / 不是要退，是… / 退不退无所谓', async () => {
    expect(
      await answeredBy(
        '我不退款，就是想跟你们说一下包装有点破',
        '不是要退，是想问这个能不能机洗',
        '退钱不退钱无所谓 就想说质量真的一般',
      ),
    ).toEqual(['', '', '']);
  });

  it('still hears the refund asked with the same words', async () => {
    expect(await answeredBy('为什么不退款', '商家不给退款怎么办', '不是说七天无理由退货吗')).toEqual([
      'refund',
      'refund',
      'refund',
    ]);
  });
});

describe('退款: price protection asked with 保价', () => {
  it("hears 买贵了/降价了 + 保价/补差价, and leaves a parcel's 保价 to 物流", async () => {
    expect(await answeredBy('买贵了，能保价吗', '昨天买的今天降价了，可以补差价吗', '快递能保价吗')).toEqual([
      'refund',
      'refund',
      'logistics',
    ]);
  });
});

describe('物流: a parcel sent back, not money', () => {
  it('answers 显示退回 / 没拒收 as delivery, and a refund after a refused parcel as a refund', async () => {
    expect(
      await answeredBy('怎么显示退回了，我没拒收啊', '物流显示退回了是怎么回事', '我拒收了，退款什么时候到'),
    ).toEqual(['logistics', 'logistics', 'refund']);
  });
});
