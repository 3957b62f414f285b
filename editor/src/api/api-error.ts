/** An error answered by the API (CONTRACT §3), kept as data so the UI can show details. */
export interface ApiErrorDetail {
  path: string;
  message: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  /** The raw `error` object, for fields the contract may add (e.g. the current revision). */
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[], body: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.body = body;
  }
}
