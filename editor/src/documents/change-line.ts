/**
 * One change between two versions of a document, in the operator's words: 新增节点「…」,
 * 关键词 +退货, 回复消息「…」的文字 old → new. `before`/`after` hold a changed text to show
 * with its changed part highlighted; `text` says what changed.
 */
export interface ChangeLine {
  tone: 'add' | 'remove' | 'change';
  text: string;
  before?: string;
  after?: string;
}
