import type { StateCreator } from 'zustand';
import type { SandboxStep, Scenario, UserProfile } from '../../../rules-schema/index.js';
import type { Expectation, SandboxResult, ScenarioOutcome, WindowView } from '../api/sandbox-api.js';
import type { DocSummary } from '../api/documents-api.js';
import { toDurationSpec } from '../sandbox/durations.js';
import type { LitPath } from '../sandbox/lit-path.js';
import type { ReplyCounters } from '../../../rules-schema/index.js';
import type { EditorState } from './editor-store.js';
import { DEFAULT_TIME_ZONE, mondayNine } from '../time/zone-time.js';

export type SandboxView = 'chat' | 'library' | 'backtest';

/** The script being played in the panel, kept client-side and re-run whole after each action. */
export interface SandboxSession {
  /** Set when the session was opened from, or saved to, the scenario library. */
  scenario: { id: string; name: string; description?: string; revision?: number } | null;
  start: string;
  users: Record<string, UserProfile>;
  steps: SandboxStep[];
  /** The packs the run applies; null: the account's enabled packs (the server's default). */
  packs: string[] | null;
  /** What an opened scenario holds that the panel does not edit, written back unchanged on save. */
  kept: ScenarioKept;
}

/** The scenario fields the panel neither shows nor edits (inline flows, keyword groups, policy). */
export type ScenarioKept = Omit<
  Scenario,
  'schemaVersion' | 'id' | 'name' | 'description' | 'revision' | 'start' | 'users' | 'steps' | 'packs'
>;

/** A scenario's last run in the library: pass/fail and why. */
export type ScenarioRun = Pick<ScenarioOutcome, 'passed' | 'failures'>;

export interface SandboxSlice {
  sandboxOpen: boolean;
  sandboxView: SandboxView;
  session: SandboxSession;
  activeUser: string;
  /** Clock moved since the last step; the next step carries it as `after`. */
  pendingMs: number;
  result: SandboxResult | null;
  /** The active user's window and etiquette counters at the virtual "now" (after the pending clock move). */
  now: { at: string; window: WindowView; counters?: ReplyCounters } | null;
  running: boolean;
  runError: string | null;
  /** The step whose path is lit on the canvas; null: the last inbound step. */
  litStep: number | null;
  lit: LitPath;
  scenarios: DocSummary[];
  scenarioRuns: Record<string, ScenarioRun>;
  setSandboxOpen: (open: boolean) => void;
  setSandboxView: (view: SandboxView) => void;
  setStart: (start: string) => void;
  putUser: (id: string, profile: UserProfile) => void;
  addUser: () => string;
  setActiveUser: (id: string) => void;
  /** Appends a step, carrying the pending clock move. */
  addStep: (step: SandboxStep) => void;
  advanceClock: (ms: number) => void;
  setExpect: (index: number, expect: Expectation | undefined) => void;
  removeStep: (index: number) => void;
  /** Chooses the packs for the run; null goes back to the account's enabled packs. */
  setPacks: (packs: string[] | null) => void;
  resetSession: () => void;
  loadSession: (session: SandboxSession) => void;
  setRunState: (patch: Partial<Pick<SandboxSlice, 'result' | 'now' | 'running' | 'runError'>>) => void;
  setLit: (litStep: number | null, lit: LitPath) => void;
  setScenarios: (items: DocSummary[]) => void;
  setScenarioRuns: (runs: Record<string, ScenarioRun>) => void;
}

/** Monday 9:00 of this week on the account zone's clock: a fixed, readable start for a new session. */
export function defaultStart(now = new Date(), timeZone = DEFAULT_TIME_ZONE): string {
  return mondayNine(now.getTime(), timeZone);
}

export function emptySession(timeZone = DEFAULT_TIME_ZONE): SandboxSession {
  return {
    scenario: null,
    start: defaultStart(new Date(), timeZone),
    users: { u1: { nickname: '', tags: [] } },
    steps: [],
    packs: null,
    kept: {},
  };
}

const NO_LIGHT: LitPath = { nodes: [], edges: [], tried: [], triedEdges: [] };

/** The sandbox panel: its session, the virtual clock, the last run and the scenario library. */
export const createSandboxSlice: StateCreator<EditorState, [], [], SandboxSlice> = (set, get) => ({
  sandboxOpen: false,
  sandboxView: 'chat',
  session: emptySession(),
  activeUser: 'u1',
  pendingMs: 0,
  result: null,
  now: null,
  running: false,
  runError: null,
  litStep: null,
  lit: NO_LIGHT,
  scenarios: [],
  scenarioRuns: {},
  setSandboxOpen: (open) => set(open ? { sandboxOpen: true } : { sandboxOpen: false, lit: NO_LIGHT }),
  setSandboxView: (sandboxView) => set({ sandboxView }),
  setStart: (start) => set((s) => ({ session: { ...s.session, start } })),
  putUser: (id, profile) => set((s) => ({ session: { ...s.session, users: { ...s.session.users, [id]: profile } } })),
  addUser: () => {
    const users = get().session.users;
    let n = Object.keys(users).length + 1;
    while (users[`u${n}`]) n++;
    const id = `u${n}`;
    set((s) => ({ session: { ...s.session, users: { ...users, [id]: { nickname: '', tags: [] } } }, activeUser: id }));
    return id;
  },
  setActiveUser: (activeUser) => set({ activeUser }),
  addStep: (step) =>
    set((s) => {
      const withClock: SandboxStep = s.pendingMs > 0 ? { after: toDurationSpec(s.pendingMs), ...step } : step;
      return { session: { ...s.session, steps: [...s.session.steps, withClock] }, pendingMs: 0, litStep: null };
    }),
  advanceClock: (ms) => set((s) => ({ pendingMs: s.pendingMs + Math.max(0, ms) })),
  setExpect: (index, expect) =>
    set((s) => ({
      session: {
        ...s.session,
        steps: s.session.steps.map((step, i) => {
          if (i !== index) return step;
          const { expect: _old, ...rest } = step;
          return expect ? { ...rest, expect } : rest;
        }),
      },
    })),
  removeStep: (index) =>
    set((s) => ({ session: { ...s.session, steps: s.session.steps.filter((_, i) => i !== index) }, litStep: null })),
  setPacks: (packs) => set((s) => ({ session: { ...s.session, packs } })),
  resetSession: () =>
    set({
      session: emptySession(get().policy?.doc.timezone),
      activeUser: 'u1',
      pendingMs: 0,
      result: null,
      now: null,
      runError: null,
      litStep: null,
      lit: NO_LIGHT,
    }),
  loadSession: (session) =>
    set({
      session,
      activeUser: Object.keys(session.users)[0] ?? 'u1',
      pendingMs: 0,
      result: null,
      now: null,
      runError: null,
      litStep: null,
      lit: NO_LIGHT,
      sandboxView: 'chat',
    }),
  setRunState: (patch) => set(patch),
  setLit: (litStep, lit) => set({ litStep, lit }),
  setScenarios: (scenarios) => set({ scenarios }),
  setScenarioRuns: (runs) => set((s) => ({ scenarioRuns: { ...s.scenarioRuns, ...runs } })),
});
