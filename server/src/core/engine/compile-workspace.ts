/**
 * Compiles the published documents of one account (flows, keyword groups, policy, enabled
 * packs) once into everything evaluation needs: automaton shards for every keyword and
 * lexicon term, the RE2 patterns, a trigger index, per-node json-rules-engine conditions and
 * the custom reply rules. Evaluation never rebuilds any of this per message.
 *
 * This is also the gate: save, publish, rollback and pack import run these same steps and
 * refuse what fails them, so what publishes is exactly what the runtime can run. Problems
 * come back as data with workspace pointers (see compile-problem.ts), never as exceptions.
 */
import type { Engine } from 'json-rules-engine';
import type { RE2JS } from 're2js';
import type {
  CustomRule,
  Flow,
  FlowEdge,
  FlowNode,
  KeywordGroup,
  Lexicon,
  Policy,
} from '../../../../rules-schema/index.js';
import { validate } from '../../../../rules-schema/validator.js';
import { resolvePolicy, type ResolvedPolicy } from '../policy/resolve-policy.js';
import { normalizeTermCached } from '../checks/normalize-term-cached.js';
import {
  compileContentChecks,
  type CompiledContentChecks,
  type TermPayload,
} from '../checks/compile-content-checks.js';
import { termPatternSteps } from '../checks/compile-term-patterns.js';
import type { ReplyClassifier } from '../checks/reply-classifier.js';
import { compileRegex, type RegexCompile } from '../checks/regex-terms.js';
import { runToEnd, type Steps } from '../steps.js';
import { invalid } from '../../errors.js';
import { guardOf, type RuleGuard } from './rule-guard.js';
import { keywordPatterns, regexKeywords, type KeywordPayload, type RegexKeyword } from './keyword-matcher.js';
import { AutomatonShards } from './automaton-shards.js';
import { checkBudget } from './compile-budget.js';
import { compileRule } from './compile-rule.js';
import { WORKSPACE_PATHS, type CompileProblem } from './compile-problem.js';
import type { Severity } from '../reason.js';
import { isTimeZone } from './is-time-zone.js';
import { warmWordSegmenter } from '../text/word-boundaries.js';
import { SyllableAlphabet } from '../text/pinyin-forms.js';
import type { GroupRank } from './pick-winning-group.js';

export type { CompileProblem } from './compile-problem.js';

/** A rule contributed by the policy (`rule:<id>`) or a pack (`pack:<id>/<CODE>`). */
export interface ReplyRule {
  code: string;
  severity: Severity;
  message: string;
  ruleId: string;
  conditions: CustomRule['conditions'];
  /** JSON pointer of `conditions` in the workspace (`/packs/<id>/rules/<i>/conditions`). */
  path: string;
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
  /** The reply classifier, second reader of the content checks (none: the lexicons alone). */
  classifier?: ReplyClassifier;
}

