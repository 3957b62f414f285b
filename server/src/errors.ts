/**
 * Errors that cross the domain edge, each with a stable code from CONTRACT §3. Domain and
 * service code throws these; one Express error handler maps codes to statuses.
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
  | 'STORE_UNAVAILABLE';

export const STATUS_OF: Record<ErrorCode, number> = {
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
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
