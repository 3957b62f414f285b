/** Custom json-rules-engine operators, registered on every engine the compiler builds. */
import { Engine } from 'json-rules-engine';
import { intersects } from './intersects.js';

const OPERATORS = [intersects];

export function newEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const op of OPERATORS) engine.addOperator(op.name, op.evaluate);
  return engine;
}
