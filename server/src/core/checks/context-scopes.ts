/**
 * Context that takes a hit back: the words around a term can deny it (不能保证治愈), refuse
 * it (本店不提供代开发票), warn against or quote it (谨防宣称药到病除的广告, 说能根治的都是
 * 骗局), or show a legal use (到税务局代开发票). Such a hit is not a finding; it is returned
 * as a suppression so the operator still sees, as an `info` note, why the reply passed.
 *
 * Only the sentence around each hit is read, and the cue lists are fixed and short, so the
 * cost is per hit, not per lexicon term.
 */
import { normalizeTerm, normalizedTerms, type NormalizedText } from '../text/normalize-text.js';
import {
  crossesClause,
  listItemEnd,
  listItemStart,
  openQuoteBefore,
  quoteClosesSentence,
  sentenceEnd,
  sentenceStart,
} from './clause-bounds.js';
import { negatorBefore } from './negated-hits.js';
import type { TermHit } from './term-hit.js';

export type SuppressionKind = 'negation' | 'refusal' | 'warning' | 'legal' | 'explanation' | 'advice' | 'review';

export interface Suppression {
  kind: SuppressionKind;
  /** The context words that suppressed the hit, as they appear normalized. */
  cue: string;
}

/**
 * @param hit a `role: 'hit'` term hit; negation applies only to negatable lexicons' hits.
 * @example suppressionOf('谨防宣称药到病除的广告', normalizeText('谨防宣称药到病除的广告'), hitOf('药到病除')) // { kind: 'warning', cue: '谨防' }
 */
