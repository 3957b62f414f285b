import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A wait, not a timing assertion: a browser step waiting on a server round trip (a sandbox
    // run compiles the whole workspace) must not fail because the machine is busy.
    expect: { poll: { timeout: 10_000 } },
    pool: 'forks',
    // Two files at a time on a 2-core CI machine: much of the suite waits on child servers,
    // Chromium and disk, so a second fork overlaps those waits (vitest's default is cores − 1 = 1).
    maxWorkers: 2,
    minWorkers: 1,
    // Seeds the example workspace once for the whole run (see test/support/seeded-data-dir.ts).
    globalSetup: ['test/support/global-setup.ts'],
    // Inert unless RF_CLOCK_SHIFT_DAYS is set (see test/robustness/clock-shift.test.ts).
    setupFiles: ['test/support/shift-clock.ts'],
  },
});
