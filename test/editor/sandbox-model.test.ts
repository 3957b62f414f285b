import { describe, expect, it } from 'vitest';
import { litPath } from '../../editor/src/sandbox/lit-path.js';
import { formatClock, parseDurationSpec, toDurationSpec } from '../../editor/src/sandbox/durations.js';
import { buildStep } from '../../editor/src/sandbox/Composer.js';
import { createSandboxSlice, defaultStart } from '../../editor/src/store/sandbox-slice.js';
import type { EditorState } from '../../editor/src/store/editor-store.js';

const faq = {
  nodes: [
    { id: 'trigger', type: 'trigger' },
    { id: 'kg-refund', type: 'keywordGroup' },
    { id: 'kg-logistics', type: 'keywordGroup' },
    { id: 'reply-refund', type: 'reply' },
    { id: 'reply-logistics', type: 'reply' },
  ],
  edges: [
    { id: 'e1', source: 'trigger', target: 'kg-refund' },
    { id: 'e2', source: 'trigger', target: 'kg-logistics' },
    { id: 'e4', source: 'kg-refund', target: 'reply-refund' },
    { id: 'e5', source: 'kg-logistics', target: 'reply-logistics' },
  ],
};

describe('litPath', () => {
  it('lights the walk that fired and tells apart the groups that were tried and missed', () => {
    expect(litPath(['trigger', 'kg-refund', 'reply-refund', 'kg-logistics'], faq)).toEqual({
      nodes: ['trigger', 'kg-refund', 'reply-refund'],
      edges: ['e1', 'e4'],
      tried: ['kg-logistics'],
      triedEdges: ['e2'],
    });
  });
  it("leaves dark another flow's walk, even when it has a node of the same id", () => {
    // The handoff flow also starts at a node called `trigger`; its next node is not here.
    expect(litPath(['trigger', 'kg-human', 'to-agent'], faq).nodes).toEqual([]);
    expect(litPath(['unmatched', 'ack'], faq).nodes).toEqual([]);
    expect(litPath([], faq)).toEqual({ nodes: [], edges: [], tried: [], triedEdges: [] });
  });
});

describe('durations', () => {
  it('writes and reads the step syntax', () => {
    expect(toDurationSpec(47 * 3_600_000 + 50 * 60_000)).toBe('47h50m');
    expect(toDurationSpec(48 * 3_600_000)).toBe('48h');
    expect(toDurationSpec(3 * 86_400_000 + 60_000)).toBe('3d1m');
    expect(parseDurationSpec('47h50m')).toBe(47 * 3_600_000 + 50 * 60_000);
    expect(parseDurationSpec('1m30s')).toBe(90_000);
    expect(parseDurationSpec('soon')).toBeNull();
    expect(formatClock(600)).toBe('00:10:00');
    expect(formatClock(172_800)).toBe('48:00:00');
  });
});

describe('composer steps', () => {
  it('builds messages, events and agent replies for the active user', () => {
    const empty = { text: '', key: '', reply: '' };
    expect(buildStep('text', 'u1', { ...empty, text: ' 退钱 ' })).toEqual({
      inbound: { from: 'u1', type: 'text', content: '退钱' },
    });
    expect(buildStep('text', 'u1', empty)).toBeNull();
    expect(buildStep('subscribe', 'u2', empty)).toEqual({ inbound: { from: 'u2', type: 'event', event: 'subscribe' } });
    expect(buildStep('CLICK', 'u1', { ...empty, key: 'FAQ' })).toEqual({
      inbound: { from: 'u1', type: 'event', event: 'CLICK', eventKey: 'FAQ' },
    });
    expect(buildStep('reply', 'u1', { ...empty, reply: '您好' })).toEqual({
      reply: { type: 'text', content: '您好' },
      to: 'u1',
      commit: true,
    });
  });
});

describe('sandbox slice', () => {
  function slice() {
    let state = {} as EditorState;
    const set = (patch: Partial<EditorState> | ((s: EditorState) => Partial<EditorState>)) => {
      state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
    };
    state = createSandboxSlice(set as never, () => state, {} as never) as EditorState;
    return () => state;
  }
  it('carries the clock moved since the last step onto the next one, as `after`', () => {
    const get = slice();
    get().addStep({ inbound: { from: 'u1', type: 'text', content: '退钱' } });
    get().advanceClock(47 * 3_600_000);
    get().advanceClock(50 * 60_000);
    expect(get().pendingMs).toBe(47 * 3_600_000 + 50 * 60_000);
    get().addStep({ reply: { type: 'text', content: '您好' }, to: 'u1' });
    expect(get().session.steps[1]).toEqual({ after: '47h50m', reply: { type: 'text', content: '您好' }, to: 'u1' });
    expect(get().pendingMs).toBe(0);
    get().setExpect(1, { verdict: 'warn' });
    expect(get().session.steps[1]?.expect).toEqual({ verdict: 'warn' });
    get().setExpect(1, undefined);
    expect(get().session.steps[1]).not.toHaveProperty('expect');
    expect(get().addUser()).toBe('u2');
    expect(get().activeUser).toBe('u2');
  });
  it('starts sessions on a Monday at 9:00 on the account zone clock (China unless the policy says otherwise)', () => {
    expect(defaultStart(new Date('2026-01-08T03:00:00Z'))).toBe('2026-01-05T09:00:00+08:00');
    expect(defaultStart(new Date('2026-01-04T17:00:00Z'))).toBe('2026-01-05T09:00:00+08:00');
    // Sunday 4 January 17:00 UTC is still Sunday in New York (12:00): that week's Monday is 29 December.
    expect(defaultStart(new Date('2026-01-04T17:00:00Z'), 'America/New_York')).toBe('2025-12-29T09:00:00-05:00');
    expect(defaultStart(new Date('2026-01-08T03:00:00Z'), 'Asia/Kolkata')).toBe('2026-01-05T09:00:00+05:30');
  });
});
