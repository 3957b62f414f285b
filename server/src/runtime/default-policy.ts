/** The default compliance policy of CONTRACT §6–§7, used until an account publishes its own. */
import { readFileSync } from 'node:fs';
import type { Policy } from '../../../rules-schema/index.js';

const FILE = new URL('../../../rules-schema/defaults/default-policy.json', import.meta.url);

export const DEFAULT_POLICY: Policy = JSON.parse(readFileSync(FILE, 'utf8')) as Policy;