export function suppressionOf(original: string, normalized: NormalizedText, hit: TermHit): Suppression | undefined {
  const text = normalized.text;
  if (hit.payload.negatable === true) {
    const negator = negatorBefore(text, hit.start);
    if (negator) return { kind: 'negation', cue: negator };
  }
  // 最好 before what to do is advice (做完护理最好一周内注意防晒, 出发前最好准备充电宝), which regulators allow;
  // before 的 or a sense verb, at a clause's end, or after 是/得, it ranks a product (最好的面霜, 效果最好。, 做得最好).
  if (hit.payload.code === 'ABSOLUTE_TERM' && hit.payload.term === BEST) {
    const next = text[hit.end];
    const prev = text[hit.start - 1];
    if (next !== undefined && !PRAISE_AFTER_BEST.includes(next) && prev !== '是' && prev !== '得')
      return { kind: 'advice', cue: BEST + next };
  }
  const from = sentenceStart(original, normalized, hit.start, LOOK_BEHIND);
  const before = text.slice(from, hit.start);
  for (const cue of REFUSALS)
    if (takenUp(before, cue, from, hit.start, original, normalized)) return { kind: 'refusal', cue };
  // What follows the hit, up to the sentence's end or a turn to another matter (…，再说一句，砍价活动已经下线了):
  // a refusal or a warning past the turn is about that matter.
  const after = text.slice(hit.end, topicEnd(text, hit.end, sentenceEnd(original, normalized, hit.end, LOOK_AHEAD)));
  // The customer's own words taken up to decline them later in the clause (您说的“S单”我们不接),
  // or answered with a no later on (您问能不能邮寄气枪，…都不能寄递).
  if (CUSTOMER_WORDS.some((cue) => takenUp(before, cue, from, hit.start, original, normalized))) {
    for (const cue of REFUSALS) {
      const at = after.indexOf(cue);
      if (at >= 0 && !crossesClause(original, normalized, hit.end, hit.end + at)) return { kind: 'refusal', cue };
    }
    const no = ANSWERED_NO.find((cue) => after.includes(cue));
    if (no) return { kind: 'refusal', cue: no };
  }
  // The customer's request restated in quotation marks as a sentence of its own (您问“能不能代购两条外烟”。)
  // is answered in the next one (抱歉，…本店不提供代购); a comma inside the quotation does not end its clause.
  const quote = openQuoteBefore(original, normalized, from, hit.start);
  if (
    quote !== undefined &&
    CUSTOMER_WORDS.some((cue) => takenUp(text.slice(from, quote), cue, from, quote, original, normalized))
  ) {
    const end = sentenceEnd(original, normalized, hit.end, LOOK_AHEAD);
    if (quoteClosesSentence(original, normalized, hit.end, end)) {
      const answer = text.slice(end, sentenceEnd(original, normalized, end + 1, LOOK_AHEAD));
      const no = QUOTED_REQUEST_ANSWERS.find((cue) => answer.includes(cue));
      if (no) return { kind: 'refusal', cue: no };
    }
  }
  for (const cue of WARNINGS_BEFORE)
    if (before.includes(cue) && !(hit.payload.code === 'PROMOTION' && REMINDERS.includes(cue)))
      return { kind: 'warning', cue };
  for (const cue of WARNINGS_AFTER) {
    const at = after.indexOf(cue);
    if (at >= 0 && !negatorBefore(after, at) && !FEARED.some((f) => after.endsWith(f, at)))
      return { kind: 'warning', cue };
  }
  // A promotion's rules told after the sale (its coupon expired, how a refund splits its discount),
  // unless the sentence still urges a purchase (…要不要再来一单).
  if (hit.payload.code === 'PROMOTION') {
    const sentence = text.slice(...topicAround(text, hit, original, normalized));
    // A sale told as over (赠品已经送完了) is an explanation even where it quotes its own call (写了“送完即止”).
    const over = SALE_OVER.find((c) => sentence.includes(c));
    if (over) return { kind: 'explanation', cue: over };
    const told = AFTER_SALES_LOOKALIKES.reduce((t, w) => t.replaceAll(w, '|'), sentence);
    const cue = AFTER_SALES.find((c) => told.includes(c));
    if (cue && !PURCHASE_CALLS.some((c) => urges(sentence, c)) && !DEADLINE.test(sentence))
      return { kind: 'explanation', cue };
  }
  // A registered health food states its approved function (保健功能：增强免疫力, 保健功能是辅助降血脂), which the law allows.
  if (hit.payload.code === 'MEDICAL_CLAIM') {
    // Its own clause, read on the normalized text: the label's colon (保健功能：) does not end it.
    const at = before.lastIndexOf(APPROVED_FUNCTION);
    const between = at >= 0 ? before.slice(at + APPROVED_FUNCTION.length) : '';
    if (at >= 0 && between.length <= 8 && !/[,;。!?]/.test(between)) return { kind: 'legal', cue: APPROVED_FUNCTION };
  }
  if (hit.payload.code === 'BANNED_TERM') {
    // The law's words, not an offer: a crime's name (开设赌场罪) or what a thing is classed as (就认定为枪支).
    if (text.startsWith(CRIME, hit.end)) return { kind: 'warning', cue: CRIME };
    const classed = CLASSED_AS.find((c) => before.endsWith(c));
    if (classed) return { kind: 'warning', cue: classed };
    // …but the office's own stamp or papers made elsewhere (派出所的章都能刻) are forged.
    const through = text.slice(from, hit.end);
    for (const cue of LEGAL_PLACES)
      if (before.includes(cue) && !OFFICE_PAPERS.some((p) => through.includes(cue + p))) return { kind: 'legal', cue };
    // Sent to the office after the act (刻章请到公安机关备案的刻章店), not a mere mention (比去公安局排队快).
    // …but not to the office's website to check the thing (可以到税务局官网验真 vouches for a sold invoice).
    for (const cue of LEGAL_PLACES)
      if (SEND_TO.some((to) => after.includes(to + cue) && !after.includes(to + cue + '官网')))
        return { kind: 'legal', cue };
    // Registered with the office (刻章店已在公安机关备案): the business is the licensed one.
    for (const cue of LEGAL_PLACES) if (after.includes(cue + '备案')) return { kind: 'legal', cue };
    // The lawful sale told in the same sentence: a prescription already checked (处方已审核), a game's play money (欢乐豆, 不能提现).
    const lawful = LAWFUL_SALES.find((c) => before.includes(c) || after.includes(c));
    if (lawful) return { kind: 'legal', cue: lawful };
  }
  return undefined;
}

