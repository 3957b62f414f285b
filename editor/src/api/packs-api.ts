import type { ImportAction, ImportPreview, Pack } from '../../../rules-schema/index.js';
import { apiRequest } from './api-request.js';

/** A catalog entry of `GET /api/v1/packs` (CONTRACT §10). */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  industry?: string;
  installed: boolean;
  /** Present for installed packs: whether the runtime applies it. */
  enabled?: boolean;
  /** `builtin` (examples/packs) or `imported` (this account's import). */
  origin?: 'builtin' | 'imported';
  /** The version this account runs, null when not installed. */
  installedVersion?: string | null;
}

/** The answer to an install, upgrade or import. */
export interface InstallOutcome {
  id: string;
  version: string;
  action: ImportAction;
  previousVersion: string | null;
  enabled: boolean;
  tests: { passed: boolean; scenarios: number };
}

/** One sandbox step of a self-test scenario (CONTRACT §9), as far as the view reads it. */
export interface PackTestStep {
  index: number;
  kind: string;
  expect: { passed: boolean; failures: string[] };
}

/** `POST /packs/:id/test`. */
export interface PackTestReport {
  passed: boolean;
  scenarios: Array<{ name: string; passed: boolean; steps: PackTestStep[] }>;
}

const packPath = (id: string) => `/packs/${encodeURIComponent(id)}`;

/** Typed calls to the pack routes the editor uses. */
export const packsApi = {
  list: () => apiRequest<{ items: PackSummary[] }>('/packs', { account: true }),
  get: (id: string) => apiRequest<Pack>(packPath(id), { account: true }),
  /** Installs or upgrades to the catalog version; `force` allows a downgrade. */
  install: (id: string, force = false) =>
    apiRequest<InstallOutcome>(`${packPath(id)}/install`, { method: 'POST', account: true, ...(force ? { query: { force: 'true' } } : {}) }),
  uninstall: (id: string) => apiRequest<undefined>(packPath(id), { method: 'DELETE', account: true }),
  setEnabled: (id: string, enabled: boolean) =>
    apiRequest<{ id: string; enabled: boolean }>(`${packPath(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', account: true }),
  test: (id: string) => apiRequest<PackTestReport>(`${packPath(id)}/test`, { method: 'POST', account: true }),
  previewImport: (doc: unknown) => apiRequest<ImportPreview>('/packs/import', { method: 'POST', account: true, body: doc, query: { dryRun: 'true' } }),
  import: (doc: unknown, force = false) =>
    apiRequest<InstallOutcome>('/packs/import', { method: 'POST', account: true, body: doc, ...(force ? { query: { force: 'true' } } : {}) }),
};
