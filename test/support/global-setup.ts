/**
 * Vitest global setup, run once per `vitest run` before any test file: the example workspace is
 * seeded once into a template data dir, which every test app copies instead of seeding anew.
 * Why: seeding publishes each example document through the compile gate (1.5–3 s on this
 * machine); done per test it was a large share of the whole suite's time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
// First: a clock-shifted run (RF_CLOCK_SHIFT_DAYS) dates the template's documents as its tests would.
import './shift-clock.js';
import { openStore } from '../../server/src/store/open-store.js';
import { seedWorkspace } from '../../server/src/runtime/seed-workspace.js';

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'replyflow-seeded-'));
  const store = await openStore({ dataDir: dir });
  await seedWorkspace(store, path.resolve(import.meta.dirname, '../../examples/workspace'));
  await store.close();
  project.provide('seededDataDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
