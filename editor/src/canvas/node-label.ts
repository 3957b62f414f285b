import type { TFunction } from 'i18next';
import type { NodeKind } from '../model/flow-types.js';
import { nodeSpecs } from '../nodes/node-specs.js';

const MAX_SUMMARY = 16;

/**
 * A node as the operator knows it: its kind and what it says, `回复消息「您好，{{nickname}}」`,
 * for problems, menus and pickers; ids such as `reply-873tl4yv3t` never reach the screen.
 * @example nodeLabel({ type: 'keywordGroup', data: { groupId: 'kg-1' } }, t, (id) => '退款') // '关键词组「退款」'
 */
export function nodeLabel(
  node: { type?: string; data: Record<string, unknown> },
  t: TFunction,
  groupName: (id: string) => string | undefined,
): string {
  const kind = node.type as NodeKind;
  const spec = nodeSpecs[kind];
  if (!spec) return t('kind.unknown', { defaultValue: node.type ?? '' });
  // Each spec summarizes its own kind's data; the registry is indexed by the node's own type.
  const summarize = spec.summary as (data: unknown, ctx: { t: TFunction; groupName: typeof groupName }) => string;
  const summary = summarize(node.data, { t, groupName }).replace(/\s+/g, ' ').trim();
  if (!summary) return t(spec.label);
  const short = [...summary].length > MAX_SUMMARY ? `${[...summary].slice(0, MAX_SUMMARY).join('')}…` : summary;
  return `${t(spec.label)}「${short}」`;
}
