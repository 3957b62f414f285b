/**
 * The one place errors become HTTP answers: always the §3 JSON body, never HTML or a stack.
 * A client's mistake is the 4xx its code names; the store really failing is a 503; anything else
 * is a bug, answered 500 INTERNAL with a request id that finds its stack in the log. A 500 says
 * nothing about writes: a bug can strike after some of them.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, STATUS_OF, type ErrorCode, type ErrorDetail } from '../errors.js';
import { StoreError } from '../store/store-errors.js';
import type { Logger } from '../logger.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId?: string };
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    // Part of the answer is on the wire: Express can only cut the connection.
    if (res.headersSent) return next(err);
    const { status, body } = toErrorBody(err);
    if (status >= 500) {
      const requestId = randomUUID();
      log.error('request failed', {
        requestId,
        method: req.method,
        path: req.path,
        status,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      body.error.requestId = requestId;
      if (body.error.code === 'INTERNAL') body.error.message += ` 请求编号 (request id) ${requestId}`;
      res.set('X-Request-Id', requestId);
    }
    res.status(status).json(body);
  };
}

/** The status and §3 body of an error; shared with the HTTP server's answers to unparsable requests. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: STATUS_OF[err.code],
      body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } },
    };
  }
  if (err instanceof StoreError && err.code === 'STORE_UNAVAILABLE')
    return simple('STORE_UNAVAILABLE', '存储暂时不可用，未写入任何数据 (store unavailable)');
  const e = err as { type?: unknown; status?: unknown } | null | undefined;
  // body-parser and the router signal a client's fault with `type` and a 4xx `status`.
  if (e?.type === 'entity.parse.failed')
    return simple('INVALID_JSON', '请求体不是合法的 JSON (body is not valid JSON)');
  if (e?.type === 'entity.too.large') return simple('PAYLOAD_TOO_LARGE', '请求体过大 (body too large)');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return simple('INVALID_JSON', '不支持的编码 (unsupported encoding)');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500)
    return simple('VALIDATION_FAILED', '请求无法解析 (malformed request)');
  return simple('INTERNAL', '服务器内部错误，已记录 (internal error, logged)');
}

function simple(code: ErrorCode, message: string) {
  return { status: STATUS_OF[code], body: { error: { code, message } } };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `没有这个接口: ${req.method} ${req.path} (no such route)`));
};
