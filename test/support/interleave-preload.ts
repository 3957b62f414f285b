/**
 * Preloaded into the editor tests' server by `startEditorServer({ interleave: true })`: another
 * operator's request lands exactly between a publish's checks and its write, as
 * test/support/app-instance.ts does for two in-process instances, never by timing. When the file
 * named by REPLYFLOW_INTERLEAVE exists, the next `publishAll` takes it (deletes it), sends the
 * request it describes to this same server, waits for the answer, then writes.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { VersionRepository } from '../../server/src/store/version-repository.js';

/** What the test asks for: another client's request, to run before the next publish writes. */
export interface InterleavedRequest {
  url: string;
  method: string;
  body?: unknown;
}

const file = process.env['REPLYFLOW_INTERLEAVE'];
if (file) {
  const write = VersionRepository.prototype.publishAll;
  VersionRepository.prototype.publishAll = async function (this: VersionRepository, ...args: Parameters<typeof write>) {
    if (existsSync(file)) {
      // Written by the test (its own format), read back here.
      const other = JSON.parse(readFileSync(file, 'utf8')) as InterleavedRequest;
      rmSync(file);
      const res = await fetch(other.url, {
        method: other.method,
        headers: { Authorization: `Bearer ${process.env['ADMIN_TOKEN'] ?? ''}`, 'Content-Type': 'application/json' },
        ...(other.body === undefined ? {} : { body: JSON.stringify(other.body) }),
      });
      if (!res.ok)
        throw new Error(`the interleaved ${other.method} ${other.url} answered ${res.status}: ${await res.text()}`);
    }
    return write.apply(this, args);
  } as typeof write;
}
