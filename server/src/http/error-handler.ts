/**
 * The one place errors become HTTP answers: always the §3 JSON body, never HTML or a stack.
 * Anything unexpected is logged and answered as a store outage only when it is one.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, STATUS_OF } from '../errors.js';
import { StoreError } from '../store/store-errors.js';
import type { Logger } from '../logger.js';

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const { status, body } = toErrorBody(err);
    if (status >= 500) log.error('request failed', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
    res.status(status).json(body);
  };
}

export function toErrorBody(err: unknown): { status: number; body: { error: { code: string; message: string; details?: unknown } } } {
  if (err instanceof AppError) {
    return { status: STATUS_OF[err.code], body: { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } } };
  }
  const e = err as { type?: string; status?: number; code?: string } | undefined;
  // body-parser signals its refusals with `type`.
  if (e?.type === 'entity.parse.failed') return simple(400, 'INVALID_JSON', '请求体不是合法的 JSON (body is not valid JSON)');
  if (e?.type === 'entity.too.large') return simple(413, 'PAYLOAD_TOO_LARGE', '请求体过大 (body too large)');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') return simple(400, 'INVALID_JSON', '不支持的编码 (unsupported encoding)');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return simple(400, 'VALIDATION_FAILED', '请求无法解析 (malformed request)');
  if (err instanceof StoreError && err.code === 'STORE_UNAVAILABLE') return simple(503, 'STORE_UNAVAILABLE', '存储暂时不可用，未写入任何数据 (store unavailable)');
  return simple(503, 'STORE_UNAVAILABLE', '服务暂时不可用，请稍后重试 (temporarily unavailable)');
}

function simple(status: number, code: string, message: string) {
  return { status, body: { error: { code, message } } };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `没有这个接口: ${req.method} ${req.path} (no such route)`));
};
