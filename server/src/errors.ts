/**
 * Errors that cross the domain edge, each with a stable code from CONTRACT §3. Domain and
 * service code throws these; one Express error handler maps codes to statuses. The HTTP layer
 * adds the codes of requests refused before they reach a route (URI_TOO_LONG, HEADERS_TOO_LARGE,
 * REQUEST_TIMEOUT, BAD_REQUEST) and INTERNAL, which is what any unexpected exception (a bug) becomes.
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export type ErrorCode =
  | 'INVALID_JSON'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'BAD_REQUEST'
  | 'REQUEST_TIMEOUT'
  | 'URI_TOO_LONG'
  | 'HEADERS_TOO_LARGE'
  | 'INTERNAL'
  | 'STORE_UNAVAILABLE';

export const STATUS_OF: Record<ErrorCode, number> = {
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} 不存在 (not found)`);
export const conflict = (message: string, details?: ErrorDetail[]) => new AppError('CONFLICT', message, details);
export const invalid = (message: string, details: ErrorDetail[]) => new AppError('VALIDATION_FAILED', message, details);
