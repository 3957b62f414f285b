/**
 * Runs a sandbox script (CONTRACT §9) through the production code path — the same inbound
 * and reply services — with an isolated in-memory store and a virtual clock swapped in.
 * Nothing outside the sandbox changes, and the same script always gives the same answer.
 */
import type {
  Flow,
  KeywordGroup,
  Policy,
  SandboxResult,
  SandboxStep,
  SandboxStepReport,
  UserProfile,
} from '../../../rules-schema/index.js';
import { openMemoryStore, type Store } from '../store/open-store.js';
import type { CompiledSource } from '../runtime/workspace-cache.js';
import { handleInbound } from '../runtime/inbound-service.js';
import { handleReplyCheck } from '../runtime/reply-service.js';
import { compileWithPacks } from '../runtime/pack-contribution.js';
import { checkInstant, toEpochMs } from '../runtime/instant.js';
import { parseDuration } from './parse-duration.js';
import { checkExpectation, type StepResult } from './check-expectation.js';

export interface SandboxDocs {
  flows: Flow[];
  groups: KeywordGroup[];
  policy: Policy | undefined;
  /** Pack documents as stored. */
  packs: unknown[];
}

export interface SandboxScript {
  start?: string | number;
  users?: Record<string, UserProfile>;
  steps: SandboxStep[];
}

/** A fixed default start keeps scripts without `start` deterministic. */
export const DEFAULT_START = '2026-01-05T09:00:00+08:00';
const ACCOUNT = 'sandbox';

export async function runSandbox(docs: SandboxDocs, script: SandboxScript): Promise<SandboxResult> {
  const compiled = await compileWithPacks(docs);
  const source = { get: async () => compiled };
  const store = await openMemoryStore();
  try {
    let clock = toEpochMs(script.start ?? DEFAULT_START, 0, '/start');
    const steps: SandboxStepReport[] = [];
    for (const [index, step] of script.steps.entries()) {
      if (step.at !== undefined) clock = toEpochMs(step.at, clock, `/steps/${index}/at`);
      else if (step.after)
        clock = checkInstant(clock + parseDuration(step.after, `/steps/${index}/after`), `/steps/${index}/after`);
      const outcome = await runStep(store, source, step, index, clock, script.users ?? {});
      steps.push({
        index,
        at: new Date(clock).toISOString(),
        ...outcome,
        expect: checkExpectation(step.expect, outcome),
      });
    }
    return { passed: steps.every((s) => s.expect.passed), steps };
  } finally {
    await store.close();
  }
}

async function runStep(
  store: Store,
  source: CompiledSource,
  step: SandboxStep,
  index: number,
  now: number,
  users: Record<string, UserProfile>,
): Promise<StepResult> {
  if (step.inbound) {
    const message = { ...step.inbound, at: now, msgId: step.inbound.msgId ?? `sandbox-${index}` };
    const result = await handleInbound(
      store,
      source,
      { account: ACCOUNT, message, user: users[message.from] ?? message.user },
      now,
    );
    return { kind: 'inbound', result };
  }
  const to = step.to as string;
  const result = await handleReplyCheck(
    store,
    source,
    {
      account: ACCOUNT,
      to,
      reply: step.reply as { type: string },
      at: now,
      commit: step.commit ?? true,
      user: users[to],
    },
    now,
  );
  return { kind: 'reply', result };
}