/**
 * The stretch of the hit's sentence on its own topic: a reply that turns to another matter
 * (另外, 顺便说一下, 还有 …) in the same sentence, or to the next item of a list (①…②…), tells
 * that matter apart.
 */
function topicAround(text: string, hit: TermHit, original: string, normalized: NormalizedText): [number, number] {
  let from = listItemStart(original, normalized, hit.start, SENTENCE_REACH);
  for (const shift of TOPIC_SHIFTS) {
    const before = text.lastIndexOf(shift, hit.start - shift.length);
    if (before >= from) from = before + shift.length;
  }
  return [from, topicEnd(text, hit.end, listItemEnd(original, normalized, hit.end, SENTENCE_REACH))];
}

/**
 * Where the stretch `[from, to)` starts once the turn to another matter that opens it is passed
 * (顺便说一句，本月钣喷打八折 starts at 本月), or `from`: the words that announce a new matter say nothing of it.
 */
export function afterOpeningShift(text: string, from: number, to: number): number {
  const shift = TOPIC_SHIFTS.find((s) => text.startsWith(s, from));
  if (shift === undefined) return from;
  let at = from + shift.length;
  while (at < to && OPENING_PUNCTUATION.includes(text[at] ?? '')) at++;
  return at < to ? at : from;
}

/** What may follow an opening turn before the matter it announces (顺便说一句，…, 另外: …). */
const OPENING_PUNCTUATION = [...',:;、 '];

/** Where the stretch `[from, to)` turns to another matter (its first TOPIC_SHIFTS word), or `to`. */
function topicEnd(text: string, from: number, to: number): number {
  let end = to;
  for (const shift of TOPIC_SHIFTS) {
    const at = text.indexOf(shift, from);
    if (at >= 0 && at < end) end = at;
  }
  return end;
}

const LOOK_BEHIND = 30;
const LOOK_AHEAD = 30;

/** A business declining the thing, in the hit's own clause (本店不提供 … 代开发票). */
const REFUSALS = normalizedTerms(
  '不提供 不会发 不会发送 不搞 不做 不参加 不涉及 不支持 不接受 不办理 不从事 不参与 不销售 不出售 不售卖 不卖 从不 绝不 一律不 拒绝 不能代替 不能替代 不可代替 不可替代 不代替 不能取代 不会要求 不会让您 不会搞 不敢说 不敢保证 不能保证 无法保证 不能承诺 无法承诺 不承诺 不开展 不举办 没有举办 未举办 不能通过 我们没有 这边没有 不贩售 不经营 不允许 无法提供 不接 不承接 不招 无任何 没有任何 谢绝 不代 本店不会 我们不会 不收取 不收 不按 做不到 办不到 不能卖 不进行 依法不 不能出借 不得出借 不要出借 没办法保证 没法保证 没法承诺 没办法承诺',
);

/** Words that take up what the customer said or asked (您说的…, 您问的…). */
const CUSTOMER_WORDS = normalizedTerms(
  '您说的 您问的 您问 您提到的 您咨询的 您要的 您想要的 你说的 你问的 你要的 您转来的 您留言 顾客问 客户问 您想问 您来问',
);

/** A no to what the customer asked, anywhere later in the sentence. */
const ANSWERED_NO = normalizedTerms(
  '都不能 不能寄 不能邮寄 不能卖 不能这样 不能这么 没法 不会这样 不做这种 如实 是别家 不提供 不销售 不出售 不卖 不代购',
);

