/**
 * A flow node as the operator knows it, for server messages (publish gates): its own `label`
 * when it has one, else its kind and what it says, `回复消息「您好，{{nickname}}」`, the way the
 * editor names it. Ids such as `reply-873tl4yv3t` never reach an operator.
 */
import type { FlowNode } from './index.js';

const KIND: Record<FlowNode['type'], string> = {
  trigger: '触发',
  keywordGroup: '关键词组',
  condition: '条件判断',
  reply: '回复消息',
  handoff: '转人工',
  recordTag: '打标签',
  followUp: '追问',
  recordPreference: '记录偏好',
};

const MAX_SUMMARY = 16;

/**
 * @param groupName the name of a keyword group by id, when known.
 * @example flowNodeName({ id: 'r1', type: 'followUp', position: { x: 0, y: 0 }, data: { question: '还有别的问题吗' } }) // '追问「还有别的问题吗」'
 */
export function flowNodeName(node: FlowNode, groupName: (id: string) => string | undefined = () => undefined): string {
  const label = node.label?.trim();
  if (label) return label;
  const summary = summaryOf(node, groupName).replace(/\s+/g, ' ').trim();
  if (!summary) return KIND[node.type];
  const chars = [...summary];
  return `${KIND[node.type]}「${chars.length > MAX_SUMMARY ? `${chars.slice(0, MAX_SUMMARY).join('')}…` : summary}」`;
}

function summaryOf(node: FlowNode, groupName: (id: string) => string | undefined): string {
  switch (node.type) {
    case 'reply': {
      const first = node.data.replies[0];
      if (!first) return '';
      if (first.type === 'text') return first.content;
      if (first.type === 'news') return first.articles[0]?.title ?? '';
      if (first.type === 'msgmenu') return first.items.map((i) => i.content).join(' / ');
      return 'title' in first && typeof first.title === 'string' ? first.title : '';
    }
    case 'followUp':
      return node.data.question;
    case 'recordPreference':
      return `${node.data.key}=${node.data.value}`;
    case 'keywordGroup':
      return groupName(node.data.groupId) ?? node.data.groupId;
    default:
      return '';
  }
}
