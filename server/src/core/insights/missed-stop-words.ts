/**
 * Words that say nothing about what a user wants: particles, pronouns, question and filler
 * words, greetings. Left out before missed messages are clustered, so 在吗 / 退钱吗 / 我要退钱
 * are grouped by 退钱 and never by 吗 or 我要. Written in normalized (simplified, lowercase) form,
 * as jieba cuts them.
 */
export const MISSED_STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // particles and interjections
    '吗 么 嘛 呢 吧 啊 呀 哦 噢 喔 哈 哈哈 啦 咯 嘞 呗 了 的 地 得 着 过 之 嗯 嗯嗯 呃 额 哎 诶 唉 喂 哇 耶',
    // pronouns and determiners
    '我 你 您 他 她 它 我们 你们 他们 她们 咱 咱们 自己 这 那 这个 那个 这些 那些 这里 那里 这边 那边 这样 那样 个 些',
    // question words
    '什么 啥 怎么 怎么样 怎样 咋 咋办 为什么 为啥 哪 哪里 哪儿 哪个 哪些 多少 几 如何 是否 请问 问 问下 问一下 一下 下',
    // modal and linking verbs, adverbs, conjunctions
    '是 有 没 没有 不 不是 不能 能 能不能 可以 可不可以 会 要 要不要 想 想要 需要 在 还 也 就 都 又 才 再 很 太 更 最 已经 现在 刚才 还是 或者 和 跟 与 及 以及 或 因为 所以 如果 但是 可是 然后 而且 就是 只是 给 让 把 被 对 从 到 向 用 一个 一些 有点 一点',
    // greetings and thanks
    '你好 您好 在吗 在不在 好 好的 好吧 行 谢谢 多谢 感谢 麻烦 麻烦你 请 亲 hi hello ok',
  ]
    .join(' ')
    .split(' '),
);
