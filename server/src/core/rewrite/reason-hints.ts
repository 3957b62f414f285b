/**
 * Hints for reasons no text rewrite can fix: the window, the counters and the reply's shape.
 * A plain sentence each, saying what to do instead.
 */
export const REASON_HINTS: Readonly<Record<string, string>> = {
  WINDOW_NONE: '这位用户还没有和公众号互动过，客服消息发不出去；请等用户先发消息或点击菜单后再回复。',
  WINDOW_EXPIRED: '互动窗口已经过期；请等用户下一条消息（会重新打开 48 小时窗口）后再回复。',
  WINDOW_CLOSING: '窗口快到期了：可以在回复末尾问一句“还有其他问题吗？”，用户一回复窗口就重新计算。',
  USER_UNSUBSCRIBED: '用户已取消关注，不能再给他发客服消息。',
  QUOTA_EXHAUSTED: '这次互动可发的消息条数已经用完；请等用户下一条消息后再回复。',
  FREQUENCY_LIMIT: '这次互动已经回复了多条；请把要说的合并成一条，或等用户下一条消息后再回复。',
  DUPLICATE_REPLY: '同样的内容刚刚发过；请换一种说法，或等用户下一条消息后再回复。',
  OVER_MARKETING: '本窗口已经发过推广内容；请去掉优惠、促销的内容，或等用户主动问起时再介绍。',
  PROMOTION: '促销信息建议放在公众号菜单里（例如菜单栏“今日特惠”），用户问起时再介绍，以免被判定为过度营销。',
  UNSUPPORTED_TYPE: '这种消息类型或格式不能作为客服消息发送；请改成文字、图片、图文或小程序卡片等支持的类型。',
  CONTENT_TOO_LONG: '内容超出平台长度上限；请精简文字，或拆成几条分别发送；图文消息每条只放一篇文章。',
};

/** For a code with neither a strategy nor a hint of its own. */
export const GENERIC_HINT = '请按上面的说明修改回复。';
