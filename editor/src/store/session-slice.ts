import type { StateCreator } from 'zustand';
import { TOKEN_KEY, setApiToken } from '../api/api-request.js';
import type { Me } from '../api/documents-api.js';
import type { EditorState } from './editor-store.js';

export interface SessionSlice {
  token: string | null;
  me: Me | null;
  setSession: (token: string | null, me: Me | null) => void;
  signOut: () => void;
}

/** The bearer token (kept in localStorage) and who it belongs to. */
export const createSessionSlice: StateCreator<EditorState, [], [], SessionSlice> = (set) => ({
  token: readStoredToken(),
  me: null,
  setSession: (token, me) => {
    setApiToken(token);
    if (token) safeStorage()?.setItem(TOKEN_KEY, token);
    else safeStorage()?.removeItem(TOKEN_KEY);
    set({ token, me });
  },
  signOut: () => {
    setApiToken(null);
    safeStorage()?.removeItem(TOKEN_KEY);
    set({ token: null, me: null });
  },
});

function readStoredToken(): string | null {
  const token = safeStorage()?.getItem(TOKEN_KEY) ?? null;
  setApiToken(token);
  return token;
}

/** localStorage, or null where the browser refuses it (private mode, sandboxed frames). */
export function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
