/**
 * Compiles the published documents of one account (flows, keyword groups, policy, enabled
 * packs) once into everything evaluation needs: one automaton for every keyword and lexicon
 * term, a trigger index, per-node json-rules-engine conditions and the custom reply rules.
 * Evaluation never rebuilds any of this per message.
 */
import type { Engine } from 'json-rules-engine';
import type { CustomRule, Flow, FlowEdge, FlowNode, KeywordGroup, Lexicon, Policy } from '../../../../rules-schema/index.js';
import { resolvePolicy, type ResolvedPolicy } from '../policy/resolve-policy.js';
import { Automaton } from '../text/automaton.js';
import { normalizeTerm } from '../text/normalize-text.js';
import { compileContentChecks, type CompiledContentChecks, type TermPayload } from '../checks/compile-content-checks.js';
import { newEngine } from '../operators/index.js';
import { guardOf, type RuleGuard } from './rule-guard.js';
import { keywordPatterns, regexKeywords, type KeywordPayload, type RegexKeyword } from './keyword-matcher.js';
import type { Severity } from '../reason.js';

/** A rule contributed by the policy (`rule:<id>`) or a pack (`pack:<id>/<CODE>`). */
export interface ReplyRule {
  code: string;
  severity: Severity;
  message: string;
  ruleId: string;
  conditions: CustomRule['conditions'];
}

export interface PackContribution {
  id: string;
  lexicons?: Lexicon[];
  rules?: ReplyRule[];
  groups?: KeywordGroup[];
}

export interface WorkspaceInput {
  flows: Flow[];
  groups: KeywordGroup[];
  policy?: Policy;
  packs?: PackContribution[];
}

export type Payload = KeywordPayload | TermPayload;

export interface CompiledFlow {
  id: string;
  name: string;
  nodes: Map<string, FlowNode>;
  /** Outgoing edges per node, in document order. */
  out: Map<string, FlowEdge[]>;
  conditions: Map<string, Engine>;
}

export interface TriggerRef {
  flow: CompiledFlow;
  nodeId: string;
  onlyIfUnmatched: boolean;
  /**
   * When every way out of the trigger is a keyword group with no `else` branch, the flow can
   * only act if one of these groups matched: the evaluator skips it otherwise, so the cost
   * of a message does not grow with the number of FAQ flows.
   */
  gate: Set<string> | null;
}

export interface CompiledReplyRule {
  guard: RuleGuard;
  engine: Engine;
}

export interface CompiledWorkspace {
  policy: ResolvedPolicy;
  groups: KeywordGroup[];
  groupIndex: Map<string, number>;
  automaton: Automaton<Payload>;
  /** Keywords of `regex` groups: the only keywords run one by one, as patterns cannot share an automaton. */
  regexKeywords: RegexKeyword[];
  hasFuzzyGroups: boolean;
  content: CompiledContentChecks;
  flows: CompiledFlow[];
  triggers: Map<string, TriggerRef[]>;
  /** Custom and pack rules, each with its own engine and a guard that skips it when it cannot fire. */
  replyRules: CompiledReplyRule[];
}

const NON_EVENT_TYPES = ['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link'];
const KEYED_EVENTS = new Set(['CLICK', 'scancode_push', 'scancode_waitmsg', 'VIEW', 'SCAN', 'subscribe']);

/** Index keys a trigger listens on; the evaluator looks messages up by the same keys. */
export function triggerKeys(data: { messageTypes?: readonly string[]; events?: readonly string[]; menuKeys?: readonly string[] }): string[] {
  const types = data.messageTypes ?? [];
  const events = data.events ?? [];
  const keys: string[] = [];
  for (const t of types.length === 0 && events.length === 0 ? NON_EVENT_TYPES : types) keys.push(`msg:${t}`);
  for (const e of events) {
    const menuKeys = data.menuKeys ?? [];
    if (menuKeys.length > 0 && KEYED_EVENTS.has(e)) for (const k of menuKeys) keys.push(`event:${e}:${k}`);
    else keys.push(`event:${e}`);
  }
  return keys;
}

