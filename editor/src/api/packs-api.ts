import type { CatalogEntry, ImportPreview, InstallOutcome, Pack, PackTestReport } from '../../../rules-schema/index.js';
import { apiRequest } from './api-request.js';

// The pack answers' shapes are the response schemas' (rules-schema/schemas/pack-answers.ts).
export type { InstallOutcome, PackTestReport } from '../../../rules-schema/index.js';
/** A catalog entry of `GET /api/v1/packs` (CONTRACT §10). */
export type PackSummary = CatalogEntry;

const packPath = (id: string) => `/packs/${encodeURIComponent(id)}`;

/** Typed calls to the pack routes the editor uses. */
export const packsApi = {
  list: () => apiRequest<{ items: PackSummary[] }>('/packs', { account: true }),
  get: (id: string) => apiRequest<Pack>(packPath(id), { account: true }),
  /** Installs or upgrades to the catalog version; `force` allows a downgrade. */
  install: (id: string, force = false) =>
    apiRequest<InstallOutcome>(`${packPath(id)}/install`, {
      method: 'POST',
      account: true,
      ...(force ? { query: { force: 'true' } } : {}),
    }),
  uninstall: (id: string) => apiRequest<undefined>(packPath(id), { method: 'DELETE', account: true }),
  setEnabled: (id: string, enabled: boolean) =>
    apiRequest<{ id: string; enabled: boolean }>(`${packPath(id)}/${enabled ? 'enable' : 'disable'}`, {
      method: 'POST',
      account: true,
    }),
  test: (id: string) => apiRequest<PackTestReport>(`${packPath(id)}/test`, { method: 'POST', account: true }),
  previewImport: (doc: unknown) =>
    apiRequest<ImportPreview>('/packs/import', { method: 'POST', account: true, body: doc, query: { dryRun: 'true' } }),
  import: (doc: unknown, force = false) =>
    apiRequest<InstallOutcome>('/packs/import', {
      method: 'POST',
      account: true,
      body: doc,
      ...(force ? { query: { force: 'true' } } : {}),
    }),
};
