/**
 * Refuses a URL longer than `max` characters with 414 URI_TOO_LONG. Longer than Node's
 * `maxHeaderSize` (16 KiB) it never reaches Express: create-http-server.ts answers it (431).
 */
import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

/** No route of ours needs more; 8 KiB is the common request-line limit of proxies as well. */
export const MAX_URL_LENGTH = 8192;

export function urlLengthLimit(max: number): RequestHandler {
  return (req, _res, next) => {
    if (req.originalUrl.length <= max) return next();
    next(new AppError('URI_TOO_LONG', `网址过长，最多 ${max} 个字符 (URL longer than ${max} characters)`));
  };
}
