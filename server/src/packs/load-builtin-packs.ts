/**
 * The built-in pack catalog: every `examples/packs/*.json`, read and checked once at start.
 * A broken built-in pack is a programmer fault, so it stops the start-up loudly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../../rules-schema/index.js';
import { checkPack } from './check-pack.js';

export const BUILTIN_PACKS_DIR = fileURLToPath(new URL('../../../examples/packs/', import.meta.url));

const loaded = new Map<string, ReadonlyMap<string, Pack>>();

/**
 * @returns the packs by id, in file-name order; the same map for the same directory.
 * @example loadBuiltinPacks().get('medical-health')?.version // '1.0.0'
 */
export function loadBuiltinPacks(dir: string = BUILTIN_PACKS_DIR): ReadonlyMap<string, Pack> {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const packs = new Map<string, Pack>();
  const files = (existsSync(dir) ? readdirSync(dir) : []).filter((f) => f.endsWith('.json')).sort();
  for (const file of files) {
    const doc: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    const checked = checkPack(doc);
    if (!checked.ok) {
      throw new Error(
        `built-in pack ${file} is invalid: ${checked.problems.map((p) => `${p.path} ${p.message}`).join('; ')}`,
      );
    }
    if (packs.has(checked.pack.id)) throw new Error(`built-in pack id ${checked.pack.id} appears twice (${file})`);
    packs.set(checked.pack.id, checked.pack);
  }
  loaded.set(dir, packs);
  return packs;
}
