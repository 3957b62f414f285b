import type { Flow, FlowNode } from '../../../rules-schema/index.js';
import { isFallbackTrigger, isSubscribeTrigger } from '../../../rules-schema/console-auto-reply.js';

/** A reply node of a flow, as one card of 被关注回复 or 收到消息回复. */
export interface ReplyRule {
  flowId: string;
  flowName: string;
  replyNodeId: string;
}

/** One 关键词回复 rule: a keyword-group node and the reply its match exit leads to. */
export interface KeywordRule {
  flowId: string;
  flowName: string;
  groupNodeId: string;
  groupId: string;
  replyNodeId: string;
}

export interface ConsoleRules {
  welcome: ReplyRule[];
  fallback: ReplyRule[];
  keyword: KeywordRule[];
}

/**
 * Reads flow documents as the console's three rule lists, without changing them: the reply right
 * after a subscribe trigger (被关注回复), the reply right after an `onlyIfUnmatched` trigger
 * (收到消息回复), and every keyword-group node whose 「匹配」 exit leads straight to a reply
 * (关键词回复). Anything else a flow does stays for the canvas.
 * @example readConsoleRules([welcomeFlow]).welcome // [{ flowId: 'welcome', flowName: '关注欢迎语', replyNodeId: 'greet' }]
 */
export function readConsoleRules(flows: readonly Flow[]): ConsoleRules {
  const rules: ConsoleRules = { welcome: [], fallback: [], keyword: [] };
  for (const flow of flows) {
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    const replyAfter = (source: string, handle?: string): FlowNode[] =>
      flow.edges
        .filter((e) => e.source === source && (handle === undefined || e.sourceHandle === handle))
        .map((e) => byId.get(e.target))
        .filter((n): n is FlowNode => n?.type === 'reply');
    for (const node of flow.nodes) {
      const at = { flowId: flow.id, flowName: flow.name };
      if (node.type === 'trigger') {
        const list = isSubscribeTrigger(node.data)
          ? rules.welcome
          : isFallbackTrigger(node.data)
            ? rules.fallback
            : null;
        for (const reply of list ? replyAfter(node.id) : []) list?.push({ ...at, replyNodeId: reply.id });
      } else if (node.type === 'keywordGroup') {
        for (const reply of replyAfter(node.id, 'match'))
          rules.keyword.push({ ...at, groupNodeId: node.id, groupId: node.data.groupId, replyNodeId: reply.id });
      }
    }
  }
  return rules;
}
