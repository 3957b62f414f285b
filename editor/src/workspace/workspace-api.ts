import type { WorkspaceChanges, WorkspacePublishBody, WorkspacePublishResult } from '../../../rules-schema/index.js';
import { apiRequest } from '../api/api-request.js';

/** Typed calls to the workspace publish routes (one function per route). */
export const workspaceApi = {
  /** What a workspace publish would change, the live version and the gates' verdicts. */
  changes: () => apiRequest<WorkspaceChanges>('/workspace/changes', { account: true }),
  /** Publishes every changed draft as one workspace version; overrides need the note. */
  publish: (body: WorkspacePublishBody) => apiRequest<WorkspacePublishResult>('/workspace/publish', { method: 'POST', body, account: true }),
};