export function compileWorkspace(input: WorkspaceInput): CompiledWorkspace {
  const policy = resolvePolicy(input.policy);
  const packs = input.packs ?? [];
  const groups = [...input.groups, ...packs.flatMap((p) => p.groups ?? [])].filter((g) => g.enabled !== false);
  const content = compileContentChecks(policy, packs.flatMap((p) => p.lexicons ?? []));
  const automaton = new Automaton<Payload>([...keywordPatterns(groups, normalizeTerm), ...content.termPatterns]);
  const flows = input.flows.filter((f) => f.enabled !== false).map(compileFlow);
  const triggers = new Map<string, TriggerRef[]>();
  for (const flow of flows) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'trigger') continue;
      for (const key of triggerKeys(node.data)) {
        const list = triggers.get(key) ?? [];
        list.push({ flow, nodeId: node.id, onlyIfUnmatched: node.data.onlyIfUnmatched === true, gate: gateOf(flow, node.id) });
        triggers.set(key, list);
      }
    }
  }
  const rules: ReplyRule[] = [
    ...policy.rules.map((r) => ({ code: `rule:${r.id}`, severity: r.severity, message: r.message, ruleId: `rule:${r.id}`, conditions: r.conditions })),
    ...packs.flatMap((p) => p.rules ?? []),
  ];
  return {
    policy,
    groups,
    groupIndex: new Map(groups.map((g, i) => [g.id, i])),
    automaton,
    regexKeywords: regexKeywords(groups),
    hasFuzzyGroups: groups.some((g) => g.mode === 'fuzzy'),
    content,
    flows,
    triggers,
    replyRules: rules.map((rule) => ({ guard: guardOf(rule.conditions), engine: replyRuleEngine(rule) })),
  };
}

function gateOf(flow: CompiledFlow, triggerId: string): Set<string> | null {
  const gate = new Set<string>();
  const exits = flow.out.get(triggerId) ?? [];
  if (exits.length === 0) return null;
  for (const edge of exits) {
    const target = flow.nodes.get(edge.target);
    if (target?.type !== 'keywordGroup') return null;
    if ((flow.out.get(target.id) ?? []).some((e) => e.sourceHandle === 'else')) return null;
    gate.add(target.data.groupId);
  }
  return gate;
}

function compileFlow(flow: Flow): CompiledFlow {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    const list = out.get(edge.source) ?? [];
    list.push(edge);
    out.set(edge.source, list);
  }
  const conditions = new Map<string, Engine>();
  for (const node of flow.nodes) {
    if (node.type !== 'condition') continue;
    const engine = newEngine();
    // topicCount reads the per-group hit counter named by the condition's `topic`.
    engine.addFact('topicCount', async (params: { topic?: string }, almanac) => {
      const topics = (await almanac.factValue('topics')) as Record<string, number> | undefined;
      return topics?.[params.topic ?? ''] ?? 0;
    });
    const conds = node.data.conditions.map((c) => ({
      fact: c.fact,
      operator: c.operator,
      value: c.value,
      ...(c.fact === 'topicCount' ? { params: { topic: c.topic } } : {}),
    }));
    engine.addRule({
      conditions: node.data.match === 'any' ? { any: conds } : { all: conds },
      event: { type: 'pass' },
    });
    conditions.set(node.id, engine);
  }
  return { id: flow.id, name: flow.name, nodes, out, conditions };
}

function replyRuleEngine(rule: ReplyRule): Engine {
  const engine = newEngine();
  engine.addRule({
    name: rule.ruleId,
    conditions: rule.conditions as Parameters<Engine['addRule']>[0]['conditions'],
    event: { type: 'reason', params: { code: rule.code, severity: rule.severity, message: rule.message, ruleId: rule.ruleId } },
  });
  return engine;
}
