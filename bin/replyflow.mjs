#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx replyflow` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/src/cli/main.ts');
process.exitCode = await main(
  process.argv.slice(2),
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
