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
  /** What to ask for (default `application/json`). */
  accept?: string;
}

/**
 * Calls `/api/v1<path>` with the bearer token and JSON in and out.
 * Throws {@link ApiError} for any non-2xx answer; returns `undefined` for 204.
 * @example const me = await apiRequest<Me>('/me');
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  try {
    // Parse boundary: the server's answer is trusted to follow the contract.
    return (text ? JSON.parse(text) : undefined) as T;
  } catch {
    return undefined as T;
  }
}

/**
 * Calls `/api/v1<path>` and answers its body as text (a CSV export); errors as {@link apiRequest}.
 * @example const csv = await apiText('/metrics', { account: true, query: { from, to, format: 'csv' }, accept: 'text/csv' });
 */
export async function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  return (await apiResponse(path, options)).text();
}

/** The fetch both share: the query, the bearer token, and any non-2xx answer thrown as an {@link ApiError}. */
async function apiResponse(path: string, options: RequestOptions): Promise<Response> {
  const params = new URLSearchParams();
  if (options.account) params.set('account', ACCOUNT);
  for (const [k, v] of Object.entries(options.query ?? {})) params.set(k, String(v));
  const qs = params.toString();
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
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
  if (response.ok) return response;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
