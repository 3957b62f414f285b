import { TOKEN_KEY } from '../api/api-request.js';

/**
 * Reads the one-time sign-in link's `#token=…`, stores it and removes it from the
 * address bar (so it is neither bookmarked nor shared). Returns the token, if any.
 */
export function takeTokenFromUrl(loc: Location = window.location, hist: History = window.history): string | null {
  const hash = loc.hash.startsWith('#') ? loc.hash.slice(1) : loc.hash;
  const params = new URLSearchParams(hash);
  const token = params.get('token');
  if (!token) return null;
  localStorage.setItem(TOKEN_KEY, token);
  params.delete('token');
  const rest = params.toString();
  hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}${rest ? `#${rest}` : ''}`);
  return token;
}