/** What answers a customer's quoted request with a no in the sentence after it: a refusal or a no. */
const QUOTED_REQUEST_ANSWERS = [...new Set([...REFUSALS, ...ANSWERED_NO])];

/** Whether `cue` occurs in `before` (the sentence up to the hit, from normalized offset `from`) in the hit's own clause. */
function takenUp(
  before: string,
  cue: string,
  from: number,
  hitStart: number,
  original: string,
  normalized: NormalizedText,
): boolean {
  const at = before.lastIndexOf(cue);
  return at >= 0 && !crossesClause(original, normalized, from + at + cue.length, hitStart);
}

/**
 * Warning against, reporting or quoting the claim, anywhere earlier in the sentence. No negation is
 * checked here, so a case told as news counts only by words a seller's reassurance cannot carry
 * (破获, 新闻): 被抓 is read after the hit (WARNINGS_AFTER), where 不会被抓 and 不怕被抓 are cancelled.
 */
const WARNINGS_BEFORE = normalizedTerms(
  '谨防 警惕 提防 有人让您 有人叫您 很可能是 有顾客问 网传 当心 诈骗 谣言 不实 识破 揭穿 揭露 曝光 举报 打击 严禁 禁止 杜绝 切勿 切莫 网警 警方 法院 判例 反诈 提醒 有人向您 有人兜售 有人推销 不要相信 别相信 不要轻信 勿轻信 勿信 别信 抵制 所谓 宣称 号称 声称 自称 鼓吹 吹嘘 虚假宣传 虚假广告 违法广告 查处 处罚 立案 取缔 通报 涉嫌 防范 远离 冒充 假冒 仿冒 有人说 有人发 疑似 禁毒 提醒您 不能说 不可以说 不能写 不能用 不得使用 不能代替 不能替代 广告法 禁用词 违禁词 极限词 为名 别被 若有人 如有人 如果有人 请勿 请不要 勿将 海关规定 科普： 防骗 有人推荐 网上说 医疗广告 按规定 的规定 不能宣传 不要因为 为了避免 避免被 网友问 凡是说 不可信 根据规定 冒用 被罚 更正 有人搞 截获 查获 缴获 破获 破过 端掉 捣毁 搜出 抓获 落网 判处 批捕 移送检察院 新闻 报道 真事 真实案例',
);

/** Whether the call `c` is in `sentence` as a call: an end told as past (上周日就结束了, 上个月就结束了) is not one. */
function urges(sentence: string, c: string): boolean {
  for (let at = sentence.indexOf(c); at >= 0; at = sentence.indexOf(c, at + 1))
    if (sentence[at - 1] !== '上') return true;
  return false;
}

/** A reminder warns against a banned offer (提醒大家：…咖啡包…) but only recalls a sale (顺便提醒，本周三会员日), as a "do not" urges one (请勿错过). */
const REMINDERS = normalizedTerms('提醒 提醒您 请勿 请不要');

