/**
 * Clauses that close a matter rather than ask about it: 「退款已经到账了，谢谢」「快递员好好人」
 * 「唔使转人工喇」「上次退货很顺利」. A group with `skipSettled` does not answer a mention of its
 * matter in such a clause: it is a thanks, a report or praise. Phrase exclusions cover only the
 * phrasings someone listed (a new writer's statements misrouted 41 of 130 times as written); this
 * reads the clause's shape instead: a word that the matter is done, settled or praised, and no
 * word that it is still open (a question, a lack, a request; a contrast or a follow-up request in
 * the next clause).
 *
 * Read on the normalized text (simplified script, so 已經 and 沒關係 meet 已经 and 没关系).
 */
import { normalizedTerms, type NormalizedText } from '../text/normalize-text.js';
import { clauseIndex } from '../text/clause-index.js';

/**
 * The matter is done, declined or praised (Cantonese too: 喇, 唔使, 搞掂, 到咗; not a bare 咗, which
 * also ends a complaint: 等咗成个月). Thanks alone is no sign: 「转人工谢谢」「唔该转人工」 ask politely.
 */
const SETTLED = normalizedTerms(
  '已经 早就 上次 之前 刚才 刚刚 头先 成功 好了 完了 搞掂 搞定 搞好 到了 收到 签收了 设好 改好 处理完 不用 不需要 唔使 顺利 很快 好快 真快 挺快 贴心 好人 靠谱 方便 爽快 很稳 耐心 满意 喇 到咗 收到咗 退咗 改咗 好咗',
);

/** Still open: a question, something missing, lost or wrong, a request, urgency. */
const OPEN = normalizedTerms(
  '吗 么 呢 ? 没 未 不到 不了 不上 不行 不对 怎 啥 什么 几时 几天 几号 几点 多久 哪 为什么 为啥 点解 能不能 可不可以 可以 是不是 有没有 帮 请 麻烦 要 想 申请 但 可是 却 不过 还没 还不 还是 还要 催 急 尽快 错 忘 记不 不记得 唔记得 丢 坏 不见 唔到 唔得 冇 不成功 没成功 失败 被 咗边 边度 喺边 寄回 寄出 提交',
);

/** Thanks and reassurance built from open words (没关系, 麻烦你们了): not read as open. */
const COURTESIES = normalizedTerms('没关系 没问题 没事 不用谢 麻烦你们了 麻烦你了 麻烦了 谢谢帮忙 多谢帮忙 不用催');

/** A next clause starting with a contrast carries the matter on (收到了，但是金额不对). */
const CONTRASTS = normalizedTerms('但 可是 不过 却 然而 只是');

/** …and so does a next clause asking to act on it (寄回去了，麻烦尽快处理). */
const FOLLOW_UPS = normalizedTerms('处理 尽快 帮忙 麻烦 查一下 查下 跟进 催一下 看一下 看下');

/** Which clauses of a message are settled, computed on the first question. */
export class SettledClauses {
  #clause: Uint32Array | null = null;
  /** Per clause, the word that settles it, or null. */
  #settled: Array<string | null> | null = null;

  constructor(
    private readonly text: NormalizedText,
    private readonly input: string,
  ) {}

  /** The clause of each char of the normalized text. */
  get clauses(): Uint32Array {
    return (this.#clause ??= clauseIndex(this.text, this.input));
  }

  /** The word that settles the clause holding normalized offset `at` (已经, 收到 …), or null when it is open. */
  at(at: number): string | null {
    return this.clause(this.clauses[at] ?? 0);
  }

  /** The same for a clause number. */
  clause(n: number): string | null {
    return this.settled()[n] ?? null;
  }

  private settled(): Array<string | null> {
    if (this.#settled) return this.#settled;
    const clauses = this.clauses;
    const texts: string[] = [];
    for (let i = 0; i < clauses.length; i++) {
      const n = clauses[i] ?? 0;
      texts[n] = (texts[n] ?? '') + (this.text.text[i] ?? '');
    }
    const plain = texts.map((clause) => COURTESIES.reduce((t, c) => t.replaceAll(c, '·'), clause ?? ''));
    const open = plain.map((t) => OPEN.some((w) => t.includes(w)));
    const closes = plain.map((t, n) => (open[n] ? null : (SETTLED.find((w) => t.includes(w)) ?? null)));
    // A plain report settles in its own words or in the next clause's (送上楼了，太贴心了).
    this.#settled = plain.map((_, n) => {
      const next = plain[n + 1] ?? '';
      if (open[n] || CONTRASTS.some((w) => next.startsWith(w)) || FOLLOW_UPS.some((w) => next.includes(w))) return null;
      return closes[n] ?? closes[n + 1] ?? null;
    });
    return this.#settled;
  }
}
