/**
 * The HTTP server around the app (used by server/src/main.ts and the tests). Node answers a
 * request it cannot parse (a request line or headers over `maxHeaderSize`, a malformed request,
 * a timeout) on its own, with an empty body, before Express sees it; the `clientError` answer
 * here is the same status with the §3 JSON body instead.
 */
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, type ErrorCode } from '../errors.js';
import { toErrorBody } from './error-handler.js';

/** @example createHttpServer(createApp(options)).listen(3000, '127.0.0.1') */
export function createHttpServer(app: RequestListener): Server {
  const server = createServer(app);
  // Idle keep-alive connections outlive a load balancer's idle timeout (60 s by default on the
  // common ones): were the server to close first (Node's default is 5 s), the balancer or a
  // pooling client could send on a socket being closed and get ECONNRESET (the soak bench saw it).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', answerClientError);
  return server;
}

/** The same statuses as Node's own answers (lib/_http_server.js, socketOnError). */
const CLIENT_ERRORS: Record<string, [ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: ['HEADERS_TOO_LARGE', '请求行或请求头过长 (request line or headers too large)'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: ['PAYLOAD_TOO_LARGE', '分块扩展过长 (chunk extensions too large)'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST_TIMEOUT', '请求超时 (request timeout)'],
};

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  // A response already under way on this connection cannot be followed by another.
  const current = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || current?.headersSent) {
    socket.destroy(err);
    return;
  }
  const [code, message] =
    CLIENT_ERRORS[err.code ?? ''] ?? (['BAD_REQUEST', '无法解析的 HTTP 请求 (malformed HTTP request)'] as const);
  const { status, body } = toErrorBody(new AppError(code, message));
  const json = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
  );
}