export interface CompiledFlow {
  id: string;
  name: string;
  nodes: Map<string, FlowNode>;
  /** Outgoing edges per node, in document order. */
  out: Map<string, FlowEdge[]>;
  conditions: Map<string, Engine>;
  /** `one`: of the keyword groups a message matches, only the winner's branch is walked. */
  keywordAnswers: 'one' | 'all';
  /** Priority and document order of each keyword-group node, the winner's tie-breaks. */
  groupRanks: Map<string, GroupRank>;
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
  /** Literal keywords, exclusions, combo words and Latin pinyin forms, scanned over a message's normalized text. */
  keywordAutomaton: AutomatonShards<KeywordPayload>;
  /** Syllable forms of pinyin groups, in their alphabet, scanned over a message's syllable text; null without any. */
  syllables: { alphabet: SyllableAlphabet; automaton: AutomatonShards<KeywordPayload> } | null;
  /** Lexicon terms, exclusions, allowances and cues, scanned over each text field of a reply. */
  termAutomaton: AutomatonShards<TermPayload>;
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
export function triggerKeys(data: {
  messageTypes?: readonly string[];
  events?: readonly string[];
  menuKeys?: readonly string[];
}): string[] {
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

export type CompileOutcome = { ok: true; compiled: CompiledWorkspace } | { ok: false; problems: CompileProblem[] };

/**
 * Compiles at once (tests, the sandbox, offline tools); a workspace that cannot run is a
 * VALIDATION_FAILED carrying every problem with its pointer.
 * @example compileWorkspace({ flows: [], groups: [], policy }).replyRules.length
 */
export function compileWorkspace(input: WorkspaceInput): CompiledWorkspace {
  const outcome = runToEnd(compileWorkspaceSteps(input));
  if (!outcome.ok) throw invalid(`规则无法编译（${outcome.problems.length} 个问题）`, outcome.problems);
  return outcome.compiled;
}

/**
 * The compiler as steps, each a small unit (a document's schema check, a regex, a term, an
 * automaton shard, a flow, a rule), so the runtime can let other requests run in between.
 */
export function* compileWorkspaceSteps(input: WorkspaceInput): Steps<CompileOutcome> {
  const problems: CompileProblem[] = [];
  yield* schemaSteps(input, problems);
  if (problems.length > 0) return { ok: false, problems };
  // Over budget: refuse before spending the compile the budget exists to bound.
  problems.push(...checkBudget(input));
  if (problems.length > 0) return { ok: false, problems };

  const packs = input.packs ?? [];
  const regexes = yield* regexSteps(input, problems);
  const regexOf = (pattern: string): RE2JS | null => regexes.get(pattern) ?? null;
  const policy = resolvePolicy(input.policy);
  const groups = [...input.groups, ...packs.flatMap((p) => p.groups ?? [])].filter((g) => g.enabled !== false);
  const terms = yield* termPatternSteps(
    policy,
    [...policy.lexicons, ...packs.flatMap((p) => p.lexicons ?? [])],
    regexOf,
  );
  const content = compileContentChecks(policy, [], terms, input.classifier);
  const alphabet = new SyllableAlphabet();
  const keywords = yield* keywordPatterns(groups, normalizeTermCached, alphabet);
  if (groups.some((g) => g.wholeWords === true)) {
    yield;
    // The segmenter's dictionary loads here, in a compile step, rather than under the first message.
    warmWordSegmenter();
  }
  // Three automata, not one: a message's keyword scan and a reply's term scan each walk only
  // their own patterns, and syllable forms are only ever scanned over syllable text.
  const keywordAutomaton = yield* AutomatonShards.build(keywords.filter((k) => k.payload.form !== 'syllables'));
  const syllableForms = keywords.filter((k) => k.payload.form === 'syllables');
  const syllables =
    syllableForms.length > 0 ? { alphabet, automaton: yield* AutomatonShards.build(syllableForms) } : null;
  const termAutomaton = yield* AutomatonShards.build(terms.patterns);

  const flows: CompiledFlow[] = [];
  for (const flow of input.flows) {
    yield;
    const compiled = compileFlow(flow, problems);
    if (flow.enabled !== false) flows.push(compiled);
  }
  const triggers = new Map<string, TriggerRef[]>();
  for (const flow of flows) {
    for (const node of flow.nodes.values()) {
      if (node.type !== 'trigger') continue;
      for (const key of triggerKeys(node.data)) {
        const list = triggers.get(key) ?? [];
        list.push({
          flow,
          nodeId: node.id,
          onlyIfUnmatched: node.data.onlyIfUnmatched === true,
          gate: gateOf(flow, node.id),
        });
        triggers.set(key, list);
      }
    }
  }
  const replyRules: CompiledReplyRule[] = [];
  // Disabled custom rules are compiled too: enabling one later must not be what breaks the account.
  const policyRules = (input.policy?.rules ?? []).map((r, i) => ({
    rule: {
      code: `rule:${r.id}`,
      severity: r.severity,
      message: r.message,
      ruleId: `rule:${r.id}`,
      conditions: r.conditions,
      path: `${WORKSPACE_PATHS.policy()}/rules/${i}/conditions`,
    },
    enabled: r.enabled !== false,
  }));
  for (const { rule, enabled } of [
    ...policyRules,
    ...packs.flatMap((p) => (p.rules ?? []).map((rule) => ({ rule, enabled: true }))),
  ]) {
    yield;
    const event = {
      type: 'reason',
      params: { code: rule.code, severity: rule.severity, message: rule.message, ruleId: rule.ruleId },
    };
    const compiled = compileRule(rule.conditions, event, rule.path);
    if (!compiled.ok) problems.push(...compiled.problems);
    else if (enabled) replyRules.push({ guard: guardOf(rule.conditions), engine: compiled.engine });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    compiled: {
      policy,
      groups,
      groupIndex: new Map(groups.map((g, i) => [g.id, i])),
      keywordAutomaton,
      syllables,
      termAutomaton,
      regexKeywords: regexKeywords(groups, regexOf),
      hasFuzzyGroups: groups.some((g) => g.mode === 'fuzzy'),
      content,
      flows,
      triggers,
      replyRules,
    },
  };
}

/**
 * The account's own documents against their schemas (numeric bounds included): data written
 * by an older version is caught here rather than by a message. Packs were checked whole at import.
 */
function* schemaSteps(input: WorkspaceInput, problems: CompileProblem[]): Steps<void> {
  const docs: Array<{ schema: 'policy' | 'flow' | 'keyword-group'; doc: unknown; path: string }> = [
    ...(input.policy ? [{ schema: 'policy' as const, doc: input.policy, path: WORKSPACE_PATHS.policy() }] : []),
    ...input.flows.map((f) => ({ schema: 'flow' as const, doc: f, path: WORKSPACE_PATHS.flow(f.id) })),
    ...input.groups.map((g) => ({
      schema: 'keyword-group' as const,
      doc: g,
      path: WORKSPACE_PATHS['keyword-group'](g.id),
    })),
  ];
  for (const { schema, doc, path } of docs) {
    yield;
    // Validation fills defaults in place: check a copy, compile the document as given.
    const checked = validate(schema, structuredClone(doc));
    if (!checked.ok)
      for (const p of checked.problems)
        problems.push({ path: `${path}${p.path === '/' ? '' : p.path}`, message: p.message });
  }
  const timezone = input.policy?.timezone;
  if (timezone !== undefined && !isTimeZone(timezone))
    problems.push({
      path: `${WORKSPACE_PATHS.policy()}/timezone`,
      message: `未知的时区 ${timezone}（如 Asia/Shanghai）`,
    });
}

/** Every pattern of the workspace through RE2, disabled lexicons and groups included, one per step. */
function* regexSteps(input: WorkspaceInput, problems: CompileProblem[]): Steps<Map<string, RE2JS | null>> {
  const results = new Map<string, RegexCompile>();
  for (const { pattern, path } of regexSources(input)) {
    yield;
    let result = results.get(pattern);
    if (!result) results.set(pattern, (result = compileRegex(pattern)));
    if (!result.ok) problems.push({ path, message: `正则被拒绝：${result.reason}` });
  }
  return new Map([...results].map(([pattern, r]) => [pattern, r.ok ? r.regex : null]));
}

function* regexSources(input: WorkspaceInput): Generator<{ pattern: string; path: string }> {
  const groupSources = (groups: readonly KeywordGroup[], pathOf: (g: KeywordGroup, i: number) => string) =>
    groups.flatMap((g, i) =>
      g.mode === 'regex' ? g.keywords.map((pattern, k) => ({ pattern, path: `${pathOf(g, i)}/keywords/${k}` })) : [],
    );
  const lexiconSources = (lexicons: readonly Lexicon[], base: string) =>
    lexicons.flatMap((l, i) =>
      l.terms.flatMap((t, j) =>
        t.regex === true ? [{ pattern: t.term, path: `${base}/lexicons/${i}/terms/${j}/term` }] : [],
      ),
    );
  yield* groupSources(input.groups, (g) => WORKSPACE_PATHS['keyword-group'](g.id));
  yield* lexiconSources(input.policy?.lexicons ?? [], WORKSPACE_PATHS.policy());
  for (const pack of input.packs ?? []) {
    const base = WORKSPACE_PATHS.pack(pack.id);
    yield* groupSources(pack.groups ?? [], (_g, i) => `${base}/keywordGroups/${i}`);
    yield* lexiconSources(pack.lexicons ?? [], base);
  }
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

function compileFlow(flow: Flow, problems: CompileProblem[]): CompiledFlow {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const out = new Map<string, FlowEdge[]>();
  for (const edge of flow.edges) {
    const list = out.get(edge.source) ?? [];
    list.push(edge);
    out.set(edge.source, list);
  }
  const conditions = new Map<string, Engine>();
  const groupRanks = new Map<string, GroupRank>();
  flow.nodes.forEach((node, j) => {
    if (node.type === 'keywordGroup') groupRanks.set(node.id, { priority: node.data.priority ?? 0, order: j });
    if (node.type !== 'condition') return;
    const conds = node.data.conditions.map((c) => ({
      fact: c.fact,
      operator: c.operator,
      value: c.value,
      ...(c.fact === 'topicCount' ? { params: { topic: c.topic } } : {}),
      ...(c.fact === 'preference' ? { params: { key: c.key } } : {}),
    }));
    const compiled = compileRule(
      node.data.match === 'any' ? { any: conds } : { all: conds },
      { type: 'pass' },
      `${WORKSPACE_PATHS.flow(flow.id)}/nodes/${j}/data/conditions`,
      (engine) => {
        // topicCount reads the per-group hit counter named by the condition's `topic`.
        engine.addFact('topicCount', async (params: { topic?: string }, almanac) => {
          const topics = (await almanac.factValue('topics')) as Record<string, number> | undefined;
          return topics?.[params.topic ?? ''] ?? 0;
        });
        // preference reads the value a recordPreference node stored under the condition's `key` (none: null).
        engine.addFact('preference', async (params: { key?: string }, almanac) => {
          const preferences = (await almanac.factValue('preferences')) as Record<string, string> | undefined;
          return preferences?.[params.key ?? ''] ?? null;
        });
      },
    );
    if (compiled.ok) conditions.set(node.id, compiled.engine);
    else problems.push(...compiled.problems);
  });
  return {
    id: flow.id,
    name: flow.name,
    nodes,
    out,
    conditions,
    keywordAnswers: flow.keywordAnswers ?? 'one',
    groupRanks,
  };
}
