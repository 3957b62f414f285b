import { describe, expect, it } from 'vitest';
import { runInSlices, SLICE_MS } from '../../server/src/runtime/run-in-slices.js';
import type { Steps } from '../../server/src/core/steps.js';

/** Steps that each keep the CPU busy for longer than a slice, recording what had run before them. */
function* busySteps(count: number, seen: boolean[], flag: { ran: boolean }): Steps<string> {
  for (let i = 0; i < count; i++) {
    seen.push(flag.ran);
    const until = performance.now() + SLICE_MS + 2;
    while (performance.now() < until) {
      // busy: one step longer than a slice
    }
    yield;
  }
  return 'done';
}

describe('runInSlices', () => {
  it('hands the event loop back between slices: work queued before the compile runs after its first slice', async () => {
    const seen: boolean[] = [];
    const flag = { ran: false };
    setImmediate(() => (flag.ran = true));
    expect(await runInSlices(busySteps(3, seen, flag))).toBe('done');
    expect(seen).toEqual([false, true, true]);
  });

  it('runs the whole compile in one go when it is shorter than a slice', async () => {
    function* quick(): Steps<number> {
      yield;
      yield;
      return 7;
    }
    expect(await runInSlices(quick())).toBe(7);
  });
});
