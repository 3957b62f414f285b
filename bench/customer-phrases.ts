/** Short customer messages (refund, delivery, password, hand-off, greetings) that load benches send in turn. */
export const PHRASES = [
  '我要退钱',
  '快递多久到',
  '忘记密码了怎么办',
  '你好',
  '转人工',
  '这个怎么退货',
  '什么时候发货',
  '谢谢',
];
