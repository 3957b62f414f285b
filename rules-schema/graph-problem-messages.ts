/**
 * The words for each graph problem, in Chinese and English, with `{{param}}` placeholders:
 * the editor's i18n resources and the server's error details both read them from here.
 */
import type { GraphProblem, GraphProblemCode } from './graph-checks.js';

export const GRAPH_PROBLEM_MESSAGES: Record<'zh-CN' | 'en', Record<GraphProblemCode, string>> = {
  'zh-CN': {
    E001: '流程还没有触发节点',
    E002: '这个节点没有从任何触发节点连过来，永远不会运行',
    E003: '这个触发节点后面没有任何回复、追问或转人工',
    E004: '没有选择关键词组，或所选的关键词组已不存在',
    E005: '关键词组「{{group}}」还没有关键词',
    E006: '关键词“{{keyword}}”同时在本流程用到的关键词组「{{other}}」中',
    E007: '连线 {{edge}} 指向不存在的节点',
    E008: '这条路径会发送 {{count}} 条消息，超过平台配额 {{limit}} 条',
    E009: '触发节点是流程的起点，不能有连线进入',
    E010: '这个节点没有“{{handle}}”出口',
    E011: '节点编号 {{id}} 重复',
    W101: '这条路径会发送 {{count}} 条消息，超过礼貌上限 {{limit}} 条，多出的会被拦截',
    W102: '关键词“{{keyword}}”也在关键词组「{{other}}」中',
    W103: '关键词组「{{group}}」命中后没有下一步',
  },
  en: {
    E001: 'The flow has no trigger',
    E002: 'No trigger leads to this node; it never runs',
    E003: 'Nothing after this trigger replies, follows up or hands off',
    E004: 'No keyword group chosen, or the chosen group no longer exists',
    E005: 'Keyword group "{{group}}" has no keywords',
    E006: 'Keyword "{{keyword}}" is also in group "{{other}}" used by this flow',
    E007: 'Edge {{edge}} points to a missing node',
    E008: 'This path sends {{count}} messages, more than the platform grant of {{limit}}',
    E009: 'A trigger starts the flow; nothing may lead into it',
    E010: 'This node has no "{{handle}}" exit',
    E011: 'Node id {{id}} is used twice',
    W101: 'This path sends {{count}} messages, more than the etiquette limit of {{limit}}; the extra ones will be blocked',
    W102: 'Keyword "{{keyword}}" is also in group "{{other}}"',
    W103: 'Nothing follows when group "{{group}}" matches',
  },
};

export function describeGraphProblem(problem: GraphProblem, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const template = GRAPH_PROBLEM_MESSAGES[language][problem.code];
  return template.replace(/\{\{(\w+)\}\}/g, (_all, key: string) => String(problem.params?.[key] ?? ''));
}