/** Judging the claim later in the sentence (… 都是骗局), or disowning the message that carried it (…的短信不是我们发的); a negation before these cancels them (不是骗人的). */
const WARNINGS_AFTER = normalizedTerms(
  '骗局 骗子 谣言 不实 96110 报警 110 被骗 犯罪 违禁品 请勿参与 敲诈 处罚 有人兜售 无法提供 不能提供 不经营 骗人 是假的 不可信 不能信 别信 不要信 违法 违规 虚假 诈骗 不靠谱 举报 请不要点 不要点 别点 假冒 冒充 没法承诺 无法承诺 不能承诺 不敢承诺 没这样说 没有这样说 交给银行 上交银行 交到银行 上缴 已经下线 已下线 已经结束 已结束 已经取消 已取消 已停止 那是赌博 不是我们发 不是我们发布 不是本店发 并非我们 并非本店 并非官方 不是官方发 为名 非法 不要理会 警惕 忽悠 这类广告 之类的广告 此类广告 木马 盗号 刑责 追究 刑事责任 冒名 不是我们官方 这边查不到 涉嫌 帮信 也不销售 不能购买 没有赢家 警方提醒 切勿 夸大宣传 没有科学依据 谨慎对待 我们没有 本店没有 没有卖 会被没收 被没收 交由银行 报案 请勿再使用 请勿使用 已经下架 已下架 不再销售 冒用 盗用 不是我们店 不是本店的 跟我们无关 和我们无关 与我们无关 与本店无关 跟本店无关 没发过 这种词 这类词 这样的词 千万别 千万不要 防骗 仿冒 禁止买卖 禁止销售 禁止出售 严禁买卖 法律风险 有风险 存在风险 通报 传销 被禁止 是禁止的 越滚越大 没有依据 没依据 不允许 查禁 不卖这类 不卖这种 不销售任何 窃照器材 管理规定 由医生判断 的说法 不会这样 不做这种 没法这样 也不出售 不外借 一律禁止 违反 停止转账 属于管制 属于国家管制 可能构成 涉嫌构成 夸大 别上当 不要上当 别家的广告 不这样宣传 不会这么讲 不会这么说 错误表述 被抓 抓获 落网 判过 判了 被判 判处 刑拘 批捕 移送检察院 被查处 端掉 端了 捣毁 破获 上门查',
);

/** A judgement or an arrest the seller tells the buyer not to fear (不怕被抓, 不用担心被查) is a reassurance, not a warning. */
const FEARED = normalizedTerms('怕 担心 担心会 害怕');

/** A crime's name ends in 罪 (非法持有枪支罪). */
const CRIME = normalizeTerm('罪');

/** What the law classes a thing as, right before it (认定为枪支, 以毒品论). */
const CLASSED_AS = normalizedTerms('认定为 视为 定性为 列为 列入');

/** Places where the banned-sounding act is the lawful one (到税务局代开发票, 派出所办证). */
const LEGAL_PLACES = normalizedTerms(
  '税务局 税务机关 税务部门 办税服务厅 办税大厅 公安局 公安机关 派出所 车管所 出入境 政务服务 政务大厅 公证处 公安备案 人民银行 电子税务局',
);

/** A banned-sounding sale made lawfully: the prescription checked by the pharmacy, a card game played for beans that pay nothing out. */
const LAWFUL_SALES = normalizedTerms(
  '处方已审核 处方已经审核 处方审核通过 处方已通过审核 处方已经通过审核 已审核处方 欢乐豆 不能提现 不可提现 无法提现 不涉及真钱 不涉及现金 不能兑换现金',
);

/** How far a promotion's sentence is read for after-sales and purchase cues, each side. */
const SENTENCE_REACH = 60;

/** Words that turn a reply to another matter within one sentence. */
const TOPIC_SHIFTS = normalizedTerms('另外 顺便说一下 顺便说一句 顺便 还有 而且 此外 再说一句 对了');

/** A sentence about a promotion's rules, an order's money or its end, not an offer (优惠券已过期, 退款按比例分摊). */
const AFTER_SALES = normalizedTerms(
  '已过期 已经过期 过期了 已到期 已于 补偿 已结束 已经结束 结束了 无理由退 只适用于 不支持 不退 不予 无法 不能兑换 不找零 扣回 分摊 按比例 退款 退货 退回 寄回 原路 发票 结算规则 价结算 以结算页 实付 是因为 是指 所以 规则 计算 价保 上个月的活动 售后 核实 系统 不能同时 不能抵扣 不会 抱歉 不好意思 请见谅 请您理解 请谅解 写明 适用范围 限指定 一经售出 不支援 不能用 平台客服 统一发货 剩余 还剩 核销 只能用一次 已经被使用 报价 价格表 会员等级 统一标准 没有在做 没有上线 不需要储值 免费办理 尾款通知 领取时 缺货 不能提现 不能退现 挂失 已提示 后台设定 您问的这张 您问的那张 您手上的 您领的 限用 不能兑现 补差价 菜单栏 菜单里 菜单中 内发货 登记 您的余额 您的储值 账户余额 余额查询 本金余额 不参与 才能用 才可用 回存 只能用一张 不能折抵 已经截止 已截止 用不了 已付 按协议 合同 约定的 已经到账 您之前的 您之前买 您之前付 您之前下单 您之前领 您之前用 起算 价格保护 保价 刚才问的 您问的那款 您问的这款',
);

