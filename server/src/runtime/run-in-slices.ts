/**
 * Drives compile steps (core/steps.ts) in slices of at most SLICE_MS of work, handing the
 * event loop back with setImmediate in between: a large recompile then delays /healthz, other
 * accounts and WeChat pushes by one slice at most instead of by the whole compile.
 */
import type { Steps } from '../core/steps.js';

/** Longest run between turns of the event loop; one step (an automaton shard) may overrun it a little. */
export const SLICE_MS = 20;

/**
 * @example const outcome = await runInSlices(compileWorkspaceSteps(input));
 */
export async function runInSlices<T>(steps: Steps<T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
