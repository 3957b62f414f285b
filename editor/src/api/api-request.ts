import { ApiError, type ApiErrorDetail } from './api-error.js';

/** Where the token lives between visits. */
export const TOKEN_KEY = 'replyflow.token';
export const ACCOUNT = 'default';

let currentToken: string | null = null;

export function setApiToken(token: string | null): void {
  currentToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Adds `?account=default` (every document route takes it). */
  account?: boolean;
  query?: Record<string, string | number>;
  token?: string;
}

/**
 * Calls `/api/v1<path>` with the bearer token and JSON in and out.
 * Throws {@link ApiError} for any non-2xx answer; returns `undefined` for 204.
 * @example const me = await apiRequest<Me>('/me');
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const params = new URLSearchParams();
  if (options.account) params.set('account', ACCOUNT);
  for (const [k, v] of Object.entries(options.query ?? {})) params.set(k, String(v));
  const qs = params.toString();
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.token ?? currentToken;
  if (token) headers['Authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}${qs ? `?${qs}` : ''}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err), [], {});
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const error = isRecord(json) && isRecord(json['error']) ? json['error'] : {};
    const details = Array.isArray(error['details']) ? (error['details'] as ApiErrorDetail[]) : [];
    throw new ApiError(
      response.status,
      typeof error['code'] === 'string' ? error['code'] : `HTTP_${response.status}`,
      typeof error['message'] === 'string' ? error['message'] : response.statusText,
      details,
      error,
    );
  }
  // Parse boundary: the server's answer is trusted to follow the contract.
  return json as T;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