/** Words that hold an after-sales cue but tell no rule: a renewal's price (续保价格 is no 保价), billed together (一起算 is no 起算). */
const AFTER_SALES_LOOKALIKES = normalizedTerms('续保价 一起算');

/** A sale or its gifts told as over: no call in the sentence makes it an offer again. */
const SALE_OVER = normalizedTerms('已经送完 已送完 送完了 赠完了 已经赠完 已经抢完 已抢完 活动已经结束 活动已结束');

/** A purchase still urged in the sentence, scarcity and an offer to take the order included (还剩6个名额, 要我先幫您登記一束嗎): the promotion is offered, whatever rule it also tells. */
const PURCHASE_CALLS = normalizedTerms(
  '要不要 再来一单 再加 多减 现在下单 今天下单 立即下单 马上下单 早点下单 尽快下单 喜欢的话 快来 快去 赶紧 抓紧 别错过 不要错过 今天截止 今晚截止 即将截止 就截止 只剩 送完即止 手慢无 抢购 可以看看 很合适 很划算 更划算 感兴趣 入手 囤 今天拍 今晚 趁现在 赶紧约 尽快预约 来试一下 一定要 最合算 现在买 先下单 正合适 月底就结束 周日就结束 周末就结束 今天就结束 明天就结束 马上就结束 很快就结束 快结束了 就要结束 名额有限 名额不多 机会难得 快来报名 预售开始 现在付 单买要 错过就要等 错过要等 需要我帮您改成 还剩最后 最后几 仅剩 就剩 个名额 个位置 团位 (原价 帮您登记 给您登记 先帮您留 帮您先留 先帮您续 先帮您锁 给您留 帮您留着 要不这周 您要几 想锁定 就拍 别犹豫 快来登记 嚟登记 把合同签 把合同定 就恢复原价 将恢复原价 会恢复原价 趁这次 只限当天 划算多了 一起续上 发您看看',
);

/** A sale's time or stock running out (第二副半价还剩三天, 名额还剩 5 个): a call, though 还剩 also tells a balance (还剩200元, 次卡还剩6次). */
const DEADLINE =
  /(?:还剩|只剩|仅剩|就剩)(?:最后)? ?[0-9一二两三四五六七八九十]+ ?(?:天|个?小时|个|位|份|盒|件|名|间|套|台)/;

const BEST = normalizeTerm('最好');
/** What follows 最好 when it ranks: 的, a sense or use, or a clause's end. */
const PRAISE_AFTER_BEST = [...'的用吃喝看听玩穿卖评闻,.;:!?。，；：！？、)）"”’'];

/** The approved-function field of a registered health food's label (保健食品 注册/备案, 保健功能). */
const APPROVED_FUNCTION = normalizeTerm('保健功能');

/** An office's own stamp or papers (派出所的章): made by anyone but the office, they are forged. */
const OFFICE_PAPERS = normalizedTerms('的章 的公章 的印章 的证明 的证件');

/** Directing the user to a legal place: 请到 / 需到 / 可以去 … + LEGAL_PLACES. */
const SEND_TO = normalizedTerms(
  '请到 请去 请前往 需到 需要到 要到 可到 可以到 可以去 应到 须到 前往 交到 交给 上交 须经 需经 应经 必须经 可在 可以在 到',
);
