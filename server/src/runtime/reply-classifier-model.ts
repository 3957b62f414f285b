/** The reply classifier's model file (trained by `npm run train:classifier`), read once per process. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReplyClassifier, type ReplyClassifierModel } from '../core/checks/reply-classifier.js';

export const REPLY_CLASSIFIER_FILE = fileURLToPath(
  new URL('../../../rules-schema/defaults/reply-classifier.json', import.meta.url),
);

let loaded: ReplyClassifier | undefined;

/** The shipped model, loaded on first use (1.3 MB of JSON, ~30 ms: not at import). */
export function replyClassifier(): ReplyClassifier {
  loaded ??= new ReplyClassifier(JSON.parse(readFileSync(REPLY_CLASSIFIER_FILE, 'utf8')) as ReplyClassifierModel);
  return loaded;
}
