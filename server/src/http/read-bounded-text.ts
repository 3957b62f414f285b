/**
 * Reads a request body as UTF-8 text up to a byte limit, for the webhook: it decides after the
 * signature check what an oversized or broken body means (a 403, or `success` for WeChat), so
 * reading reports those as null instead of answering 413/400 itself.
 */
import type { IncomingMessage } from 'node:http';

/**
 * @example await readBoundedText(req, 64 * 1024) // '<xml>…</xml>', or null when over 64 KiB
 */
export function readBoundedText(req: IncomingMessage, limitBytes: number): Promise<string | null> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is drained unread, so the connection can still carry the answer.
    let over = Number.isFinite(declared) && declared > limitBytes;
    if (over) resolve(null);
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      resolve(null);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}
