/**
 * Compilation as steps: a generator that yields between small units of work (a regex, a
 * term, an automaton shard, a rule) and returns its result. Pure code stays synchronous and
 * clock-free; the caller decides whether to run it to the end at once (tests, the sandbox)
 * or to give the event loop a turn between slices (the runtime, see runtime/run-in-slices.ts).
 */
export type Steps<T> = Generator<void, T, void>;

/**
 * @example runToEnd(compileWorkspaceSteps(input)) // the same result, with no pauses
 */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
