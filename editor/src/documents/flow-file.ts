import type { Flow } from '../../../rules-schema/index.js';
import { downloadText } from './download-text.js';
import { validate } from '../../../rules-schema/validator.js';

/** Offers the flow as a `.json` download. */
export function downloadJson(name: string, doc: object): void {
  downloadText(name, JSON.stringify(doc, null, 2), 'application/json');
}

/** Parses an imported file as a flow document; the problems are returned, not thrown. */
export function parseFlowFile(text: string): { flow: Flow } | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problems: ['JSON'] };
  }
  if (typeof json === 'object' && json !== null) delete (json as { revision?: unknown }).revision;
  const result = validate<Flow>('flow', json);
  return result.ok ? { flow: result.value } : { problems: result.problems.map((p) => `${p.path} ${p.message}`) };
}
